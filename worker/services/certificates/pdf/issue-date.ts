import { arabicDigits, type CertificateLanguage } from './wording';

const MONTHS: Record<CertificateLanguage, readonly string[]> = {
  en: [
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
  ],
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
};

/**
 * "25 November 2026" (or "٢٥ نوفمبر ٢٠٢٦"), by the UTC calendar. Spelled out by hand rather than with Intl
 * so the same instant prints the same day on every runtime and in every test, whatever its locale data or zone.
 */
export function formatIssueDate(issuedAt: Date, language: CertificateLanguage = 'en'): string {
  if (Number.isNaN(issuedAt.getTime())) throw new RangeError('the issue date is not a valid date');
  const date = `${issuedAt.getUTCDate()} ${MONTHS[language][issuedAt.getUTCMonth()]} ${issuedAt.getUTCFullYear()}`;
  return language === 'ar' ? arabicDigits(date) : date;
}
