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
