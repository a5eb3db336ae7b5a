import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { calendarDay, type HifzToday } from '../contract/hifz';
import { parseWith } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { hifzStudentFor } from '../services/hifz/access';
import { proposeToday } from '../services/hifz/day-plan';
import { findPlanView, rangeOf } from '../services/hifz/plan-records';
import { loadQuranIndex } from '../services/hifz/quran-tables';
import { schoolToday } from '../services/hifz/school-day';
import { loadSittings } from '../services/hifz/session-records';
import { studentProgress, studentWeek } from '../services/hifz/student-progress';

/** One student's hifz as their teacher, parent or they themselves read it. */
export const hifzStudentRoutes = new Hono<AppEnv>();

const dayQuery = z.object({ day: calendarDay.optional() }).strict();
const sittingsQuery = z
  .object({
    before: calendarDay.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();

hifzStudentRoutes.get('/:student/today', async (c) => {
  authorize(c.var.user, 'hifz', 'findOne');
  const { day } = parseWith(dayQuery, c.req.query());
  const db = await c.var.db();
  const student = await hifzStudentFor(db, requireUser(c.var.user), c.req.param('student'), 'read');
  const index = await loadQuranIndex(db);
  const today = day ?? (await schoolToday(db));
  const [found, proposed] = await Promise.all([findPlanView(db, index, student), proposeToday(db, student.id, today)]);
  // No plan yet is an ordinary state of a student the caller may read (the teacher sets one), not an error.
  if (!found || !proposed) return c.json({ data: null, meta: {} });
  const { proposal } = proposed;
  const data: HifzToday = {
    day: today,
    plan: found.plan,
    sabaq: proposal.sabaq ? { range: rangeOf(index, proposal.sabaq.range), repeat: proposal.sabaq.repeat } : null,
    sabqi: proposal.sabqi.map((r) => rangeOf(index, r)),
    manzil: proposal.manzil
      ? { ...proposal.manzil, ranges: proposal.manzil.ranges.map((r) => rangeOf(index, r)) }
      : null,
    complete: proposal.complete,
  };
  return c.json({ data, meta: {} });
});

hifzStudentRoutes.get('/:student/progress', async (c) => {
  authorize(c.var.user, 'hifz', 'findOne');
  const { day } = parseWith(dayQuery, c.req.query());
  const db = await c.var.db();
  const student = await hifzStudentFor(db, requireUser(c.var.user), c.req.param('student'), 'read');
  const index = await loadQuranIndex(db);
  return c.json({ data: await studentProgress(db, index, student, day ?? (await schoolToday(db))), meta: {} });
});

hifzStudentRoutes.get('/:student/week', async (c) => {
  authorize(c.var.user, 'hifz', 'findOne');
  const { day } = parseWith(dayQuery, c.req.query());
  const db = await c.var.db();
  const student = await hifzStudentFor(db, requireUser(c.var.user), c.req.param('student'), 'read');
  const index = await loadQuranIndex(db);
  return c.json({ data: await studentWeek(db, index, student, day ?? (await schoolToday(db))), meta: {} });
});

hifzStudentRoutes.get('/:student/sittings', async (c) => {
  authorize(c.var.user, 'hifz', 'find');
  const { before, limit } = parseWith(sittingsQuery, c.req.query());
  const db = await c.var.db();
  const student = await hifzStudentFor(db, requireUser(c.var.user), c.req.param('student'), 'read');
  const sittings = await loadSittings(db, await loadQuranIndex(db), student, { before, limit });
  return c.json({ data: sittings, meta: { pagination: { limit, count: sittings.length } } });
});
