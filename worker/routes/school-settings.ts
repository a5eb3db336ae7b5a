import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { readJson } from '../lib/validation';
import { authorize } from '../policy/authorize';
import {
  readSchoolSettings,
  SCHOOL_SETTINGS,
  schoolSettingKey,
  writeSchoolSetting,
} from '../services/stats/school-settings';

export const schoolSettingRoutes = new Hono<AppEnv>();

schoolSettingRoutes.get('/', async (c) => {
  authorize(c.var.user, 'schoolSettings', 'find');
  return c.json({ data: await readSchoolSettings(await c.var.db()), meta: {} });
});

schoolSettingRoutes.put('/:key', async (c) => {
  authorize(c.var.user, 'schoolSettings', 'update');
  const key = schoolSettingKey(c.req.param('key'));
  // Strapi v5 request bodies wrap the attributes in `data`.
  const { data } = await readJson(c, z.object({ data: SCHOOL_SETTINGS[key].schema }).strict());
  return c.json({ data: await writeSchoolSetting(await c.var.db(), key, data), meta: {} });
});
