import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { resolveRef, relationRef } from '../services/content/relations';
import { conflict } from '../lib/errors';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { awardManually } from '../services/learning/achievements';
import { inLearningTransaction, learningMeta } from '../services/learning/run-learning';
import { findVisibleUser } from '../services/accounts/users';
import { toAuthUser } from '../services/accounts/user-records';
import { addReadRoutes } from './content-routes';

export const userAchievementRoutes = new Hono<AppEnv>();
addReadRoutes(userAchievementRoutes, 'userAchievements');

const awardBody = z.object({
  data: z
    .object({ user: z.union([z.number().int().positive(), z.string().min(1).max(24)]), achievement: relationRef })
    .strict(),
});

// The seed lets teachers award achievements by hand; only to students, and each at most once.
userAchievementRoutes.post('/', async (c) => {
  const scopes = authorize(c.var.user, 'userAchievements', 'create');
  const actor = requireUser(c.var.user);
  const { data } = await readJson(c, awardBody);
  const db = await c.var.db();
  const learner = await findVisibleUser(db, actor, scopes.includes('all') ? ['all'] : ['students'], String(data.user));
  const achievementId = await resolveRef(db, 'achievements', data.achievement, 'achievement', actor);
  const { result, log } = await inLearningTransaction(db, toAuthUser(learner), new URL(c.req.url).origin, (tx, log) =>
    awardManually(tx, learner.id, achievementId, actor.id, log),
  );
  if (!result) throw conflict('This learner has already earned this achievement');
  return c.json(
    {
      data: {
        learner: { documentId: learner.documentId, username: learner.username },
        achievement: log.earnedAchievements[0],
      },
      meta: learningMeta(log),
    },
    201,
  );
});
