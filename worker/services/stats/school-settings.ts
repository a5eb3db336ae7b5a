import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../db/client';
import { schoolSettings } from '../../../db/schema';
import { notFound } from '../../lib/errors';

/**
 * The switches an admin may set, each with the shape of its value and the value it has until set.
 * A key not listed here does not exist for the API, whatever the table holds.
 */
export const SCHOOL_SETTINGS = {
  leaderboards: {
    schema: z.object({ hidden: z.boolean() }).strict(),
    defaults: { hidden: false },
  },
} as const;

export type SchoolSettingKey = keyof typeof SCHOOL_SETTINGS;
export type SchoolSettingValue<K extends SchoolSettingKey> = z.output<(typeof SCHOOL_SETTINGS)[K]['schema']>;
export type SchoolSettingValues = { [K in SchoolSettingKey]: SchoolSettingValue<K> };

const KEYS = Object.keys(SCHOOL_SETTINGS) as SchoolSettingKey[];

export function schoolSettingKey(key: string): SchoolSettingKey {
  if (!(KEYS as string[]).includes(key)) throw notFound(`No school setting ${key}`);
  return key as SchoolSettingKey;
}

/** Every setting, stored values over defaults; a stored value that no longer fits its shape reads as the default. */
export async function readSchoolSettings(db: Database): Promise<SchoolSettingValues> {
  const rows = await db.select().from(schoolSettings).where(inArray(schoolSettings.key, KEYS));
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const values = {} as Record<SchoolSettingKey, unknown>;
  for (const key of KEYS) {
    const parsed = SCHOOL_SETTINGS[key].schema.safeParse(stored.get(key));
    values[key] = parsed.success ? parsed.data : SCHOOL_SETTINGS[key].defaults;
  }
  return values as SchoolSettingValues;
}

/** Replaces one setting's value (the caller has validated it against the key's schema). */
export async function writeSchoolSetting<K extends SchoolSettingKey>(
  db: Database,
  key: K,
  value: SchoolSettingValue<K>,
): Promise<SchoolSettingValue<K>> {
  await db
    .insert(schoolSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: schoolSettings.key, set: { value, updatedAt: sql`now()` } });
  return value;
}
