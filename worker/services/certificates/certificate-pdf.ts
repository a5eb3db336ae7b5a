import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { loadCertificateFonts } from './pdf/fonts';
import { renderCertificatePdf } from './pdf/render-certificate';

interface CertificateFacts {
  documentId: string;
  studentName: string;
  courseTitle: string;
  instructorName: string | null;
  issuedAt: string;
  certificateNumber: string;
  verificationCode: string;
}

export async function certificateFacts(db: Database, id: number): Promise<CertificateFacts> {
  const rows = await db.execute<CertificateFacts & Record<string, unknown>>(sql`
    SELECT cert.document_id AS "documentId", coalesce(p.full_name, u.username) AS "studentName", co.title AS "courseTitle",
           i.name AS "instructorName", cert.issued_at AS "issuedAt", cert.certificate_number AS "certificateNumber",
           cert.verification_code AS "verificationCode"
    FROM certificates cert
    JOIN users u ON u.id = cert.user_id
    LEFT JOIN user_profiles p ON p.user_id = u.id
    JOIN courses co ON co.id = cert.course_id
    LEFT JOIN instructors i ON i.id = co.instructor_id
    WHERE cert.id = ${id}`);
  return rows.rows[0]!;
}

export const certificateKey = (documentId: string) => `certificates/${documentId}.pdf`;

/**
 * The certificate's PDF from R2; rendered and stored on first request, so the (CPU-heavy) rendering
 * happens once per certificate and never inside the learning request that completed the course.
 */
export async function certificatePdf(
  db: Database,
  env: { MEDIA?: R2Bucket; ASSETS?: Fetcher },
  id: number,
  origin: string,
): Promise<{ body: ReadableStream | Uint8Array; documentId: string }> {
  const facts = await certificateFacts(db, id);
  const key = certificateKey(facts.documentId);
  const stored = await env.MEDIA?.get(key);
  if (stored) return { body: stored.body, documentId: facts.documentId };
  if (!env.ASSETS) throw new Error('ASSETS binding is required to render certificates (fonts)');
  const pdf = await renderCertificatePdf(
    {
      studentName: facts.studentName,
      courseTitle: facts.courseTitle,
      instructorName: facts.instructorName,
      issuedAt: new Date(facts.issuedAt),
      certificateNumber: facts.certificateNumber,
      verificationUrl: `${origin}/verify/${facts.verificationCode}`,
    },
    await loadCertificateFonts(env.ASSETS),
  );
  await env.MEDIA?.put(key, pdf, { httpMetadata: { contentType: 'application/pdf' } });
  return { body: pdf, documentId: facts.documentId };
}
