import type { RoleType } from '../../db/schema/enums';

/** A user as the API shows them (Strapi's users-permissions shape, with our profile). */
export interface User {
  id: number;
  documentId: string;
  username: string;
  /** Shown to the user themself and to admins only. */
  email: string | null;
  provider: string;
  confirmed: boolean;
  blocked: boolean;
  createdAt: string;
  updatedAt: string;
  role: { name: string; type: RoleType };
  profile: {
    fullName: string | null;
    ageTier: string | null;
    /** Shown to the user themself and to staff and parents, never to other students. */
    dateOfBirth: string | null;
    timeZone: string;
    locale: string;
  };
}

/** POST /api/auth/local and /api/auth/local/register. */
export interface SignInAnswer {
  jwt: string;
  refreshToken: string;
  user: User;
}

/** POST /api/auth/refresh. */
export interface RefreshAnswer {
  jwt: string;
  refreshToken: string;
}

/** What the public verification of a certificate reveals: no more than this. */
export interface CertificateVerification {
  valid: true;
  name: string;
  course: string;
  issuedAt: string;
  certificateNumber: string;
}
