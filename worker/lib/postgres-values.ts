import { z } from 'zod';

/**
 * What Postgres columns accept. A value outside these ranges is refused by the database with a data
 * error (SQLSTATE class 22); checking first turns it into a 400 that names the field.
 */

export interface NumericRange {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
}

export const INT2: NumericRange = { min: -32_768, max: 32_767, integer: true };
export const INT4: NumericRange = { min: -2_147_483_648, max: 2_147_483_647, integer: true };
/** bigint columns read as JS numbers (Drizzle's mode 'number'): beyond 2^53 they would lose digits. */
export const INT8_AS_NUMBER: NumericRange = {
  min: Number.MIN_SAFE_INTEGER,
  max: Number.MAX_SAFE_INTEGER,
  integer: true,
};
export const FLOAT4: NumericRange = { min: -3.4028234663852886e38, max: 3.4028234663852886e38, integer: false };
export const FLOAT8: NumericRange = { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, integer: false };

/** numeric(p, s) holds p - s digits before the point and s after: up to 10^(p-s) - 10^-s. */
export function numericRange(precision: number | undefined, scale = 0): NumericRange {
  if (precision === undefined) return FLOAT8;
  const max = 10 ** (precision - scale) - 10 ** -scale;
  return { min: -max, max, integer: false };
}

export function inRange(value: number, range: NumericRange): boolean {
  if (!Number.isFinite(value) || value < range.min || value > range.max) return false;
  return !range.integer || Number.isInteger(value);
}

export function describeRange(range: NumericRange): string {
  return `${range.integer ? 'an integer' : 'a number'} from ${range.min} to ${range.max}`;
}

/**
 * Dates and times are kept within ISO 8601's four-digit years. Postgres has no year 0, rejects the
 * expanded `+010000-…` form JavaScript writes past 9999, and nothing a school records is that far out.
 */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const yearInRange = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;

/** A Date within the years Postgres and ISO 8601 agree on. */
export function isStorableDate(date: Date): boolean {
  return !Number.isNaN(date.getTime()) && yearInRange(date.getUTCFullYear());
}

/** `YYYY-MM-DD` naming a real day (not 2026-02-30) of a year from 1 to 9999. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    yearInRange(year) && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text Postgres can store: no NUL character (text and jsonb refuse it) and no lone UTF-16 surrogate
 * (it has no UTF-8 form: jsonb refuses it, text would silently get U+FFFD instead).
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\0') && !LONE_SURROGATE.test(text);
}

export const STORABLE_TEXT_MESSAGE = 'text may not contain NUL characters or unpaired surrogates';

/** A positive id of an integer (int4) primary key. */
export const int4Id = z.number().int().min(1).max(INT4.max);

/** An ISO 8601 date-time with an offset, within the years 1 to 9999. */
export const storableDateTime = z.iso
  .datetime({ offset: true })
  .refine((text) => isStorableDate(new Date(text)), `years run from ${MIN_YEAR} to ${MAX_YEAR}`);

/** An ISO 8601 calendar date, within the years 1 to 9999. */
export const storableDate = z.iso.date().refine(isCalendarDate, `a real day of a year from ${MIN_YEAR} to ${MAX_YEAR}`);
