import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { hifzPlanBody } from '../contract/hifz';
import { notFound } from '../lib/errors';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { hifzStudentFor } from '../services/hifz/access';
import { findPlanView, savePlan } from '../services/hifz/plan-records';
import { loadQuranIndex } from '../services/hifz/quran-tables';
import { auditContext } from './audit-context';

/** A student's hifz plan (one each): set by their teacher or an admin, read by everyone who may read the student. */
export const hifzPlanRoutes = new Hono<AppEnv>();

hifzPlanRoutes.get('/:student', async (c) => {
  authorize(c.var.user, 'hifz', 'findOne');
  const db = await c.var.db();
  const student = await hifzStudentFor(db, requireUser(c.var.user), c.req.param('student'), 'read');
  const found = await findPlanView(db, await loadQuranIndex(db), student);
  if (!found) throw notFound(`${student.username} has no hifz plan yet`);
  return c.json({ data: found.plan, meta: {} });
});

hifzPlanRoutes.put('/:student', async (c) => {
  authorize(c.var.user, 'hifz', 'update');
  const actor = requireUser(c.var.user);
  const { data } = await readJson(c, hifzPlanBody);
  const db = await c.var.db();
  const student = await hifzStudentFor(db, actor, c.req.param('student'), 'plan');
  const plan = await savePlan(db, await loadQuranIndex(db), auditContext(c, actor), student, data);
  return c.json({ data: plan, meta: {} }, student.hasPlan ? 200 : 201);
});
