import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import {
  hifzChecks,
  hifzMilestones,
  hifzMistakes,
  hifzSessions,
  type HifzCheckKind,
  type HifzGrade,
  type HifzMistakeType,
} from '../../../db/schema';
import { conflict } from '../../lib/errors';
import { issueMilestoneCertificates } from '../certificates/issue-certificate';
import { certifiesMilestone } from './certified-milestones';
import { milestoneRange } from './milestone-records';
import { newMilestones, type Milestone } from './milestones';
import { memorisedAyahs, type HifzPlanRules } from './proposal';
import type { AyahRange, QuranIndex } from './quran-index';
import { invalidReference } from './ranges';
import type { HeardCheckWithMistakes } from './strength';

export interface MistakeInput {
  clientId: string;
  ayahId: number;
  /** 1-based word of the ayah; null for the whole ayah. */
  word: number | null;
  type: HifzMistakeType;
  note?: string | null;
}

export interface CheckInput {
  clientId: string;
  kind: HifzCheckKind;
  range: AyahRange;
  grade: HifzGrade;
  note?: string | null;
  mistakes: MistakeInput[];
}

export interface SessionInput {
  clientId: string;
  studentId: number;
  teacherId: number;
  heldOn: string;
  attendance: 'present' | 'absent' | 'excused';
  note?: string | null;
  recordedOffline: boolean;
  recordedAt: Date;
  checks: CheckInput[];
}

/** Refuses what the tables would refuse too, but with a message that names the field. */
function validate(index: QuranIndex, input: SessionInput): void {
  if (input.attendance !== 'present' && input.checks.length > 0)
    throw invalidReference(`A student marked ${input.attendance} cannot have checks`, ['checks']);
  input.checks.forEach((check, i) => {
    const { from, to } = check.range;
    if (!index.isAyahId(from) || !index.isAyahId(to) || from > to)
      throw invalidReference('The range heard does not exist or runs backwards', ['checks', i, 'range']);
    check.mistakes.forEach((m, j) => {
      const path = ['checks', i, 'mistakes', j];
      if (m.ayahId < from || m.ayahId > to)
        throw invalidReference(`The mistake on ${index.label(m.ayahId)} is outside the range heard`, path);
      if (m.word !== null && (m.word < 1 || m.word > index.wordCount(m.ayahId)))
        throw invalidReference(
          `${index.label(m.ayahId)} has ${index.wordCount(m.ayahId)} words: there is no word ${m.word}`,
          path,
        );
    });
  });
}

export interface RecordedSession {
  status: 'created' | 'duplicate';
  sessionId: number;
  milestones: Milestone[];
}

/**
 * Stores a sitting with its checks and their mistakes, exactly once: the device's ids make a replayed or
 * retried upload (the offline outbox) change nothing, and a replay carrying checks or mistakes added since
 * stores only those. Milestones reached are recorded once per student.
 */
export async function recordHifzSession(
  tx: Database,
  index: QuranIndex,
  plan: HifzPlanRules | null,
  input: SessionInput,
): Promise<RecordedSession> {
  validate(index, input);
  const [inserted] = await tx
    .insert(hifzSessions)
    .values({
      clientId: input.clientId,
      studentId: input.studentId,
      teacherId: input.teacherId,
      heldOn: input.heldOn,
      attendance: input.attendance,
      note: input.note ?? null,
      recordedOffline: input.recordedOffline,
      recordedAt: input.recordedAt,
    })
    .onConflictDoNothing({ target: [hifzSessions.teacherId, hifzSessions.clientId] })
    .returning({ id: hifzSessions.id });
  let sessionId = inserted?.id;
  if (sessionId === undefined) {
    const [existing] = await tx
      .select({ id: hifzSessions.id, studentId: hifzSessions.studentId, heldOn: hifzSessions.heldOn })
      .from(hifzSessions)
      .where(and(eq(hifzSessions.teacherId, input.teacherId), eq(hifzSessions.clientId, input.clientId)));
    if (!existing || existing.studentId !== input.studentId || existing.heldOn !== input.heldOn)
      throw conflict('This session id is already used for another sitting');
    sessionId = existing.id;
  }

  const before = await loadHifzHistory(tx, input.studentId);
  const heard: HeardInSitting[] = [];
  let added = 0;
  for (const check of input.checks) {
    const [row] = await tx
      .insert(hifzChecks)
      .values({
        clientId: check.clientId,
        sessionId,
        studentId: input.studentId,
        heldOn: input.heldOn,
        kind: check.kind,
        fromAyahId: check.range.from,
        toAyahId: check.range.to,
        grade: check.grade,
        note: check.note ?? null,
      })
      .onConflictDoNothing({ target: [hifzChecks.sessionId, hifzChecks.clientId] })
      .returning({ id: hifzChecks.id });
    const checkId =
      row?.id ??
      (
        await tx
          .select({ id: hifzChecks.id })
          .from(hifzChecks)
          .where(and(eq(hifzChecks.sessionId, sessionId), eq(hifzChecks.clientId, check.clientId)))
      )[0]!.id;
    if (row) added++;
    heard.push({ checkId, range: check.range });
    if (check.mistakes.length === 0) continue;
    const mistakes = await tx
      .insert(hifzMistakes)
      .values(
        check.mistakes.map((m) => ({
          clientId: m.clientId,
          checkId,
          studentId: input.studentId,
          ayahId: m.ayahId,
          word: m.word,
          type: m.type,
          note: m.note ?? null,
        })),
      )
      .onConflictDoNothing({ target: [hifzMistakes.checkId, hifzMistakes.clientId], where: sql`check_id IS NOT NULL` })
      .returning({ id: hifzMistakes.id });
    added += mistakes.length;
  }

  const milestones = await recordMilestones(tx, index, plan, input, before, heard);
  return { status: inserted || added > 0 ? 'created' : 'duplicate', sessionId, milestones };
}

interface HeardInSitting {
  checkId: number;
  range: AyahRange;
}

/** The sitting's check that reached a milestone: the first one heard inside its range (its teacher heard it). */
function checkReaching(index: QuranIndex, m: Milestone, heard: readonly HeardInSitting[]): number | null {
  const { from, to } = milestoneRange(index, m);
  const inside = heard.find((h) => h.range.from <= to && h.range.to >= from);
  return (inside ?? heard.at(-1))?.checkId ?? null;
}

/**
 * Milestones reached by this sitting, each stored once per student, and in the same transaction the
 * certificates of those the school certifies (certified-milestones.ts), each issued once.
 */
async function recordMilestones(
  tx: Database,
  index: QuranIndex,
  plan: HifzPlanRules | null,
  input: SessionInput,
  before: HeardCheckWithMistakes[],
  heard: readonly HeardInSitting[],
): Promise<Milestone[]> {
  const after = await loadHifzHistory(tx, input.studentId);
  const reached = newMilestones(index, memorisedOf(index, plan, before), memorisedOf(index, plan, after));
  if (reached.length === 0) return [];
  const stored = await tx
    .insert(hifzMilestones)
    .values(
      reached.map((m) => ({
        studentId: input.studentId,
        kind: m.kind,
        number: m.number,
        reachedOn: input.heldOn,
        checkId: checkReaching(index, m, heard),
      })),
    )
    .onConflictDoNothing({ target: [hifzMilestones.studentId, hifzMilestones.kind, hifzMilestones.number] })
    .returning({ id: hifzMilestones.id, kind: hifzMilestones.kind, number: hifzMilestones.number });
  await issueMilestoneCertificates(
    tx,
    input.studentId,
    stored.filter(certifiesMilestone).map((m) => m.id),
  );
  return stored.map(({ kind, number }) => ({ kind, number }));
}

/** What the student has memorised under their plan, or without one only what was heard and accepted. */
export function memorisedOf(
  index: QuranIndex,
  plan: HifzPlanRules | null,
  history: readonly HeardCheckWithMistakes[],
): Uint8Array {
  return memorisedAyahs(index, plan ?? NO_PRIOR, history);
}

/** Without a plan nothing counts as known before the first check: a forward order from 1:1. */
const NO_PRIOR: HifzPlanRules = {
  direction: 'forward',
  startAyahId: 1,
  newAmount: 1,
  newUnit: 'ayahs',
  sabqiDays: 0,
  manzilAmount: 1,
  manzilUnit: 'juz',
};

/** A student's checks with their mistakes, in the order they were recorded. Two statements. */
export async function loadHifzHistory(tx: Database, studentId: number): Promise<HeardCheckWithMistakes[]> {
  const checks = await tx
    .select({
      id: hifzChecks.id,
      heldOn: hifzChecks.heldOn,
      kind: hifzChecks.kind,
      from: hifzChecks.fromAyahId,
      to: hifzChecks.toAyahId,
      grade: hifzChecks.grade,
    })
    .from(hifzChecks)
    .where(eq(hifzChecks.studentId, studentId))
    .orderBy(asc(hifzChecks.heldOn), asc(hifzChecks.id));
  if (checks.length === 0) return [];
  const mistakes = await tx
    .select({ checkId: hifzMistakes.checkId, ayahId: hifzMistakes.ayahId, type: hifzMistakes.type })
    .from(hifzMistakes)
    .where(
      and(
        eq(hifzMistakes.studentId, studentId),
        inArray(
          hifzMistakes.checkId,
          checks.map((c) => c.id),
        ),
      ),
    );
  const byCheck = new Map<number, { ayahId: number; type: HifzMistakeType }[]>();
  for (const m of mistakes) {
    const list = byCheck.get(m.checkId!) ?? [];
    list.push({ ayahId: m.ayahId, type: m.type });
    byCheck.set(m.checkId!, list);
  }
  return checks.map(({ id, ...c }) => ({ ...c, mistakes: byCheck.get(id) ?? [] }));
}
