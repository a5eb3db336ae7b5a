import { z } from 'zod';
import { timeZone } from './time-zone';

export const SCHOOL_LANGUAGES = ['en', 'ar'] as const;

/** The school's profile: what the app shows before anyone signs in, and the school's calendar. */
export const schoolProfile = z
  .object({
    name: z.string().trim().min(1).max(120),
    /** documentId of an image in the media library, or null. */
    logo: z.string().min(1).max(24).nullable(),
    timeZone,
    defaultLanguage: z.enum(SCHOOL_LANGUAGES),
  })
  .strict();

export const registrationSetting = z.object({ open: z.boolean() }).strict();
export const leaderboardSetting = z.object({ hidden: z.boolean() }).strict();

/** GET /api/school-settings (admins): every setting, stored values over defaults. */
export interface SchoolSettings {
  school: z.output<typeof schoolProfile>;
  registration: z.output<typeof registrationSetting>;
  leaderboards: z.output<typeof leaderboardSetting>;
}

/** GET /api/school-settings/public (anyone, before signing in): nothing sensitive. */
export interface PublicSchoolSettings {
  name: string;
  logoUrl: string | null;
  timeZone: string;
  defaultLanguage: (typeof SCHOOL_LANGUAGES)[number];
  registrationOpen: boolean;
  leaderboardsHidden: boolean;
}
