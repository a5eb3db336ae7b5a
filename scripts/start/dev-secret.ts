import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { toBase64Url } from '../../worker/lib/ids';

/** A JWT secret for this machine only, made once and kept, so sign-ins survive a restart. */
export function devSecret(dataDir: string): string {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = `${dataDir}/jwt-secret`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(48)));
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
