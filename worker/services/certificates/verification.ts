import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { certificates, courses, hifzMilestones, quranSurahs, userProfiles, users } from '../../../db/schema';
import type { CertificateVerification } from '../../contract/users';
import type { AuthUser } from '../../env';
import { notFound } from '../../lib/errors';
import { contentType } from '../../content/registry';
import { col } from '../../content/attributes';
import type { Scope } from '../../policy/permissions';
import { milestoneTitle } from './milestone-title';

/** Verification codes are 32 characters; anything else is not worth a database read. */
const CODE = /^[A-Za-z0-9]{16,64}$/;

/**
 * Public verification: anyone holding the code (printed on the certificate) learns the name, what it was
 * for (the course, or the hifz milestone) and the date — nothing else: not the learner's account, not
 * the day the milestone was reached nor the teacher who heard it.
 */
export async function verifyCertificate(db: Database, code: string): Promise<CertificateVerification> {
  if (!CODE.test(code)) throw notFound('No certificate with this code');
  const [row] = await db
    .select({
      name: sql<string>`coalesce(${userProfiles.fullName}, ${users.username})`,
      course: courses.title,
      milestoneKind: hifzMilestones.kind,
      milestoneNumber: hifzMilestones.number,
      surahName: quranSurahs.nameTransliterated,
      certificateNumber: certificates.certificateNumber,
      issuedAt: certificates.issuedAt,
    })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
    .leftJoin(courses, eq(courses.id, certificates.courseId))
    .leftJoin(hifzMilestones, eq(hifzMilestones.id, certificates.hifzMilestoneId))
    .leftJoin(quranSurahs, and(eq(hifzMilestones.kind, 'surah'), eq(quranSurahs.number, hifzMilestones.number)))
    .where(eq(certificates.verificationCode, code));
  if (!row) throw notFound('No certificate with this code');
  const common = {
    valid: true as const,
    name: row.name,
    issuedAt: row.issuedAt.toISOString(),
    certificateNumber: row.certificateNumber,
  };
  if (row.milestoneKind !== null && row.milestoneNumber !== null) {
    const milestone = { kind: row.milestoneKind, number: row.milestoneNumber };
    const label = milestoneTitle(milestone, 'en', (n) => row.surahName ?? String(n));
    return { ...common, milestone: { ...milestone, label } };
  }
  return { ...common, course: row.course ?? '' };
}

/**
 * The id of a certificate the viewer may read: its learner, their parents, the course's teacher (for a
 * milestone, the teacher who hears the student), admins.
 */
export async function findReadableCertificate(
  db: Database,
  viewer: AuthUser | null,
  scopes: readonly Scope[],
  documentId: string,
): Promise<number> {
  const visible = contentType('certificates').visibility('cert', viewer, scopes) ?? sql`true`;
  const rows = await db.execute<{ id: number }>(
    sql`SELECT ${col('cert', certificates.id)} AS id FROM ${certificates} "cert" WHERE ${col('cert', certificates.documentId)} = ${documentId} AND ${visible}`,
  );
  const row = rows.rows[0];
  if (!row) throw notFound(`No certificate ${documentId}`);
  return row.id;
}
