import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import {
  readPublicSchoolSettings,
  readSchoolSettings,
  SCHOOL_SETTINGS,
  schoolSettingKey,
  updateSchoolSetting,
} from '../services/stats/school-settings';
import { auditContext } from './audit-context';

export const schoolSettingRoutes = new Hono<AppEnv>();

schoolSettingRoutes.get('/', async (c) => {
  authorize(c.var.user, 'schoolSettings', 'find');
  return c.json({ data: await readSchoolSettings(await c.var.db()), meta: {} });
});

// Before sign-in the app needs the school's name, logo, language and whether it may offer registration.
schoolSettingRoutes.get('/public', async (c) => {
  authorize(c.var.user, 'schoolProfile', 'find');
  c.header('Cache-Control', 'public, max-age=60');
  return c.json({ data: await readPublicSchoolSettings(await c.var.db()), meta: {} });
});

// A PUT names the fields it changes; the others keep their value.
schoolSettingRoutes.put('/:key', async (c) => {
  authorize(c.var.user, 'schoolSettings', 'update');
  const actor = requireUser(c.var.user);
  const key = schoolSettingKey(c.req.param('key'));
  const changes = (SCHOOL_SETTINGS[key].schema as z.ZodObject)
    .partial()
    .refine((value) => Object.keys(value).length > 0, 'name at least one field to change');
  // Strapi v5 request bodies wrap the attributes in `data`.
  const { data } = await readJson(c, z.object({ data: changes }).strict());
  return c.json({ data: await updateSchoolSetting(await c.var.db(), auditContext(c, actor), key, data), meta: {} });
});
