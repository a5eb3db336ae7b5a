import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { clientAddress } from './client-address';

export { clientAddress };

export const baseUrl = () => inject('baseUrl');

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A fetch against the running worker that returns the parsed body. */
export async function api<T = any>(
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { 'cf-connecting-ip': clientAddress(), ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  }
  const response = await fetch(baseUrl() + path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const tokens = new Map<string, Promise<string>>();

/** Signs in once per demo user per test file. */
export function tokenFor(username: string): Promise<string> {
  let token = tokens.get(username);
  if (!token) {
    token = api('/api/auth/local', { body: { identifier: username, password: DEMO_PASSWORD } }).then((r) => {
      if (r.status !== 200) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(r.body)}`);
      return r.body.jwt as string;
    });
    tokens.set(username, token);
  }
  return token;
}

let counter = 0;
/** Unique names let test files share one database without stepping on each other. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

/** Registers a fresh student and returns their tokens. */
export async function registerStudent(password = 'correct-horse-battery') {
  const username = unique('s');
  const r = await api('/api/auth/local/register', { body: { username, email: `${username}@example.test`, password } });
  if (r.status !== 200) throw new Error(`register failed: ${JSON.stringify(r.body)}`);
  return {
    username,
    password,
    jwt: r.body.jwt as string,
    refreshToken: r.body.refreshToken as string,
    user: r.body.user,
  };
}
