import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Env } from '../env';
import { ApiError } from '../lib/errors';

/** Every limiter in wrangler.toml counts over 60 s (Cloudflare's longest period). */
const PERIOD_SECONDS = 60;

type Limiter = keyof Pick<Env, 'SIGN_IN_LIMITER' | 'ACCOUNT_LIMITER'>;

/**
 * Limits one client address, whatever account it aims at: the per-account throttle stops guessing one
 * password, this stops one address spraying many accounts or creating many. Cloudflare sets
 * CF-Connecting-IP and clients cannot forge it; under `wrangler dev` miniflare sets it from the socket
 * (keeping one the client sent, which lets tests play several addresses). The count lives in
 * Cloudflare's rate-limiting binding (miniflare keeps it in memory locally); a deployment without the
 * binding is not limited per address.
 */
export async function limitClient(c: Context<AppEnv>, limiter: Limiter, action: string): Promise<void> {
  const binding = c.env[limiter];
  if (!binding) return;
  const address = c.req.header('cf-connecting-ip') ?? 'unknown';
  const { success } = await binding.limit({ key: `${action}:${address}` });
  if (!success) {
    throw new ApiError(
      429,
      'RateLimitError',
      'Too many requests from your network; try again in a minute',
      {},
      { 'Retry-After': String(PERIOD_SECONDS) },
    );
  }
}

export const limitPerClient = (limiter: Limiter, action: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await limitClient(c, limiter, action);
    await next();
  });
