import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { authorize } from '../policy/authorize';
import { certificatePdf } from '../services/certificates/certificate-pdf';
import { findReadableCertificate, verifyCertificate } from '../services/certificates/verification';
import { addReadRoutes } from './content-routes';

export const certificateRoutes = new Hono<AppEnv>();

certificateRoutes.get('/verify/:code', async (c) => {
  return c.json({ data: await verifyCertificate(await c.var.db(), c.req.param('code')), meta: {} });
});

certificateRoutes.get('/:documentId/pdf', async (c) => {
  const scopes = authorize(c.var.user, 'certificates', 'findOne');
  const db = await c.var.db();
  const id = await findReadableCertificate(db, c.var.user, scopes, c.req.param('documentId'));
  const pdf = await certificatePdf(db, c.env, id, c.var.origin);
  return c.body(pdf.body as ReadableStream, 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="certificate-${pdf.documentId}.pdf"`,
    'Cache-Control': 'private, max-age=3600',
  });
});

addReadRoutes(certificateRoutes, 'certificates');
