import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { contentType } from '../content/registry';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { findOne } from '../query/run-query';
import { parseQueryString, parseSingleQuery } from '../query/parse-query';
import { enroll, findEnrollableCourse, setEnrollmentStatus } from '../services/learning/enrollments';
import { inLearningTransaction } from '../services/learning/run-learning';
import { addReadRoutes } from './content-routes';

export const courseEnrollmentRoutes = new Hono<AppEnv>();
addReadRoutes(courseEnrollmentRoutes, 'enrollments');

const enrollBody = z.object({ data: z.object({ course: z.string().min(1).max(24) }).strict() });
const statusBody = z.object({ data: z.object({ status: z.enum(['dropped', 'enrolled']) }).strict() });

async function present(c: { req: { url: string }; var: AppEnv['Variables'] }, documentId: string) {
  const user = requireUser(c.var.user);
  const select = parseSingleQuery(contentType('enrollments'), parseQueryString(new URL(c.req.url).search), user).select;
  return { data: await findOne(await c.var.db(), select, documentId, user, { scopes: ['own'] }), meta: {} };
}

// Enrolling twice answers the existing enrollment (200), so a phone that retries is not told off.
courseEnrollmentRoutes.post('/', async (c) => {
  authorize(c.var.user, 'enrollments', 'create');
  const user = requireUser(c.var.user);
  const { data } = await readJson(c, enrollBody);
  const { result } = await inLearningTransaction(await c.var.db(), user, new URL(c.req.url).origin, async (tx) =>
    enroll(tx, user, await findEnrollableCourse(tx, user, data.course)),
  );
  return c.json(await present(c, result.documentId), result.created ? 201 : 200);
});

// Strapi's update: a learner drops a course, or comes back to it.
courseEnrollmentRoutes.put('/:documentId', async (c) => {
  authorize(c.var.user, 'enrollments', 'update');
  const user = requireUser(c.var.user);
  const { data } = await readJson(c, statusBody);
  await inLearningTransaction(await c.var.db(), user, new URL(c.req.url).origin, (tx) =>
    setEnrollmentStatus(tx, user, c.req.param('documentId'), data.status),
  );
  return c.json(await present(c, c.req.param('documentId')));
});
