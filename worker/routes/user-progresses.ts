import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_PROGRESS_BATCH, progressEvent } from '../contract/learning';
import type { AppEnv } from '../env';
import { confirmsTokenFirstThing } from '../middleware/authenticate';
import { ApiError } from '../lib/errors';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { recordProgressEvents } from '../services/learning/progress';
import { addReadRoutes } from './content-routes';

export const userProgressRoutes = new Hono<AppEnv>();

export const progressEventBody = z.object({ data: progressEvent });
export const progressBatchBody = z.object({ data: z.array(progressEvent).min(1).max(MAX_PROGRESS_BATCH) });

// One event: 201 when applied, 200 when it was already recorded (a retry), the refusal otherwise.
userProgressRoutes.post('/', confirmsTokenFirstThing, async (c) => {
  authorize(c.var.user, 'userProgress', 'create');
  const user = requireUser(c.var.user);
  const { data } = await readJson(c, progressEventBody);
  const { outcomes, meta } = await recordProgressEvents(await c.var.db(), user, [data], c.var.origin);
  const outcome = outcomes[0]!;
  if (outcome.status === 'rejected') {
    const { status, name, message } = outcome.error;
    throw new ApiError(status, name, message, { eventId: outcome.eventId });
  }
  const answer = { data: outcome.progress, meta: { eventId: outcome.eventId, status: outcome.status, ...meta } };
  return c.json(answer, outcome.status === 'applied' ? 201 : 200);
});

// The offline outbox: many events, one transaction, an answer per event in the order sent.
userProgressRoutes.post('/batch', confirmsTokenFirstThing, async (c) => {
  authorize(c.var.user, 'userProgress', 'create');
  const user = requireUser(c.var.user);
  const { data } = await readJson(c, progressBatchBody);
  const { outcomes, meta } = await recordProgressEvents(await c.var.db(), user, data, c.var.origin);
  return c.json({ data: outcomes, meta });
});

addReadRoutes(userProgressRoutes, 'userProgresses');
