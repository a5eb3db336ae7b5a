import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { signAccessToken } from '../lib/tokens';
import { readJson } from '../lib/validation';
import { authenticate, createAccount } from '../services/accounts/accounts';
import { endSession, rotateSession, startSession } from '../services/accounts/sessions';
import { findUserById, presentUser, toAuthUser, type UserRecord } from '../services/accounts/user-records';
import { unauthorized } from '../lib/errors';
import { passwordSchema, usernameSchema } from './user-schemas';
import { countDailyLogin } from '../services/learning/daily-login';

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

export const authRoutes = new Hono<AppEnv>();

async function issueTokens(
  c: { env: AppEnv['Bindings'] },
  db: Parameters<typeof startSession>[0],
  user: UserRecord,
  userAgent?: string,
) {
  const refreshToken = await startSession(db, user.id, userAgent);
  const jwt = await signAccessToken(c.env.JWT_SECRET, { userId: user.id, tokenVersion: user.tokenVersion });
  return { jwt, refreshToken, user: presentUser(user, { id: user.id, role: user.role }) };
}

authRoutes.post('/local', async (c) => {
  const { identifier, password } = await readJson(c, signInBody);
  const db = await c.var.db();
  const user = await authenticate(db, identifier, password);
  if (user.role === 'student') await countDailyLogin(db, toAuthUser(user), new URL(c.req.url).origin);
  return c.json(await issueTokens(c, db, user, c.req.header('user-agent')));
});

// Public self-registration creates a student account, as Strapi's default "authenticated" role does.
authRoutes.post('/local/register', async (c) => {
  const body = await readJson(c, registerBody);
  const db = await c.var.db();
  const user = await createAccount(db, { ...body, role: 'student' });
  return c.json(await issueTokens(c, db, user, c.req.header('user-agent')));
});

authRoutes.post('/refresh', async (c) => {
  const { refreshToken } = await readJson(c, refreshBody);
  const db = await c.var.db();
  const rotated = await rotateSession(db, refreshToken);
  const user = await findUserById(db, rotated.userId);
  if (!user || user.blocked) throw unauthorized('Invalid refresh token');
  const jwt = await signAccessToken(c.env.JWT_SECRET, { userId: user.id, tokenVersion: user.tokenVersion });
  return c.json({ jwt, refreshToken: rotated.refreshToken });
});

authRoutes.post('/logout', async (c) => {
  const { refreshToken } = await readJson(c, refreshBody);
  await endSession(await c.var.db(), refreshToken);
  return c.body(null, 204);
});
