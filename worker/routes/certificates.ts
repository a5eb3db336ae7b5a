import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { AppEnv } from '../env';
import { notFound } from '../lib/errors';
import { contentType } from '../content/registry';
import { authorize } from '../policy/authorize';
import { certificatePdf } from '../services/certificates/certificate-pdf';
import { addReadRoutes } from './content-routes';

export const certificateRoutes = new Hono<AppEnv>();

/**
 * Public verification: anyone holding the code (printed on the certificate) learns the name, the course
 * and the date — nothing else, not even the learner's account.
 */
certificateRoutes.get('/verify/:code', async (c) => {
  const code = c.req.param('code');
  if (!/^[A-Za-z0-9]{16,64}$/.test(code)) throw notFound('No certificate with this code');
  const db = await c.var.db();
  const rows = await db.execute<{ name: string; course: string; issuedAt: string; certificateNumber: string }>(sql`
    SELECT coalesce(p.full_name, u.username) AS name, co.title AS course, cert.certificate_number AS "certificateNumber",
           to_char(cert.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "issuedAt"
    FROM certificates cert
    JOIN users u ON u.id = cert.user_id
    LEFT JOIN user_profiles p ON p.user_id = u.id
    JOIN courses co ON co.id = cert.course_id
    WHERE cert.verification_code = ${code}`);
  const row = rows.rows[0];
  if (!row) throw notFound('No certificate with this code');
  return c.json({
    data: {
      valid: true,
      name: row.name,
      course: row.course,
      issuedAt: row.issuedAt,
      certificateNumber: row.certificateNumber,
    },
    meta: {},
  });
});

// The PDF, for whoever may read the certificate: its learner, their parents, the course's teacher, admins.
certificateRoutes.get('/:documentId/pdf', async (c) => {
  const scopes = authorize(c.var.user, 'certificates', 'findOne');
  const db = await c.var.db();
  const visible = contentType('certificates').visibility('cert', c.var.user, scopes);
  const rows = await db.execute<{ id: number }>(
    sql`SELECT cert.id FROM certificates cert WHERE cert.document_id = ${c.req.param('documentId')} AND ${visible ?? sql`true`}`,
  );
  const row = rows.rows[0];
  if (!row) throw notFound(`No certificate ${c.req.param('documentId')}`);
  const pdf = await certificatePdf(db, c.env, row.id, new URL(c.req.url).origin);
  return c.body(pdf.body as ReadableStream, 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="certificate-${pdf.documentId}.pdf"`,
    'Cache-Control': 'private, max-age=3600',
  });
});

addReadRoutes(certificateRoutes, 'certificates');
