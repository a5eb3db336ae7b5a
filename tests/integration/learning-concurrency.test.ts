import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { LEARNER_LOCK_SPACE } from '../../worker/services/learning/run-learning';
import { api, registerStudent } from '../support/api';
import { openTestDatabase } from '../support/database-handle';
import { event, publishedCourse } from '../support/learning';

const progressOf = async (token: string, lesson: string) =>
  (await api(`/api/user-progresses?filters[lesson][documentId][$eq]=${lesson}`, { token })).body.data[0];

describe('concurrent learning writes of one learner', () => {
  it('50 first events for one lesson at once: every one applied, each counted once, one enrollment', async () => {
    const { course, lessons } = await publishedCourse({ lessonCount: 2 });
    const lesson = lessons[0]!.documentId;
    const s = await registerStudent();
    const events = Array.from({ length: 50 }, (_, i) => event(lesson, { progress: i + 1, timeSpent: 1 }));
    const answers = await Promise.all(
      events.map((data) => api('/api/user-progresses', { token: s.jwt, body: { data } })),
    );
    expect(answers.map((a) => a.status)).toEqual(events.map(() => 201));

    const progress = await progressOf(s.jwt, lesson);
    expect(progress).toMatchObject({ timeSpent: 50, progress: 50, completed: false });
    const enrollments = await api(`/api/course-enrollments?filters[course][documentId][$eq]=${course.documentId}`, {
      token: s.jwt,
    });
    expect(enrollments.body.data).toHaveLength(1);
    expect(enrollments.body.data[0].status).toBe('in_progress');

    // The same 50 again, at once: every one is a duplicate and nothing moves.
    const replays = await Promise.all(
      events.map((data) => api('/api/user-progresses', { token: s.jwt, body: { data } })),
    );
    expect(replays.map((a) => a.status)).toEqual(events.map(() => 200));
    expect((await progressOf(s.jwt, lesson)).timeSpent).toBe(50);
  });

  it('completions, a batch and an enrollment racing each other all land, and the course completes once', async () => {
    const { course, lessons } = await publishedCourse({ lessonCount: 3 });
    const s = await registerStudent();
    const complete = (lesson: string) => event(lesson, { completed: true, timeSpent: 5 });
    const requests = [
      ...lessons.map((l) => api('/api/user-progresses', { token: s.jwt, body: { data: complete(l.documentId) } })),
      api('/api/user-progresses/batch', { token: s.jwt, body: { data: lessons.map((l) => complete(l.documentId)) } }),
      api('/api/course-enrollments', { token: s.jwt, body: { data: { course: course.documentId } } }),
    ];
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.every((status) => status === 200 || status === 201)).toBe(true);
    const certificates = await api(`/api/certificates?filters[course][documentId][$eq]=${course.documentId}`, {
      token: s.jwt,
    });
    expect(certificates.body.data).toHaveLength(1);
    const enrollment = await api(`/api/course-enrollments?filters[course][documentId][$eq]=${course.documentId}`, {
      token: s.jwt,
    });
    expect(enrollment.body.data[0]).toMatchObject({ status: 'completed', progress: 100 });
  });

  // PGlite runs every client in one session behind a relay that admits one connection at a time, so two
  // transactions can never wait on each other there: a deadlock needs a real server.
  it.skipIf(inject('databaseKind') === 'embedded')(
    'a learning transaction that loses a deadlock is run again and answers 201',
    async () => {
      const { lessons } = await publishedCourse({ lessonCount: 2 });
      const s = await registerStudent();
      const first = await api('/api/user-progresses', { token: s.jwt, body: { data: event(lessons[0]!.documentId) } });
      expect(first.status).toBe(201);

      const handle = await openTestDatabase();
      let pending: ReturnType<typeof api> | undefined;
      try {
        await handle.db.transaction(async (tx) => {
          // Only the worker's backend looks for the deadlock (after 1 s), so the worker is its victim.
          await tx.execute(sql`SET LOCAL deadlock_timeout = '20s'`);
          await tx.execute(sql`SELECT 1 FROM course_enrollments WHERE user_id = ${s.user.id} FOR UPDATE`);
          // Takes the learner's lock, then waits for the enrollment row held here.
          pending = api('/api/user-progresses', { token: s.jwt, body: { data: event(lessons[1]!.documentId) } });
          await waitForLearnerLock(handle.db, s.user.id);
          await tx.execute(sql`SELECT pg_advisory_xact_lock(${LEARNER_LOCK_SPACE}, ${s.user.id})`);
        });
      } finally {
        await handle.close();
      }
      const second = await pending!;
      expect(second.status, JSON.stringify(second.body)).toBe(201);
      expect((await progressOf(s.jwt, lessons[1]!.documentId)).progress).toBe(50);
    },
  );
});

/** Waits until some backend holds the learner's advisory lock (the worker's transaction has begun). */
async function waitForLearnerLock(db: Awaited<ReturnType<typeof openTestDatabase>>['db'], userId: number) {
  for (let i = 0; i < 200; i++) {
    const held = await db.execute(
      sql`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ${LEARNER_LOCK_SPACE} AND objid = ${userId} AND granted`,
    );
    if (held.rows.length) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the worker never took the learner lock');
}
