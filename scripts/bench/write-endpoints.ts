// The write paths of issue 10: one progress event, a batch of 50 offline events, starting and submitting
// a quiz attempt, and sign-in; and the mixed sequence of the 50-client run. Every request acts for the
// next learner in turn (learners.ts) with a new event id, as many phones would.
import { BENCH_PASSWORD } from './dataset';
import type { Learner } from './learners';
import type { Endpoint, RequestStep } from './measure';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const bearer = (learner: Learner) => ({ authorization: `Bearer ${learner.token}` });

export const BATCH_SIZE = 50;

function progressEvent(lesson: string) {
  return {
    eventId: crypto.randomUUID(),
    lesson,
    progress: 1 + Math.floor(Math.random() * 98),
    timeSpent: 5 + Math.floor(Math.random() * 120),
  };
}

function progressStep(next: () => Learner): RequestStep {
  return {
    method: 'POST',
    build: (context) => {
      const learner = (context.learner as Learner | undefined) ?? next();
      const lesson = learner.lessons[Math.floor(Math.random() * learner.lessons.length)]!;
      return { path: '/api/user-progresses', headers: bearer(learner), body: { data: progressEvent(lesson) } };
    },
  };
}

export function writeEndpoints(next: () => Learner, nextAddress: () => string): Endpoint[] {
  return [
    {
      name: 'progress event: POST /api/user-progresses',
      method: 'POST',
      path: '/api/user-progresses',
      sequence: [progressStep(next)],
      expect: [201],
      check: (body) =>
        isObject(body) && isObject(body.meta) && body.meta.status === 'applied' ? undefined : 'event not applied',
    },
    {
      name: `offline batch of ${BATCH_SIZE} events: POST /api/user-progresses/batch`,
      method: 'POST',
      path: '/api/user-progresses/batch',
      sequence: [
        {
          method: 'POST',
          build: () => {
            const learner = next();
            const data = learner.lessons.slice(0, BATCH_SIZE).map(progressEvent);
            return { path: '/api/user-progresses/batch', headers: bearer(learner), body: { data } };
          },
        },
      ],
      expect: [200],
      check: (body) => {
        const outcomes = isObject(body) && Array.isArray(body.data) ? (body.data as Json[]) : undefined;
        if (!outcomes) return 'no outcomes';
        const applied = outcomes.filter((o) => o.status === 'applied').length;
        return applied === BATCH_SIZE ? undefined : `${applied} of ${BATCH_SIZE} events applied`;
      },
    },
    {
      name: 'quiz attempt: start, then submit (two requests)',
      method: 'POST',
      path: '/api/quizzes/:quiz/attempts',
      sequence: [
        {
          method: 'POST',
          build: (context) => {
            const learner = next();
            context.learner = learner;
            return { path: `/api/quizzes/${learner.quiz}/attempts`, headers: bearer(learner), body: {} };
          },
          onResponse: (status, body, context) => {
            if (status === 200 || status === 201)
              context.attempt = (JSON.parse(body) as { data: { documentId: string } }).data.documentId;
          },
        },
        {
          method: 'POST',
          build: (context) => {
            if (!context.attempt) return undefined;
            // No answers: a score of 0, so the quiz never counts as passed and its answers are never shown,
            // which would close it to further attempts.
            return {
              path: `/api/quiz-attempts/${context.attempt as string}/submit`,
              headers: bearer(context.learner as Learner),
              body: { data: { answers: {} } },
            };
          },
        },
      ],
      expect: [200, 201],
      check: (body) => (isObject(body) && isObject(body.data) ? undefined : 'no submitted attempt'),
    },
    {
      name: 'sign-in: POST /api/auth/local (an address per request)',
      method: 'POST',
      path: '/api/auth/local',
      sequence: [
        {
          method: 'POST',
          build: () => ({
            path: '/api/auth/local',
            headers: { 'cf-connecting-ip': nextAddress() },
            body: { identifier: next().username, password: BENCH_PASSWORD },
          }),
        },
      ],
      expect: [200],
      check: (body) => (isObject(body) && typeof body.jwt === 'string' ? undefined : 'no jwt in the answer'),
    },
  ];
}

/** What each of the mixed run's clients does, over and over: three reads and a progress event, signed in. */
export function mixedEndpoint(next: () => Learner, coursesPath: string, coursePath: string, lessonsPath: string) {
  const read = (path: string, first = false): RequestStep => ({
    method: 'GET',
    build: (context) => {
      if (first) context.learner = next();
      return { path, headers: bearer(context.learner as Learner) };
    },
  });
  return {
    name: 'mixed: courses list, course, its lessons, a progress event (signed in)',
    method: 'GET',
    path: coursesPath,
    sequence: [read(coursesPath, true), read(coursePath), read(lessonsPath), progressStep(next)],
  } satisfies Endpoint;
}
