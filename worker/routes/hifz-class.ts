import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { calendarDay } from '../contract/hifz';
import { forbidden } from '../lib/errors';
import { parseWith } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { classView } from '../services/hifz/class-view';
import { loadQuranIndex } from '../services/hifz/quran-tables';
import { schoolToday } from '../services/hifz/school-day';

/** The teacher's class at a glance: who was heard this week, who is behind plan, today's sabaq. */
export const hifzClassRoutes = new Hono<AppEnv>();

const classQuery = z.object({ day: calendarDay.optional(), teacher: z.string().min(1).max(24).optional() }).strict();

hifzClassRoutes.get('/', async (c) => {
  authorize(c.var.user, 'hifz', 'find');
  const viewer = requireUser(c.var.user);
  if (viewer.role !== 'teacher' && viewer.role !== 'admin') throw forbidden('The class view is for teachers');
  const { day, teacher } = parseWith(classQuery, c.req.query());
  const db = await c.var.db();
  const index = await loadQuranIndex(db);
  const rows = await classView(db, index, viewer, day ?? (await schoolToday(db)), teacher);
  return c.json({ data: rows, meta: { pagination: { total: rows.length } } });
});
