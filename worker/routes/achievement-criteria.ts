import { Hono } from 'hono';
import { z } from 'zod';
import { achievementCriteria } from '../contract/achievement-criteria';
import type { AppEnv } from '../env';
import { authorize } from '../policy/authorize';

/**
 * The criteria an achievement may have, as JSON Schema, so the achievement form is built from the same
 * schema the server checks with (the app imports the contract's types only, never its runtime values).
 */
export const achievementCriteriaRoutes = new Hono<AppEnv>();

const criteriaSchema = z.toJSONSchema(achievementCriteria);

achievementCriteriaRoutes.get('/', (c) => {
  authorize(c.var.user, 'achievements', 'create');
  return c.json({ data: criteriaSchema, meta: {} });
});
