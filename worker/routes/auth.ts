import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { readJson } from '../lib/validation';
import { createAccount } from '../services/accounts/accounts';
import { endSession } from '../services/accounts/sessions';
import { issueTokens, refreshSession, signIn } from '../services/accounts/sign-in';
import { passwordSchema, usernameSchema } from './user-schemas';

export const signInBody = z.object({
  identifier: z.string().trim().min(1, 'identifier is required').max(255),
  password: z.string().min(1, 'password is required').max(256),
});

export const registerBody = z.object({
  username: usernameSchema,
  email: z.email().max(255),
  password: passwordSchema,
});

export const refreshBody = z.object({ refreshToken: z.string().min(16).max(256) });

export const authRoutes = new Hono<AppEnv>();

authRoutes.post('/local', async (c) => {
  const credentials = await readJson(c, signInBody);
  const context = { jwtSecret: c.env.JWT_SECRET, origin: c.var.origin, userAgent: c.req.header('user-agent') };
  return c.json(await signIn(await c.var.db(), credentials, context));
});

// Public self-registration creates a student account, as Strapi's default "authenticated" role does.
authRoutes.post('/local/register', async (c) => {
  const body = await readJson(c, registerBody);
  const db = await c.var.db();
  const user = await createAccount(db, { ...body, role: 'student' });
  return c.json(await issueTokens(db, c.env.JWT_SECRET, user, c.req.header('user-agent')));
});

authRoutes.post('/refresh', async (c) => {
  const { refreshToken } = await readJson(c, refreshBody);
  return c.json(await refreshSession(await c.var.db(), c.env.JWT_SECRET, refreshToken));
});

authRoutes.post('/logout', async (c) => {
  const { refreshToken } = await readJson(c, refreshBody);
  await endSession(await c.var.db(), refreshToken);
  return c.body(null, 204);
});
