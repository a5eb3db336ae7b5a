import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { buildQuranDataset } from '../../db/quran/dataset';
import { loadQuranReference } from '../../db/quran/load-reference';
import { readQuranSources } from '../../db/quran/sources';
import { hifzChecks, hifzMilestones, hifzMistakes, hifzSessions, users } from '../../db/schema';
import { ApiError } from '../../worker/lib/errors';
import { proposeToday } from '../../worker/services/hifz/day-plan';
import { setHifzPlan } from '../../worker/services/hifz/plans';
import { loadQuranIndex } from '../../worker/services/hifz/quran-tables';
import { parseAyahRange } from '../../worker/services/hifz/ranges';
import { recordHifzSession, type SessionInput } from '../../worker/services/hifz/sessions';
import { registerStudent } from '../support/api';
import { openTestDatabase } from '../support/database-handle';

async function inTransaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
  const handle = await openTestDatabase();
  try {
    return await handle.db.transaction((tx) => work(tx as unknown as Database));
  } finally {
    await handle.close();
  }
}

/** The Postgres error code a statement fails with (23503 foreign key, 23514 check). */
async function failureCode(work: (tx: Database) => Promise<unknown>): Promise<string> {
  try {
    await inTransaction(work);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as { code?: string }).code ?? String(error);
  }
  return 'stored';
}

const index = await inTransaction((tx) => loadQuranIndex(tx));
const teacherId = await inTransaction(async (tx) => {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'teacher.amina'));
  return row!.id;
});
const student = async () => (await registerStudent()).user.id as number;
const range = (text: string) => parseAyahRange(index, text);

function session(studentId: number, heldOn: string, checks: SessionInput['checks']): SessionInput {
  return {
    clientId: randomUUID(),
    studentId,
    teacherId,
    heldOn,
    attendance: 'present',
    recordedOffline: true,
    recordedAt: new Date(`${heldOn}T16:00:00Z`),
    checks,
  };
}

describe('the Quran reference tables', () => {
  it('hold 114 surahs, 6,236 ayahs and 77,428 words, loaded once', async () => {
    const counts = await inTransaction(async (tx) => {
      const result = await tx.execute(sql`
        SELECT (SELECT count(*) FROM quran_surahs)::int AS surahs, (SELECT count(*) FROM quran_ayahs)::int AS ayahs,
               (SELECT count(*) FROM quran_words)::int AS words, (SELECT sum(word_count) FROM quran_ayahs)::int AS counted`);
      return result.rows[0];
    });
    expect(counts).toEqual({ surahs: 114, ayahs: 6236, words: 77_428, counted: 77_428 });
    expect(await inTransaction((tx) => loadQuranReference(tx))).toBe('present');
  });

  it('are never rewritten from other data: a different dataset is refused', async () => {
    const dataset = buildQuranDataset(readQuranSources());
    const edited = { ...dataset, ayahs: dataset.ayahs.map((a) => (a.id === 1 ? { ...a, wordCount: 5 } : a)) };
    await expect(inTransaction((tx) => loadQuranReference(tx, edited))).rejects.toThrow(
      /differs from what the installed packages give/,
    );
  });

  it('give the worker the same index as the packages', () => {
    expect(index.ayahCount).toBe(6236);
    expect(index.label(index.divisionRange('juz', 30)!.from)).toBe('78:1');
    expect(index.wordCount(index.ayahId(2, 255)!)).toBe(50);
  });
});

describe('hifz tables refuse what cannot exist', () => {
  const storeCheck = (studentId: number, from: number, to: number) => async (tx: Database) => {
    const [s] = await tx
      .insert(hifzSessions)
      .values({ clientId: randomUUID(), studentId, teacherId, heldOn: '2026-11-02' })
      .returning();
    await tx.insert(hifzChecks).values({
      clientId: randomUUID(),
      sessionId: s!.id,
      studentId,
      heldOn: '2026-11-02',
      kind: 'sabaq',
      fromAyahId: from,
      toAyahId: to,
      grade: 'good',
    });
  };

  it('a range that runs backwards or past 114:6 cannot be stored', async () => {
    const id = await student();
    expect(await failureCode(storeCheck(id, 20, 10))).toBe('23514');
    expect(await failureCode(storeCheck(id, 6230, 6237))).toBe('23503');
    expect(await failureCode(storeCheck(id, 6230, 6236))).toBe('stored');
  });

  it("a check cannot belong to another student's session, nor a mistake to a word that does not exist", async () => {
    const [a, b] = [await student(), await student()];
    expect(
      await failureCode(async (tx) => {
        const [s] = await tx
          .insert(hifzSessions)
          .values({ clientId: randomUUID(), studentId: a, teacherId, heldOn: '2026-11-02' })
          .returning();
        await tx.insert(hifzChecks).values({
          clientId: randomUUID(),
          sessionId: s!.id,
          studentId: b,
          heldOn: '2026-11-02',
          kind: 'sabaq',
          fromAyahId: 1,
          toAyahId: 7,
          grade: 'good',
        });
      }),
    ).toBe('23503');
    const mistakeOn = (word: number) => async (tx: Database) => {
      const [s] = await tx
        .insert(hifzSessions)
        .values({ clientId: randomUUID(), studentId: a, teacherId, heldOn: '2026-11-03' })
        .returning();
      const [c] = await tx
        .insert(hifzChecks)
        .values({
          clientId: randomUUID(),
          sessionId: s!.id,
          studentId: a,
          heldOn: '2026-11-03',
          kind: 'sabaq',
          fromAyahId: 1,
          toAyahId: 7,
          grade: 'good',
        })
        .returning();
      await tx
        .insert(hifzMistakes)
        .values({ clientId: randomUUID(), checkId: c!.id, studentId: a, ayahId: 1, word, type: 'tajweed' });
    };
    expect(await failureCode(mistakeOn(5))).toBe('23503');
    expect(await failureCode(mistakeOn(4))).toBe('stored');
  });
});

describe('recording a sitting', () => {
  it('stores it once however often the offline outbox sends it, and adds what a later replay brings', async () => {
    const id = await student();
    const input = session(id, '2026-11-04', [
      {
        clientId: randomUUID(),
        kind: 'sabaq',
        range: range('113:1-114:6'),
        grade: 'good',
        mistakes: [{ clientId: randomUUID(), ayahId: index.ayahId(113, 3)!, word: 2, type: 'hesitation' }],
      },
    ]);
    const first = await inTransaction((tx) => recordHifzSession(tx, index, null, input));
    expect(first).toMatchObject({ status: 'created' });
    expect(first.milestones).toEqual(
      expect.arrayContaining([
        { kind: 'surah', number: 113 },
        { kind: 'surah', number: 114 },
      ]),
    );
    const replay = await inTransaction((tx) => recordHifzSession(tx, index, null, input));
    expect(replay).toEqual({ status: 'duplicate', sessionId: first.sessionId, milestones: [] });
    const more = {
      ...input,
      checks: [
        ...input.checks,
        {
          clientId: randomUUID(),
          kind: 'manzil' as const,
          range: range('112'),
          grade: 'excellent' as const,
          mistakes: [],
        },
      ],
    };
    expect((await inTransaction((tx) => recordHifzSession(tx, index, null, more))).status).toBe('created');
    const rows = await inTransaction(async (tx) => ({
      sessions: await tx.select().from(hifzSessions).where(eq(hifzSessions.studentId, id)),
      checks: await tx.select().from(hifzChecks).where(eq(hifzChecks.studentId, id)),
      mistakes: await tx.select().from(hifzMistakes).where(eq(hifzMistakes.studentId, id)),
      milestones: await tx.select().from(hifzMilestones).where(eq(hifzMilestones.studentId, id)),
    }));
    expect([rows.sessions.length, rows.checks.length, rows.mistakes.length]).toEqual([1, 2, 1]);
    expect(rows.milestones.map((m) => `${m.kind} ${m.number}`).sort()).toEqual(['surah 112', 'surah 113', 'surah 114']);
  });

  it('refuses a mistake outside the range heard, or on a word past the end of the ayah, with a 400', async () => {
    const id = await student();
    const outside = session(id, '2026-11-05', [
      {
        clientId: randomUUID(),
        kind: 'sabaq',
        range: range('114'),
        grade: 'good',
        mistakes: [{ clientId: randomUUID(), ayahId: index.ayahId(113, 1)!, word: 1, type: 'wrong_word' }],
      },
    ]);
    const error = await inTransaction((tx) => recordHifzSession(tx, index, null, outside)).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.message]).toEqual([400, 'The mistake on 113:1 is outside the range heard']);
    const pastEnd = session(id, '2026-11-05', [
      {
        clientId: randomUUID(),
        kind: 'sabaq',
        range: range('114'),
        grade: 'good',
        mistakes: [{ clientId: randomUUID(), ayahId: index.ayahId(114, 2)!, word: 3, type: 'wrong_word' }],
      },
    ]);
    await expect(inTransaction((tx) => recordHifzSession(tx, index, null, pastEnd))).rejects.toThrow(
      '114:2 has 2 words: there is no word 3',
    );
  });

  it("refuses a session id already used for another student's sitting", async () => {
    const [a, b] = [await student(), await student()];
    const input = session(a, '2026-11-06', []);
    await inTransaction((tx) => recordHifzSession(tx, index, null, input));
    await expect(
      inTransaction((tx) => recordHifzSession(tx, index, null, { ...input, studentId: b })),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe('proposals from the database', () => {
  it("reads the plan and the recorded checks: today's sabaq follows yesterday's, which becomes sabqi", async () => {
    const id = await student();
    expect(await inTransaction((tx) => proposeToday(tx, id, '2026-11-10'))).toBeNull();
    await inTransaction((tx) =>
      setHifzPlan(tx, index, {
        studentId: id,
        teacherId,
        setById: teacherId,
        direction: 'reverse',
        startAyahId: index.ayahId(114, 1)!,
        newAmount: 7,
        newUnit: 'lines',
        sabqiDays: 7,
        manzilAmount: 1,
        manzilUnit: 'juz',
      }),
    );
    const first = (await inTransaction((tx) => proposeToday(tx, id, '2026-11-10')))!.proposal;
    expect(first.sabaq!.range).toEqual(range('113:1-114:6'));
    await inTransaction((tx) =>
      recordHifzSession(
        tx,
        index,
        null,
        session(id, '2026-11-10', [
          { clientId: randomUUID(), kind: 'sabaq', range: first.sabaq!.range, grade: 'excellent', mistakes: [] },
        ]),
      ),
    );
    const next = (await inTransaction((tx) => proposeToday(tx, id, '2026-11-11')))!.proposal;
    expect(next.sabaq!.range).toEqual(range('110:1-112:4'));
    expect(next.sabqi).toEqual([range('113:1-114:6')]);
  });

  it('refuses a plan whose manzil is larger than the mushaf', async () => {
    const id = await student();
    await expect(
      inTransaction((tx) =>
        setHifzPlan(tx, index, {
          studentId: id,
          teacherId,
          setById: teacherId,
          direction: 'forward',
          startAyahId: 8,
          newAmount: 1,
          newUnit: 'half_pages',
          sabqiDays: 5,
          manzilAmount: 31,
          manzilUnit: 'juz',
        }),
      ),
    ).rejects.toThrow(/cannot be more than the 30 juz/);
  });
});
