import type { CertificateFonts } from './fonts';
import { formatIssueDate } from './issue-date';
import type { CertificateWording } from './wording';

export interface CertificateInput {
  studentName: string;
  /** What was achieved: the course's title, or what was memorised ("Juz 30 (Juz 'Amma)"). */
  courseTitle: string;
  /** A smaller line under the title, e.g. the ayahs memorised ("An-Naba 1 – An-Nas 6"). */
  detail?: string | null;
  /** The instructor of the course, or the teacher who heard the recitation; left out when unknown. */
  instructorName: string | null;
  issuedAt: Date;
  certificateNumber: string;
  verificationUrl: string;
  /** Defaults to "AttaqwaMasjid School". */
  schoolName?: string;
  /** The fixed words and their language; defaults to the English certificate of completion of a course. */
  wording?: CertificateWording;
}

/**
 * A one-page A4 landscape certificate of completion as PDF bytes, the same bytes for the same input.
 * Names and titles may be Arabic, Latin or both, passed as typed (logical order). Load the fonts with
 * loadCertificateFonts(env.ASSETS).
 *
 * pdf-lib and fontkit are about 1.4 MB of JavaScript whose module set-up (inflating Unicode tables, a
 * Brotli dictionary) costs some 200 ms of CPU. They are imported on the first render rather than with
 * this module, so a worker that merely contains this function does not pay for them on every cold
 * start.
 */
export async function renderCertificatePdf(input: CertificateInput, fonts: CertificateFonts): Promise<Uint8Array> {
  requireText(input, ['studentName', 'courseTitle', 'certificateNumber', 'verificationUrl']);
  const issuedOn = formatIssueDate(input.issuedAt, input.wording?.language);
  const { buildCertificatePdf } = await import('./certificate-document');
  return buildCertificatePdf(input, issuedOn, fonts);
}

/** A blank field would print an empty line on a certificate that looks valid; refuse it instead. */
function requireText(input: CertificateInput, fields: readonly (keyof CertificateInput)[]): void {
  for (const field of fields) {
    const value = input[field];
    if (typeof value !== 'string' || value.trim() === '')
      throw new TypeError(`renderCertificatePdf: ${field} must not be blank`);
  }
}
