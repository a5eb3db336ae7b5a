const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "25 November 2026", by the UTC calendar. Spelled out by hand rather than with Intl so the same
 * instant prints the same day on every runtime and in every test, whatever its locale data or zone.
 */
export function formatIssueDate(issuedAt: Date): string {
  if (Number.isNaN(issuedAt.getTime())) throw new RangeError('the issue date is not a valid date');
  return `${issuedAt.getUTCDate()} ${MONTHS[issuedAt.getUTCMonth()]} ${issuedAt.getUTCFullYear()}`;
}
