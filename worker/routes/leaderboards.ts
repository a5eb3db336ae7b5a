import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { parseWith } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { leaderboard, LEADERBOARD_AGE_TIERS } from '../services/stats/leaderboard';
import { LEADERBOARD_PERIODS } from '../services/stats/leaderboard-period';

export const leaderboardRoutes = new Hono<AppEnv>();

// Strict: a misspelt parameter (?perod=month) is a 400, not a silently different board.
const leaderboardQuery = z
  .object({
    period: z.enum(LEADERBOARD_PERIODS).default('week'),
    ageTier: z.enum(LEADERBOARD_AGE_TIERS).optional(),
    course: z.string().min(1).max(24).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

leaderboardRoutes.get('/', async (c) => {
  authorize(c.var.user, 'leaderboards', 'find');
  const viewer = requireUser(c.var.user);
  const query = parseWith(leaderboardQuery, c.req.query());
  return c.json(await leaderboard(await c.var.db(), viewer, query));
});
