import { Hono } from 'hono';
import { z } from 'zod';
import { progressGridQuery } from '../contract/analytics';
import type { AppEnv } from '../env';
import { parseWith } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { progressGrid } from '../services/analytics/progress-grid';
import { studentDetail } from '../services/analytics/student-detail';
import { gridCsvColumns, gridCsvRows } from '../services/analytics/progress-grid-csv';
import { answerReport, wantsCsv } from './report-answer';

/** The progress monitor: a course's students by its lessons, and one student in it. Teachers: own courses. */
export const courseProgressRoutes = new Hono<AppEnv>();

/** A CSV export holds every matching student, not a page. */
const CSV_ROWS = 10_000;

courseProgressRoutes.get('/courses/:course/progress', async (c) => {
  const scopes = authorize(c.var.user, 'analytics', 'find');
  const viewer = requireUser(c.var.user);
  const query = parseWith(progressGridQuery, c.req.query());
  const course = c.req.param('course');
  const db = await c.var.db();
  if (!wantsCsv(c, query.format)) return c.json(await progressGrid(db, viewer, scopes, course, query));
  const grid = await progressGrid(db, viewer, scopes, course, {
    ...query,
    'pagination[page]': 1,
    'pagination[pageSize]': CSV_ROWS,
  });
  return answerReport(c, 'csv', { data: gridCsvRows(grid.data), meta: { columns: gridCsvColumns(grid.data) } }, [
    'progress',
    course,
  ]);
});

courseProgressRoutes.get('/courses/:course/students/:student', async (c) => {
  const scopes = authorize(c.var.user, 'analytics', 'findOne');
  const viewer = requireUser(c.var.user);
  parseWith(z.object({}).strict(), c.req.query());
  const detail = await studentDetail(await c.var.db(), viewer, scopes, c.req.param('course'), c.req.param('student'));
  return c.json({ data: detail, meta: {} });
});
