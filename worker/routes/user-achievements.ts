import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { idOrKey } from '../lib/document-keys';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { relationRef } from '../services/content/relations';
import { awardByHand } from '../services/learning/manual-awards';
import { auditContext } from './audit-context';
import { addReadRoutes } from './content-routes';

export const userAchievementRoutes = addReadRoutes(new Hono<AppEnv>(), 'userAchievements');

export const awardBody = z.object({
  data: z.object({ user: idOrKey, achievement: relationRef }).strict(),
});

// Teachers award achievements by hand, to students, each at most once.
userAchievementRoutes.post('/', async (c) => {
  const scopes = authorize(c.var.user, 'userAchievements', 'create');
  const actor = requireUser(c.var.user);
  const { data } = await readJson(c, awardBody);
  const award = { learner: String(data.user), achievement: data.achievement };
  const audit = auditContext(c, actor);
  const { learner, achievement, meta } = await awardByHand(await c.var.db(), audit, scopes, award, c.var.origin);
  return c.json({ data: { learner, achievement }, meta }, 201);
});
