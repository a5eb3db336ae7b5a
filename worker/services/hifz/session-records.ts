import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { hifzChecks, hifzMistakes, hifzSessions } from '../../../db/schema';
import type { HifzCheck, HifzMistake, HifzSession, HifzSessionInput, RecordedHifzSession } from '../../contract/hifz';
import { recordActivity, type AuditContext } from '../audit/activity-log';
import { personRef, personTables, studentRef, type HifzStudent } from './access';
import { presentMilestone } from './milestone-records';
import { rangeOf } from './plan-records';
import { findHifzPlan } from './plans';
import type { QuranIndex } from './quran-index';
import { formatRange, parseAyahRange } from './ranges';
import { recordHifzSession, type CheckInput } from './sessions';
import { formatWordRef, parseWordRef } from './word-refs';
import { recordHifzEvents } from './hifz-statements';

/** The wire's ranges and word references as ayah ids; anything that does not exist is a 400 naming its field. */
export function checksFromWire(index: QuranIndex, checks: HifzSessionInput['checks']): CheckInput[] {
  return checks.map((check, i) => ({
    clientId: check.clientId,
    kind: check.kind,
    range: parseAyahRange(index, check.range, ['checks', i, 'range']),
    grade: check.grade,
    note: check.note ?? null,
    mistakes: check.mistakes.map((m, j) => {
      const at = parseWordRef(index, m.at, ['checks', i, 'mistakes', j, 'at']);
      return { clientId: m.clientId, ayahId: at.ayahId, word: at.word, type: m.type, note: m.note ?? null };
    }),
  }));
}

/**
 * Records a sitting heard by `audit.actor`, exactly once per device id, with its activity-log entry and its
 * xAPI statements in the same transaction; milestones reached are answered so the app can celebrate them.
 */
export async function recordSitting(
  db: Database,
  index: QuranIndex,
  audit: AuditContext,
  origin: string,
  student: HifzStudent,
  input: HifzSessionInput,
): Promise<RecordedHifzSession> {
  const checks = checksFromWire(index, input.checks);
  const plan = await findHifzPlan(db, student.id);
  const recorded = await db.transaction(async (tx) => {
    const result = await recordHifzSession(tx, index, plan, {
      clientId: input.clientId,
      studentId: student.id,
      teacherId: audit.actor.id,
      heldOn: input.heldOn,
      attendance: input.attendance,
      note: input.note ?? null,
      recordedOffline: input.recordedOffline,
      recordedAt: new Date(input.recordedAt),
      checks,
    });
    if (result.status === 'created') {
      const heard = checks.map((c) => `${c.kind} ${formatRange(index, c.range)} (${c.grade.replace('_', ' ')})`);
      await recordActivity(tx, audit, {
        action: 'grade',
        entityType: 'hifzSessions',
        entityDocumentId: student.documentId,
        summary: `Hifz sitting of ${student.username} on ${input.heldOn}: ${heard.join(', ') || input.attendance}`,
      });
      await recordHifzEvents(
        tx,
        student,
        origin,
        new Date(input.recordedAt),
        [
          ...checks.map((c) => ({ kind: 'recited' as const, check: c.kind, range: c.range, grade: c.grade })),
          ...result.milestones.map((m) => ({ kind: 'milestone' as const, milestone: m })),
        ],
        index,
      );
    }
    return result;
  });
  const [session] = await loadSittings(db, index, student, { sessionId: recorded.sessionId });
  return {
    status: recorded.status,
    session: session!,
    milestones: recorded.milestones.map((m) => presentMilestone(index, m, input.heldOn)),
  };
}

const teacherPerson = personTables('teacher');

/** A student's sittings, newest first, with their checks and mistakes: two statements (sittings, then their checks). */
export async function loadSittings(
  db: Database,
  index: QuranIndex,
  student: HifzStudent,
  options: { sessionId?: number; before?: string; limit?: number } = {},
): Promise<HifzSession[]> {
  const sessions = await db
    .select({
      session: hifzSessions,
      teacher: teacherPerson.columns,
    })
    .from(hifzSessions)
    .leftJoin(teacherPerson.user, eq(teacherPerson.user.id, hifzSessions.teacherId))
    .leftJoin(teacherPerson.profile, ...teacherPerson.join)
    .where(
      and(
        eq(hifzSessions.studentId, student.id),
        options.sessionId === undefined ? undefined : eq(hifzSessions.id, options.sessionId),
        options.before === undefined ? undefined : lt(hifzSessions.heldOn, options.before),
      ),
    )
    .orderBy(desc(hifzSessions.heldOn), desc(hifzSessions.id))
    .limit(options.limit ?? 30);
  if (sessions.length === 0) return [];
  const checks = await db
    .select({
      id: hifzChecks.id,
      sessionId: hifzChecks.sessionId,
      documentId: hifzChecks.documentId,
      clientId: hifzChecks.clientId,
      kind: hifzChecks.kind,
      from: hifzChecks.fromAyahId,
      to: hifzChecks.toAyahId,
      grade: hifzChecks.grade,
      note: hifzChecks.note,
      // Named in full: in a one-table select Drizzle leaves a column unqualified, and "id" would be m.id here.
      mistakes: sql<
        { clientId: string; ayahId: number; word: number | null; type: HifzMistake['type']; note: string | null }[]
      >`COALESCE((SELECT json_agg(json_build_object('clientId', m.client_id, 'ayahId', m.ayah_id, 'word', m.word, 'type', m.type, 'note', m.note) ORDER BY m.ayah_id, m.word NULLS FIRST, m.id) FROM ${hifzMistakes} m WHERE m.check_id = hifz_checks.id), '[]'::json)`,
    })
    .from(hifzChecks)
    .where(
      inArray(
        hifzChecks.sessionId,
        sessions.map((s) => s.session.id),
      ),
    )
    .orderBy(hifzChecks.id);
  const bySession = new Map<number, HifzCheck[]>();
  for (const c of checks) {
    const list = bySession.get(c.sessionId) ?? [];
    list.push({
      documentId: c.documentId,
      clientId: c.clientId,
      kind: c.kind,
      range: rangeOf(index, { from: c.from, to: c.to }),
      grade: c.grade,
      note: c.note,
      mistakes: c.mistakes.map((m) => presentMistake(index, m)),
    });
    bySession.set(c.sessionId, list);
  }
  return sessions.map(({ session, teacher }) => ({
    documentId: session.documentId,
    clientId: session.clientId,
    student: studentRef(student),
    teacher: personRef(teacher),
    heldOn: session.heldOn,
    attendance: session.attendance,
    note: session.note,
    recordedOffline: session.recordedOffline,
    recordedAt: session.recordedAt.toISOString(),
    checks: bySession.get(session.id) ?? [],
  }));
}

export function presentMistake(
  index: QuranIndex,
  m: { clientId: string; ayahId: number; word: number | null; type: HifzMistake['type']; note: string | null },
): HifzMistake {
  return {
    clientId: m.clientId,
    ayahId: m.ayahId,
    at: formatWordRef(index, { ayahId: m.ayahId, word: m.word }),
    word: m.word,
    type: m.type,
    note: m.note,
  };
}
