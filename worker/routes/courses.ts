import { Hono } from 'hono';
import { z } from 'zod';
import { ageTier, courseCategory, difficulty } from '../../db/schema/enums';
import type { AppEnv } from '../env';
import { authorize, requireUser } from '../policy/authorize';
import { readJson, parseWith } from '../lib/validation';
import { createCourse, deleteCourse, findVisibleCourse, listCourses, presentCourse, updateCourse } from '../services/courses';

export const courseRoutes = new Hono<AppEnv>();

const courseFields = z
  .object({
    title: z.string().trim().min(1).max(255),
    description: z.string().max(100_000).nullable(),
    category: z.enum(courseCategory.enumValues),
    ageTier: z.enum(ageTier.enumValues),
    difficulty: z.enum(difficulty.enumValues),
    isPublished: z.boolean(),
    estimatedDuration: z.number().int().min(0).max(100_000).nullable(),
    tags: z.array(z.string().trim().min(1).max(64)).max(50),
    instructor: z.string().min(1).max(24).nullable(),
    prerequisites: z.array(z.string().min(1).max(24)).max(50),
  })
  .strict();

const createBody = z.object({ data: courseFields.partial().required({ title: true, category: true }) });
const updateBody = z.object({ data: courseFields.partial() });

const listQuery = z.object({
  'pagination[page]': z.coerce.number().int().min(1).default(1),
  'pagination[pageSize]': z.coerce.number().int().min(1).max(100).default(25),
});

courseRoutes.get('/', async (c) => {
  const scopes = authorize(c.var.user, 'courses', 'find');
  const query = parseWith(listQuery.loose(), c.req.query());
  const page = { page: query['pagination[page]'], pageSize: query['pagination[pageSize]'] };
  const { rows, total } = await listCourses(await c.var.db(), c.var.user, scopes, page);
  return c.json({
    data: rows.map(presentCourse),
    meta: { pagination: { ...page, pageCount: Math.ceil(total / page.pageSize), total } },
  });
});

courseRoutes.get('/:documentId', async (c) => {
  const scopes = authorize(c.var.user, 'courses', 'findOne');
  const course = await findVisibleCourse(await c.var.db(), c.var.user, scopes, c.req.param('documentId'));
  return c.json({ data: presentCourse(course), meta: {} });
});

courseRoutes.post('/', async (c) => {
  authorize(c.var.user, 'courses', 'create');
  const actor = requireUser(c.var.user);
  const { data } = await readJson(c, createBody);
  const course = await createCourse(await c.var.db(), actor, data);
  return c.json({ data: presentCourse(course), meta: {} }, 201);
});

courseRoutes.put('/:documentId', async (c) => {
  const updateScopes = authorize(c.var.user, 'courses', 'update');
  const actor = requireUser(c.var.user);
  const { data } = await readJson(c, updateBody);
  const db = await c.var.db();
  const course = await findVisibleCourse(db, actor, authorize(actor, 'courses', 'findOne'), c.req.param('documentId'));
  const updated = await updateCourse(db, actor, updateScopes, course, data);
  return c.json({ data: presentCourse(updated), meta: {} });
});

courseRoutes.delete('/:documentId', async (c) => {
  const scopes = authorize(c.var.user, 'courses', 'delete');
  const db = await c.var.db();
  const course = await findVisibleCourse(db, c.var.user, scopes, c.req.param('documentId'));
  await deleteCourse(db, course);
  return c.body(null, 204);
});
