import { Hono } from 'hono';
import { z } from 'zod';
import { ACTIVITY_ACTIONS, ACTIVITY_ENTITY_TYPES } from '../contract/activity';
import type { AppEnv } from '../env';
import { parseWith } from '../lib/validation';
import { authorize } from '../policy/authorize';
import { searchActivity } from '../services/audit/activity-search';

/** The activity log: read by admins, written only by the changes it records; no route changes it. */
export const activityLogRoutes = new Hono<AppEnv>();

const DAY = 24 * 3600_000;
// A date alone means the whole day (UTC): from its start, or up to its end.
const instant = (endOfDay: boolean) =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .transform((value) => (value.length === 10 ? new Date(Date.parse(value) + (endOfDay ? DAY : 0)) : new Date(value)));

const query = z
  .object({
    actor: z.string().trim().min(1).max(64).optional(),
    action: z
      .string()
      .transform((value) => value.split(',').map((action) => action.trim()))
      .pipe(z.array(z.enum(ACTIVITY_ACTIONS)).min(1))
      .optional(),
    entityType: z.enum(ACTIVITY_ENTITY_TYPES).optional(),
    entity: z.string().trim().min(1).max(64).optional(),
    from: instant(false).optional(),
    to: instant(true).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from < v.to, { path: ['to'], message: 'to must be after from' });

activityLogRoutes.get('/', async (c) => {
  authorize(c.var.user, 'activityLog', 'find');
  const { action, q, ...search } = parseWith(query, c.req.query());
  return c.json(await searchActivity(await c.var.db(), { ...search, actions: action, text: q }));
});
