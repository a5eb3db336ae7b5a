import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import type { AuthUser } from '../../worker/env';
import { awardEarnedAchievements } from '../../worker/services/learning/achievements';
import { LearningLog } from '../../worker/services/learning/learning-log';
import { recordProgress } from '../../worker/services/learning/progress';
import { api, registerStudent, tokenFor, unique } from '../support/api';
import { openTestDatabase } from '../support/database-handle';
import { event, publishedCourse } from '../support/learning';

// The rules called directly, as plain functions over a transaction (no HTTP in between).
async function inTransaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
  const handle = await openTestDatabase();
  try {
    return await handle.db.transaction((tx) => work(tx));
  } finally {
    await handle.close();
  }
}

async function learner(): Promise<AuthUser> {
  const s = await registerStudent();
  return { id: s.user.id, documentId: s.user.documentId, role: 'student' };
}

describe('recordProgress, called directly', () => {
  it('merges events by rule and treats a replay as a duplicate', async () => {
    const { lessons } = await publishedCourse();
    const user = await learner();
    const lesson = lessons[0]!.documentId;
    const events = [
      event(lesson, { progress: 80, timeSpent: 10, occurredAt: '2026-11-02T08:00:00Z' }),
      event(lesson, { progress: 30, completed: true, timeSpent: 5, occurredAt: '2026-11-01T08:00:00Z' }),
    ];
    const first = await inTransaction((tx) => recordProgress(tx, user, events, new LearningLog()));
    expect(first.map((o) => o.status)).toEqual(['applied', 'applied']);
    const replay = await inTransaction((tx) => recordProgress(tx, user, events, new LearningLog()));
    expect(replay.map((o) => o.status)).toEqual(['duplicate', 'duplicate']);
    const last = replay[1]!;
    expect(last.status !== 'rejected' && last.progress).toMatchObject({
      progress: 100,
      completed: true,
      timeSpent: 15,
      lastAccessed: '2026-11-02T08:00:00.000Z',
    });
  });

  it('a rule that fails rolls the whole request back', async () => {
    const { lessons } = await publishedCourse();
    const user = await learner();
    const e = event(lessons[0]!.documentId);
    await expect(
      inTransaction(async (tx) => {
        await recordProgress(tx, user, [e], new LearningLog());
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    // Nothing was kept, so the same event applies afresh.
    const again = await inTransaction((tx) => recordProgress(tx, user, [e], new LearningLog()));
    expect(again[0]!.status).toBe('applied');
  });
});

describe('awardEarnedAchievements, raced', () => {
  it('two transactions at once award a badge once', async () => {
    const title = unique('Three lessons ');
    await api('/api/achievements', {
      token: await tokenFor('admin'),
      body: { data: { title, criteria: { type: 'participation', lessons: 1 }, category: 'participation', points: 1 } },
    });
    const { lessons } = await publishedCourse();
    const user = await learner();
    await inTransaction((tx) =>
      recordProgress(tx, user, [event(lessons[0]!.documentId, { completed: true })], new LearningLog()),
    );
    const logs = [new LearningLog(), new LearningLog()];
    await Promise.all(logs.map((log) => inTransaction((tx) => awardEarnedAchievements(tx, user.id, log))));
    const awarded = logs.flatMap((log) => log.earnedAchievements).filter((a) => a.title === title);
    expect(awarded).toHaveLength(1);
    const rows = await inTransaction((tx) =>
      tx.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM user_achievements ua JOIN achievements a ON a.id = ua.achievement_id WHERE ua.user_id = ${user.id} AND a.title = ${title} AND ua.earned_at IS NOT NULL`,
      ),
    );
    expect(rows.rows[0]!.n).toBe(1);
  });
});
