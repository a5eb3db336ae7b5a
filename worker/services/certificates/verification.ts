import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { certificates, courses, userProfiles, users } from '../../../db/schema';
import type { CertificateVerification } from '../../contract/users';
import type { AuthUser } from '../../env';
import { notFound } from '../../lib/errors';
import { contentType } from '../../content/registry';
import { col } from '../../content/attributes';
import type { Scope } from '../../policy/permissions';

/** Verification codes are 32 characters; anything else is not worth a database read. */
const CODE = /^[A-Za-z0-9]{16,64}$/;

/**
 * Public verification: anyone holding the code (printed on the certificate) learns the name, the course
 * and the date — nothing else, not even the learner's account.
 */
export async function verifyCertificate(db: Database, code: string): Promise<CertificateVerification> {
  if (!CODE.test(code)) throw notFound('No certificate with this code');
  const [row] = await db
    .select({
      name: sql<string>`coalesce(${userProfiles.fullName}, ${users.username})`,
      course: courses.title,
      certificateNumber: certificates.certificateNumber,
      issuedAt: certificates.issuedAt,
    })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .where(eq(certificates.verificationCode, code));
  if (!row) throw notFound('No certificate with this code');
  return { valid: true, ...row, issuedAt: row.issuedAt.toISOString() };
}

/** The id of a certificate the viewer may read (its learner, their parents, the course's teacher, admins). */
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
