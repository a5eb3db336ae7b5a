import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { confirmsTokenFirstThing } from '../middleware/authenticate';
import { noFieldsBody, readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { offlineAttempt } from '../contract/offline-attempts';
import { submitOfflineAttempt } from '../services/learning/offline-attempts';
import { startQuizAttempt, submitQuizAttempt } from '../services/learning/quiz-attempts';
import { addReadRoutes } from './content-routes';

/** POST /api/quizzes/:documentId/attempts — mounted beside the quiz routes. */
export const quizAttemptStartRoutes = new Hono<AppEnv>();

quizAttemptStartRoutes.post('/:documentId/attempts', confirmsTokenFirstThing, async (c) => {
  authorize(c.var.user, 'quizAttempts', 'create');
  const user = requireUser(c.var.user);
  await readJson(c, noFieldsBody);
  const { attempt, resumed } = await startQuizAttempt(await c.var.db(), user, c.req.param('documentId'), c.var.origin);
  // An attempt still open is answered again rather than doubled: 200, the same attempt.
  return c.json({ data: attempt, meta: {} }, resumed ? 200 : 201);
});

export const offlineAttemptBody = z.object({ data: offlineAttempt }).strict();

/** POST /api/quizzes/:documentId/offline-attempts — an attempt taken offline: 201 once, then 200 the same. */
quizAttemptStartRoutes.post('/:documentId/offline-attempts', confirmsTokenFirstThing, async (c) => {
  authorize(c.var.user, 'quizAttempts', 'create');
  const user = requireUser(c.var.user);
  const { data } = await readJson(c, offlineAttemptBody);
  const sent = await submitOfflineAttempt(await c.var.db(), user, c.req.param('documentId'), data, c.var.origin);
  return c.json({ data: sent.attempt, meta: sent.meta }, sent.created ? 201 : 200);
});

export const quizAttemptRoutes = new Hono<AppEnv>();

export const submitBody = z.object({ data: z.object({ answers: z.record(z.string().max(64), z.unknown()) }).strict() });

quizAttemptRoutes.post('/:documentId/submit', confirmsTokenFirstThing, async (c) => {
  authorize(c.var.user, 'quizAttempts', 'update');
  const user = requireUser(c.var.user);
  const { data } = await readJson(c, submitBody);
  const submitted = await submitQuizAttempt(
    await c.var.db(),
    user,
    c.req.param('documentId'),
    data.answers,
    c.var.origin,
  );
  return c.json({ data: submitted.attempt, meta: submitted.meta });
});

// Attempts are kept: learners see their own (with feedback once submitted), teachers their courses'.
addReadRoutes(quizAttemptRoutes, 'quizAttempts');
