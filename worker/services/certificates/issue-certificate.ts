import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { certificates, courses } from '../../../db/schema';
import { newDocumentId } from '../../../db/schema/document-id';
import { randomToken } from '../../lib/ids';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I: read aloud over the phone

/** A human-friendly number printed on the certificate, e.g. AM-2026-7K3QF9XA. */
export function newCertificateNumber(at: Date): string {
  return `AM-${at.getUTCFullYear()}-${randomToken(8, UPPER)}`;
}

/** Unguessable (about 190 bits): it is the only key to the public verification page. */
export function newVerificationCode(): string {
  return randomToken(32, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
}

/**
 * Issues the certificate of a completed course, once: the (user, course) unique index turns a second
 * completion, or a race, into nothing. The PDF is rendered on first download and kept in R2.
 */
export async function issueCertificate(
  tx: Database,
  userId: number,
  courseDocumentId: string,
  now = new Date(),
): Promise<void> {
  const [course] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.documentId, courseDocumentId));
  if (!course) return;
  const inserted = await tx
    .insert(certificates)
    .values({
      userId,
      courseId: course.id,
      issuedAt: now,
      certificateNumber: newCertificateNumber(now),
      verificationCode: newVerificationCode(),
    })
    .onConflictDoNothing()
    .returning({ id: certificates.id, documentId: certificates.documentId });
  if (inserted[0]) {
    await tx.execute(
      sql`UPDATE ${certificates} SET pdf_url = ${`/api/certificates/${inserted[0].documentId}/pdf`} WHERE id = ${inserted[0].id}`,
    );
  }
}

/**
 * Issues the certificates of hifz milestones just recorded, in the caller's transaction (the sitting that
 * reached them), once each: the unique index on hifz_milestone_id turns a replay or a race into nothing.
 * As for courses, the PDF is rendered on first download.
 */
export async function issueMilestoneCertificates(
  tx: Database,
  userId: number,
  milestoneIds: readonly number[],
  now = new Date(),
): Promise<void> {
  if (milestoneIds.length === 0) return;
  await tx
    .insert(certificates)
    .values(
      milestoneIds.map((hifzMilestoneId) => {
        // Chosen here rather than by the column default, so the PDF's address goes in the same statement.
        const documentId = newDocumentId();
        return {
          documentId,
          userId,
          hifzMilestoneId,
          issuedAt: now,
          certificateNumber: newCertificateNumber(now),
          verificationCode: newVerificationCode(),
          pdfUrl: `/api/certificates/${documentId}/pdf`,
        };
      }),
    )
    .onConflictDoNothing();
}
