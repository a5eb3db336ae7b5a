import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../../db/client';
import { files, schoolSettings } from '../../../db/schema';
import {
  leaderboardSetting,
  registrationSetting,
  schoolProfile,
  type PublicSchoolSettings,
  type SchoolSettings,
} from '../../contract/school-settings';
import { badRequest, notFound } from '../../lib/errors';
import { parseWith } from '../../lib/validation';
import { recordActivity, type AuditContext } from '../audit/activity-log';

/**
 * The switches an admin may set, each with the shape of its value and the value it has until set.
 * A key not listed here does not exist for the API, whatever the table holds.
 */
export const SCHOOL_SETTINGS = {
  school: {
    schema: schoolProfile,
    defaults: { name: 'Attaqwa Masjid School', logo: null, timeZone: 'UTC', defaultLanguage: 'en' },
  },
  registration: { schema: registrationSetting, defaults: { open: true } },
  leaderboards: { schema: leaderboardSetting, defaults: { hidden: false } },
} as const satisfies { [K in keyof SchoolSettings]: { schema: z.ZodType; defaults: SchoolSettings[K] } };

export type SchoolSettingKey = keyof typeof SCHOOL_SETTINGS;
export type SchoolSettingValue<K extends SchoolSettingKey> = SchoolSettings[K];
export type SchoolSettingValues = SchoolSettings;

const KEYS = Object.keys(SCHOOL_SETTINGS) as SchoolSettingKey[];

export function schoolSettingKey(key: string): SchoolSettingKey {
  if (!(KEYS as string[]).includes(key)) throw notFound(`No school setting ${key}`);
  return key as SchoolSettingKey;
}

function withDefaults(stored: Map<string, unknown>): SchoolSettingValues {
  const values = {} as Record<SchoolSettingKey, unknown>;
  for (const key of KEYS) {
    const parsed = SCHOOL_SETTINGS[key].schema.safeParse(stored.get(key));
    values[key] = parsed.success ? parsed.data : SCHOOL_SETTINGS[key].defaults;
  }
  return values as SchoolSettingValues;
}

/** Every setting, stored values over defaults; a stored value that no longer fits its shape reads as the default. */
export async function readSchoolSettings(db: Database): Promise<SchoolSettingValues> {
  const rows = await db.select().from(schoolSettings).where(inArray(schoolSettings.key, KEYS));
  return withDefaults(new Map(rows.map((row) => [row.key, row.value])));
}

/** What the app needs before anyone signs in, in one statement (the logo's URL comes from the media library). */
export async function readPublicSchoolSettings(db: Database): Promise<PublicSchoolSettings> {
  const rows = await db
    .select({ key: schoolSettings.key, value: schoolSettings.value, logoUrl: files.url })
    .from(schoolSettings)
    .leftJoin(
      files,
      and(eq(schoolSettings.key, 'school'), eq(files.documentId, sql`${schoolSettings.value} ->> 'logo'`)),
    )
    .where(inArray(schoolSettings.key, KEYS));
  const settings = withDefaults(new Map(rows.map((row) => [row.key, row.value])));
  const logoUrl = settings.school.logo ? (rows.find((row) => row.key === 'school')?.logoUrl ?? null) : null;
  return {
    name: settings.school.name,
    logoUrl,
    timeZone: settings.school.timeZone,
    defaultLanguage: settings.school.defaultLanguage,
    registrationOpen: settings.registration.open,
    leaderboardsHidden: settings.leaderboards.hidden,
  };
}

/** The school's logo must be an image of the media library (SVG is refused at upload already). */
async function checkLogo(db: Database, logo: string | null) {
  if (logo === null) return;
  const [file] = await db.select({ mime: files.mime }).from(files).where(eq(files.documentId, logo));
  if (!file?.mime.startsWith('image/'))
    throw badRequest(`logo: no image ${logo} in the media library`, {
      errors: [
        { path: ['data', 'logo'], message: 'must be the documentId of an uploaded image', name: 'ValidationError' },
      ],
    });
}

function describeChange(key: SchoolSettingKey, after: Record<string, unknown>): string {
  if (key === 'registration') return after.open ? 'registration opened' : 'registration closed';
  if (key === 'leaderboards') return after.hidden ? 'leaderboards hidden' : 'leaderboards shown';
  return 'school profile updated';
}

/**
 * Changes some fields of one setting (the others keep their value), checks the whole against its shape,
 * stores it and records the change, in one transaction. Answers the setting as it now is.
 */
export async function updateSchoolSetting<K extends SchoolSettingKey>(
  db: Database,
  audit: AuditContext,
  key: K,
  changes: Partial<SchoolSettingValue<K>>,
): Promise<SchoolSettingValue<K>> {
  return db.transaction(async (tx) => {
    // The row lock keeps two admins' changes to different fields of one setting from undoing each other.
    await tx.execute(sql`SELECT 1 FROM ${schoolSettings} WHERE key = ${key} FOR UPDATE`);
    const before = (await readSchoolSettings(tx))[key] as Record<string, unknown>;
    const after = parseWith(SCHOOL_SETTINGS[key].schema, { ...before, ...changes }, ['data']) as Record<
      string,
      unknown
    >;
    if (key === 'school' && after.logo !== before.logo) await checkLogo(tx, after.logo as string | null);
    await tx
      .insert(schoolSettings)
      .values({ key, value: after })
      .onConflictDoUpdate({ target: schoolSettings.key, set: { value: after, updatedAt: sql`now()` } });
    const changedFields = Object.keys(after).filter(
      (field) => JSON.stringify(after[field]) !== JSON.stringify(before[field]),
    );
    if (changedFields.length)
      await recordActivity(tx, audit, {
        action: 'update',
        entityType: 'schoolSettings',
        entityDocumentId: key,
        summary: describeChange(key, after),
        changedFields,
      });
    return after as SchoolSettingValue<K>;
  });
}

/** Self-registration is the school's choice: closed, accounts come from an admin, a teacher or a parent. */
export async function isRegistrationOpen(db: Database): Promise<boolean> {
  return (await readSchoolSettings(db)).registration.open;
}
