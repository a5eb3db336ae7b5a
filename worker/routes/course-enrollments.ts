import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { confirmsTokenFirstThing } from '../middleware/authenticate';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { changeEnrollmentStatus, enrollInCourse } from '../services/learning/enrollments';
import { addReadRoutes, documentAnswer } from './content-routes';

export const courseEnrollmentRoutes = addReadRoutes(new Hono<AppEnv>(), 'enrollments');

export const enrollBody = z.object({ data: z.object({ course: z.string().min(1).max(24) }).strict() });
export const statusBody = z.object({ data: z.object({ status: z.enum(['dropped', 'enrolled']) }).strict() });

// Enrolling twice answers the existing enrollment (200), so a phone that retries is not told off.
courseEnrollmentRoutes.post('/', confirmsTokenFirstThing, async (c) => {
  authorize(c.var.user, 'enrollments', 'create');
  const user = requireUser(c.var.user);
  const { data } = await readJson(c, enrollBody);
  const enrollment = await enrollInCourse(await c.var.db(), user, data.course, c.var.origin);
  const answer = await documentAnswer(c, 'enrollments', enrollment.documentId, user, ['own']);
  return c.json(answer, enrollment.created ? 201 : 200);
});

// Strapi's update: a learner drops a course, or comes back to it.
courseEnrollmentRoutes.put('/:documentId', confirmsTokenFirstThing, async (c) => {
  authorize(c.var.user, 'enrollments', 'update');
  const user = requireUser(c.var.user);
  const { data } = await readJson(c, statusBody);
  await changeEnrollmentStatus(await c.var.db(), user, c.req.param('documentId'), data.status, c.var.origin);
  return c.json(await documentAnswer(c, 'enrollments', c.req.param('documentId'), user, ['own']));
});
