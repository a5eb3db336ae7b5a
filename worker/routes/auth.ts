import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { badRequest } from '../lib/errors';
import { readJson } from '../lib/validation';
import { limitPerClient } from '../middleware/client-rate-limit';
import { requireUser } from '../policy/authorize';
import { createAccount } from '../services/accounts/accounts';
import { endSession } from '../services/accounts/sessions';
import { changeOwnPassword, issueTokens, refreshSession, signIn } from '../services/accounts/sign-in';
import { passwordSchema, usernameSchema } from './user-schemas';

const signInBody = z.object({
  identifier: z.string().trim().min(1, 'identifier is required').max(255),
  password: z.string().min(1, 'password is required').max(256),
});

const registerBody = z.object({
  username: usernameSchema,
  email: z.email().max(255),
  password: passwordSchema,
});

const refreshBody = z.object({ refreshToken: z.string().min(16).max(256) });

// Strapi's users-permissions body.
const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'currentPassword is required').max(256),
  password: passwordSchema,
  passwordConfirmation: z.string().max(256),
});

export const authRoutes = new Hono<AppEnv>();

authRoutes.post('/local', limitPerClient('SIGN_IN_LIMITER', 'sign-in'), async (c) => {
  const credentials = await readJson(c, signInBody);
  const context = { jwtSecret: c.env.JWT_SECRET, origin: c.var.origin, userAgent: c.req.header('user-agent') };
  return c.json(await signIn(await c.var.db(), credentials, context));
});

// Public self-registration creates a student account, as Strapi's default "authenticated" role does.
authRoutes.post('/local/register', limitPerClient('ACCOUNT_LIMITER', 'register'), async (c) => {
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

/**
 * Strapi's change-password: the current password is judged under the sign-in throttle; every session of
 * the user ends (tokens issued before stop working) and this device gets a new one.
 */
authRoutes.post('/change-password', limitPerClient('ACCOUNT_LIMITER', 'password'), async (c) => {
  const user = requireUser(c.var.user);
  const body = await readJson(c, changePasswordBody);
  if (body.password !== body.passwordConfirmation)
    throw badRequest('Passwords do not match', {
      errors: [{ path: ['passwordConfirmation'], message: 'does not match password', name: 'ValidationError' }],
    });
  const answer = await changeOwnPassword(await c.var.db(), user, body, {
    jwtSecret: c.env.JWT_SECRET,
    userAgent: c.req.header('user-agent'),
  });
  return c.json(answer);
});
