import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { startAttempt, submitAttempt } from '../services/learning/quiz-attempts';
import { refreshEnrollment } from '../services/learning/enrollments';
import { inLearningTransaction, learningMeta } from '../services/learning/run-learning';
import { addReadRoutes } from './content-routes';

/** POST /api/quizzes/:documentId/attempts — mounted beside the quiz routes. */
export const quizAttemptStartRoutes = new Hono<AppEnv>();

quizAttemptStartRoutes.post('/:documentId/attempts', async (c) => {
  authorize(c.var.user, 'quizAttempts', 'create');
  const user = requireUser(c.var.user);
  const { result } = await inLearningTransaction(await c.var.db(), user, new URL(c.req.url).origin, (tx, log) =>
    startAttempt(tx, user, c.req.param('documentId'), log),
  );
  return c.json({ data: result, meta: {} }, 201);
});

export const quizAttemptRoutes = new Hono<AppEnv>();

const submitBody = z.object({ data: z.object({ answers: z.record(z.string().max(64), z.unknown()) }).strict() });

quizAttemptRoutes.post('/:documentId/submit', async (c) => {
  authorize(c.var.user, 'quizAttempts', 'update');
  const user = requireUser(c.var.user);
  const { data } = await readJson(c, submitBody);
  const { result, log } = await inLearningTransaction(
    await c.var.db(),
    user,
    new URL(c.req.url).origin,
    async (tx, log) => {
      const submitted = await submitAttempt(tx, user, c.req.param('documentId'), data.answers, log);
      if (submitted.lesson) await refreshEnrollment(tx, user.id, submitted.lesson.courseId, log);
      return submitted.attempt;
    },
  );
  return c.json({ data: result, meta: learningMeta(log) });
});

// Attempts are kept: learners see their own (with feedback once submitted), teachers their courses'.
addReadRoutes(quizAttemptRoutes, 'quizAttempts');
