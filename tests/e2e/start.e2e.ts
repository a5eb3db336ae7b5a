import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../db/local/free-port';
import { DEMO_PASSWORD, DEMO_USERS } from '../../db/seed/demo-users';
import { createScratchDatabase } from '../support/scratch-database';
import { startApp, type RunningApp } from '../support/running-app';

const dataDir = mkdtempSync(join(tmpdir(), 'lms-e2e-'));
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let port: number;
let app: RunningApp;

const env = () => ({ PORT: String(port), LMS_DATA_DIR: dataDir, DATABASE_URL: databaseUrl });

async function post(path: string, body: unknown) {
  const r = await fetch(app.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as any };
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL);
    databaseUrl = scratch.databaseUrl;
    dropDatabase = scratch.drop;
  }
  port = await freePort();
  app = await startApp(env());
});

afterAll(async () => {
  await app?.stop();
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints the URL and every demo login', () => {
    expect(app.url).toBe(`http://127.0.0.1:${port}`);
    for (const user of DEMO_USERS) expect(app.output()).toContain(user.username);
    expect(app.output()).toContain(DEMO_PASSWORD);
  });

  it('signs in as every demo user, over HTTP, and /api/users/me knows who they are', async () => {
    for (const user of DEMO_USERS) {
      const login = await post('/api/auth/local', { identifier: user.username, password: DEMO_PASSWORD });
      expect(login.status, user.username).toBe(200);
      const me = await fetch(app.url + '/api/users/me', { headers: { authorization: `Bearer ${login.body.jwt}` } });
      const body = (await me.json()) as any;
      expect(body.username).toBe(user.username);
      expect(body.role.type).toBe(user.role);
    }
  });

  it('serves the PWA shell and the API from one origin', async () => {
    const page = await fetch(app.url + '/login');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const courses = (await (await fetch(app.url + '/api/courses')).json()) as any;
    expect(courses.data.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps data across a restart', async () => {
    const username = `restart${Date.now().toString(36)}`;
    const registered = await post('/api/auth/local/register', {
      username,
      email: `${username}@example.test`,
      password: 'survives-restart',
    });
    expect(registered.status).toBe(200);
    await app.stop();
    app = await startApp(env());
    expect(app.output()).not.toContain('demo data added');
    const login = await post('/api/auth/local', { identifier: username, password: 'survives-restart' });
    expect(login.status).toBe(200);
  });
});
