import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { badRequest } from '../lib/errors';
import { readJson } from '../lib/validation';
import { limitPerClient } from '../middleware/client-rate-limit';
import { requireUser } from '../policy/authorize';
import { completePasswordReset } from '../services/accounts/password-reset';
import { registerStudent } from '../services/accounts/registration';
import { endSession } from '../services/accounts/sessions';
import { changeOwnPassword, refreshSession, signIn } from '../services/accounts/sign-in';
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

// Strapi's reset-password body; `code` is what signing in with a temporary password answered.
const resetPasswordBody = z.object({
  code: z.string().min(16).max(2048),
  password: passwordSchema,
  passwordConfirmation: z.string().max(256).optional(),
});

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

// Public self-registration creates a student account, when the school allows it.
authRoutes.post('/local/register', limitPerClient('ACCOUNT_LIMITER', 'register'), async (c) => {
  const body = await readJson(c, registerBody);
  const context = { jwtSecret: c.env.JWT_SECRET, userAgent: c.req.header('user-agent'), requestId: c.var.requestId };
  return c.json(await registerStudent(await c.var.db(), body, context));
});

// After an admin's reset: the new password, chosen by the user; answers like a sign-in.
authRoutes.post('/reset-password', async (c) => {
  const { code, password, passwordConfirmation } = await readJson(c, resetPasswordBody);
  if (passwordConfirmation !== undefined && passwordConfirmation !== password)
    throw badRequest('Passwords do not match', {
      errors: [{ path: ['passwordConfirmation'], message: 'must equal password', name: 'ValidationError' }],
    });
  const context = {
    origin: c.var.origin,
    userAgent: c.req.header('user-agent'),
    requestId: c.var.requestId,
  };
  return c.json(await completePasswordReset(await c.var.db(), c.env.JWT_SECRET, { code, password }, context));
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
