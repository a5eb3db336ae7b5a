import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { parseWith } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import {
  childrenProgress,
  ownCoursesProgress,
  ownProgress,
  progressView,
  schoolProgress,
} from '../services/stats/progress-stats';

export const progressStatsRoutes = new Hono<AppEnv>();

const documentKey = z.string().min(1).max(24);
// Each view takes only its own parameter: ?child= from a student (or ?course= from a parent) is a 400,
// never quietly ignored.
const noParameters = z.object({}).strict();
const childParameter = z.object({ child: documentKey.optional() }).strict();
const courseParameter = z.object({ course: documentKey.optional() }).strict();

progressStatsRoutes.get('/', async (c) => {
  const scopes = authorize(c.var.user, 'progressStats', 'find');
  const viewer = requireUser(c.var.user);
  const query = c.req.query();
  switch (progressView(scopes)) {
    case 'self': {
      parseWith(noParameters, query);
      return c.json({ data: await ownProgress(await c.var.db(), viewer), meta: {} });
    }
    case 'children': {
      const { child } = parseWith(childParameter, query);
      return c.json({ data: await childrenProgress(await c.var.db(), viewer, child), meta: {} });
    }
    case 'ownCourses': {
      const { course } = parseWith(courseParameter, query);
      return c.json({ data: await ownCoursesProgress(await c.var.db(), viewer, course), meta: {} });
    }
    case 'school': {
      const { course } = parseWith(courseParameter, query);
      return c.json({ data: await schoolProgress(await c.var.db(), course), meta: {} });
    }
  }
});
