import type { PairingCodeInfo } from './families';
import type { User } from './users';

/** A user as /api/admin/users shows them to admins. */
export interface AdminUser extends User {
  /** An admin reset the password; the user chooses a new one at their next sign-in. */
  mustChangePassword: boolean;
}

export interface FamilyMember {
  documentId: string;
  username: string;
  linkedAt: string;
}

/** GET /api/admin/users/:id: the account with its family links and open pairing codes. */
export interface AdminUserDetail extends AdminUser {
  parents: FamilyMember[];
  children: FamilyMember[];
  pairingCodes: PairingCodeInfo[];
}

/** POST /api/admin/users/:id/password-reset: the temporary password, shown this once. */
export interface PasswordResetAnswer {
  temporaryPassword: string;
  user: AdminUser;
}
