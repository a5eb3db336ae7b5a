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

/** What a milestone certificate attests: the milestone and its English name ("Juz 30 (Juz 'Amma)"). */
export interface CertifiedMilestone {
  kind: 'surah' | 'juz' | 'juz_count';
  /** The surah or juz; for `juz_count`, the whole juz memorised (5, 10, ... 30). */
  number: number;
  label: string;
}

/**
 * What the public verification of a certificate reveals: no more than this. A certificate is for a course
 * (its title) or for a hifz milestone (what was memorised, not when nor with whom).
 */
export type CertificateVerification = {
  valid: true;
  name: string;
  issuedAt: string;
  certificateNumber: string;
} & ({ course: string } | { milestone: CertifiedMilestone });
