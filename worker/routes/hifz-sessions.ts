import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { hifzSessionBody } from '../contract/hifz';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { hifzStudentFor } from '../services/hifz/access';
import { loadQuranIndex } from '../services/hifz/quran-tables';
import { recordSitting } from '../services/hifz/session-records';
import { auditContext } from './audit-context';

/**
 * A sitting heard by a teacher: the three checks, their grades and the mistakes tapped on the words. The
 * classroom tablet may be offline, so the device's ids make a resend change nothing (200 "duplicate").
 */
export const hifzSessionRoutes = new Hono<AppEnv>();

hifzSessionRoutes.post('/', async (c) => {
  authorize(c.var.user, 'hifz', 'create');
  const actor = requireUser(c.var.user);
  const { data } = await readJson(c, hifzSessionBody);
  const db = await c.var.db();
  const student = await hifzStudentFor(db, actor, data.student, 'hear');
  const index = await loadQuranIndex(db);
  const recorded = await recordSitting(db, index, auditContext(c, actor), c.var.origin, student, data);
  return c.json({ data: recorded, meta: {} }, recorded.status === 'created' ? 201 : 200);
});
