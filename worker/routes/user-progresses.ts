import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { progressEvent, recordProgress } from '../services/learning/progress';
import { inLearningTransaction, learningMeta } from '../services/learning/run-learning';
import { addReadRoutes } from './content-routes';

export const userProgressRoutes = new Hono<AppEnv>();

/** A week of offline work fits comfortably; more is sent in several batches by the outbox. */
export const MAX_BATCH = 500;

const single = z.object({ data: progressEvent });
const batch = z.object({ data: z.array(progressEvent).min(1).max(MAX_BATCH) });

// One event: 201 when applied, 200 when it was already recorded (a retry), the refusal otherwise.
userProgressRoutes.post('/', async (c) => {
  authorize(c.var.user, 'userProgress', 'create');
  const user = requireUser(c.var.user);
  const { data } = await readJson(c, single);
  const { result, log } = await inLearningTransaction(await c.var.db(), user, new URL(c.req.url).origin, (tx, log) =>
    recordProgress(tx, user, [data], log),
  );
  const outcome = result[0]!;
  if (outcome.status === 'rejected')
    throw new ApiError(
      outcome.error.status as 404 | 409,
      outcome.error.name as 'NotFoundError' | 'ConflictError',
      outcome.error.message,
      { eventId: outcome.eventId },
    );
  return c.json(
    { data: outcome.progress, meta: { eventId: outcome.eventId, status: outcome.status, ...learningMeta(log) } },
    outcome.status === 'applied' ? 201 : 200,
  );
});

// The offline outbox: many events, one transaction, an answer per event in the order sent.
userProgressRoutes.post('/batch', async (c) => {
  authorize(c.var.user, 'userProgress', 'create');
  const user = requireUser(c.var.user);
  const { data } = await readJson(c, batch);
  const ids = data.map((e) => e.eventId);
  // The same event twice in one batch is still one event: the first copy is applied.
  const unique = data.filter((e, i) => ids.indexOf(e.eventId) === i);
  const { result, log } = await inLearningTransaction(await c.var.db(), user, new URL(c.req.url).origin, (tx, log) =>
    recordProgress(tx, user, unique, log),
  );
  const outcomes = new Map(result.map((o) => [o.eventId, o]));
  return c.json({ data: ids.map((id) => outcomes.get(id)!), meta: learningMeta(log) });
});

addReadRoutes(userProgressRoutes, 'userProgresses');
