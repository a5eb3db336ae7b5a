import type { User } from './users';

/** A pairing code as listed (GET /api/pairing-codes): never the code itself, which is shown once. */
export interface PairingCodeInfo {
  documentId: string;
  child: { documentId: string; username: string };
  createdBy: { documentId: string; username: string } | null;
  createdAt: string;
  expiresAt: string;
}

/** POST /api/pairing-codes: the code, in clear, this once ("K7QF-9XA2"). */
export interface IssuedPairingCode extends PairingCodeInfo {
  code: string;
}

/** POST /api/pairing-codes/redeem: the child the parent is now linked to. */
export interface RedeemedPairingCode {
  child: User;
}

/** Why POST /api/pairing-codes/redeem refused a code: the error's `details.reason`. */
export type PairingRefusal = 'unknown' | 'used' | 'withdrawn' | 'expired' | 'already-linked' | 'not-a-student';

/** GET /api/pairing-codes/students: a student the caller may issue a code for. */
export interface PairableStudent {
  documentId: string;
  username: string;
  fullName: string | null;
  /** Courses the student is in (not dropped); for a teacher, only the teacher's own courses. */
  courses: { documentId: string; title: string }[];
  /** The latest expiry of the codes still open for this student; null when none is. */
  openCodeExpiresAt: string | null;
}
