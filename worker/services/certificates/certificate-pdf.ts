import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { Milestone } from '../hifz/milestones';
import { loadQuranIndex } from '../hifz/quran-tables';
import { milestoneCertificateText } from './milestone-title';
import { loadCertificateFonts } from './pdf/fonts';
import { renderCertificatePdf, type CertificateInput } from './pdf/render-certificate';
import { certificateLanguage, certificateWording } from './pdf/wording';

interface CertificateFacts {
  documentId: string;
  studentName: string;
  locale: string | null;
  /** A course certificate's course and its instructor; null on a milestone certificate. */
  courseTitle: string | null;
  instructorName: string | null;
  /** A milestone certificate's milestone and the teacher who heard the sitting that reached it (if known). */
  milestoneKind: Milestone['kind'] | null;
  milestoneNumber: number | null;
  teacherName: string | null;
  issuedAt: string;
  certificateNumber: string;
  verificationCode: string;
}

export async function certificateFacts(db: Database, id: number): Promise<CertificateFacts> {
  const rows = await db.execute<CertificateFacts & Record<string, unknown>>(sql`
    SELECT cert.document_id AS "documentId", coalesce(p.full_name, u.username) AS "studentName", p.locale AS "locale",
           co.title AS "courseTitle", i.name AS "instructorName",
           m.kind AS "milestoneKind", m.number AS "milestoneNumber",
           (SELECT coalesce(tp.full_name, tu.username)
              FROM hifz_checks hc
              JOIN hifz_sessions hs ON hs.id = hc.session_id
              JOIN users tu ON tu.id = hs.teacher_id
              LEFT JOIN user_profiles tp ON tp.user_id = tu.id
             WHERE hc.id = m.check_id) AS "teacherName",
           cert.issued_at AS "issuedAt", cert.certificate_number AS "certificateNumber",
           cert.verification_code AS "verificationCode"
    FROM certificates cert
    JOIN users u ON u.id = cert.user_id
    LEFT JOIN user_profiles p ON p.user_id = u.id
    LEFT JOIN courses co ON co.id = cert.course_id
    LEFT JOIN instructors i ON i.id = co.instructor_id
    LEFT JOIN hifz_milestones m ON m.id = cert.hifz_milestone_id
    WHERE cert.id = ${id}`);
  return rows.rows[0]!;
}

/** What the PDF prints: the course and its instructor, or what was memorised and who heard it. */
async function certificateInput(db: Database, facts: CertificateFacts, origin: string): Promise<CertificateInput> {
  const language = certificateLanguage(facts.locale);
  const common = {
    studentName: facts.studentName,
    issuedAt: new Date(facts.issuedAt),
    certificateNumber: facts.certificateNumber,
    verificationUrl: `${origin}/verify/${facts.verificationCode}`,
  };
  if (facts.milestoneKind !== null && facts.milestoneNumber !== null) {
    const milestone = { kind: facts.milestoneKind, number: Number(facts.milestoneNumber) };
    const text = milestoneCertificateText(await loadQuranIndex(db), milestone, language);
    return {
      ...common,
      courseTitle: text.title,
      detail: text.detail,
      instructorName: facts.teacherName,
      wording: certificateWording('memorisation', language),
    };
  }
  return {
    ...common,
    courseTitle: facts.courseTitle ?? '',
    instructorName: facts.instructorName,
    wording: certificateWording('course', language),
  };
}

export const certificateKey = (documentId: string) => `certificates/${documentId}.pdf`;

/**
 * The certificate's PDF from R2; rendered and stored on first request, so the (CPU-heavy) rendering
 * happens once per certificate and never inside the learning request that completed the course (or the
 * sitting that reached the milestone). Its language is the student's when it is first rendered.
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
    await certificateInput(db, facts, origin),
    await loadCertificateFonts(env.ASSETS),
  );
  await env.MEDIA?.put(key, pdf, { httpMetadata: { contentType: 'application/pdf' } });
  return { body: pdf, documentId: facts.documentId };
}
