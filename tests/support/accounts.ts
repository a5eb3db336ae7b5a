// Accounts for browser tests, made through the API: each test gets its own learner, so tests never share
// progress or an outbox.
import type { BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { clientAddress } from './client-address';

export interface SignedIn {
  jwt: string;
  refreshToken: string;
  user: { id: number; documentId: string; username: string; role: { type: string } };
}

/**
 * One call of the API for a browser test's setup, as JSON; anything but 2xx throws with the answer. Each
 * call comes from an address of its own, as phones would: the browser's own sign-ups (from 127.0.0.1)
 * keep the per-address registration limit (10 a minute) to themselves.
 */
export async function apiJson(method: string, url: string, token?: string | null, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: {
      accept: 'application/json',
      'cf-connecting-ip': clientAddress(),
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as any;
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const post = (url: string, body: unknown, token?: string) => apiJson('POST', url, token, body);

export function signInDemo(appUrl: string, username: string): Promise<SignedIn> {
  return post(`${appUrl}/api/auth/local`, { identifier: username, password: DEMO_PASSWORD });
}

/** A new student, enrolled in the demo course with this title. */
export async function newLearner(appUrl: string, courseTitle?: string): Promise<SignedIn> {
  const username = `learner${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const account: SignedIn = await post(`${appUrl}/api/auth/local/register`, {
    username,
    email: `${username}@example.test`,
    password: 'a-long-test-password',
  });
  if (courseTitle) {
    const course = await findCourse(appUrl, courseTitle);
    await post(`${appUrl}/api/course-enrollments`, { data: { course: course.documentId } }, account.jwt);
  }
  return account;
}

export async function findCourse(appUrl: string, title: string) {
  const query = `filters[title][$eq]=${encodeURIComponent(title)}&populate[lessons][sort][0]=order:asc`;
  const { data } = (await (await fetch(`${appUrl}/api/courses?${query}`)).json()) as any;
  if (!data?.[0]) throw new Error(`no demo course “${title}”`);
  return data[0] as { documentId: string; title: string; lessons: { documentId: string; title: string }[] };
}

/** Opens pages of this context already signed in (what the app keeps in localStorage after sign-in). */
export async function useSession(context: BrowserContext, session: SignedIn, locale?: string): Promise<void> {
  await context.addInitScript(
    ([value, lang]) => {
      if (!localStorage.getItem('lms.session')) localStorage.setItem('lms.session', value);
      if (lang && !localStorage.getItem('lms.locale')) localStorage.setItem('lms.locale', lang);
    },
    [JSON.stringify(session), locale ?? ''] as const,
  );
}
