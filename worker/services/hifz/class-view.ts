import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { hifzChecks, hifzPlans, hifzRecitations, hifzSessions, userProfiles, users } from '../../../db/schema';
import type { HifzClassRow } from '../../contract/hifz';
import type { AuthUser } from '../../env';
import { daysBetween } from '../learning/streak-rules';
import { rangeOf } from './plan-records';
import { isPassing, proposeDay, type HeardCheck } from './proposal';
import type { QuranIndex } from './quran-index';
import { daysBefore } from './school-day';

/**
 * A student is behind plan when today's sabaq is a repeat of one not accepted, or no sabaq was accepted in
 * the last BEHIND_AFTER_DAYS days (for a new plan: since it was set) while the plan is not complete.
 */
export const BEHIND_AFTER_DAYS = 7;

/**
 * The teacher's class for `today`: every student whose plan names the teacher (admins: every student with a
 * plan, or one teacher's by their documentId), who was heard this week, who is behind, today's sabaq, and
 * recitations waiting to be graded. Two statements, however many students.
 */
export async function classView(
  db: Database,
  index: QuranIndex,
  viewer: AuthUser,
  today: string,
  teacherDocumentId?: string,
): Promise<HifzClassRow[]> {
  const forTeacher =
    viewer.role !== 'admin'
      ? eq(hifzPlans.teacherId, viewer.id)
      : teacherDocumentId === undefined
        ? undefined
        : eq(
            hifzPlans.teacherId,
            sql`(SELECT ${users.id} FROM ${users} WHERE ${users.documentId} = ${teacherDocumentId})`,
          );
  const students = await db
    .select({
      plan: hifzPlans,
      documentId: users.documentId,
      username: users.username,
      fullName: userProfiles.fullName,
      lastHeard: sql<
        string | null
      >`(SELECT max(s.held_on)::text FROM ${hifzSessions} s WHERE s.student_id = ${hifzPlans.studentId} AND s.attendance = 'present' AND s.held_on <= ${today})`,
      toGrade: sql<number>`(SELECT count(*)::int FROM ${hifzRecitations} r WHERE r.student_id = ${hifzPlans.studentId} AND r.status = 'submitted')`,
    })
    .from(hifzPlans)
    .innerJoin(users, eq(users.id, hifzPlans.studentId))
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
    .where(forTeacher)
    .orderBy(asc(sql`coalesce(${userProfiles.fullName}, ${users.username})`));
  if (students.length === 0) return [];
  const checks = await db
    .select({
      studentId: hifzChecks.studentId,
      heldOn: hifzChecks.heldOn,
      kind: hifzChecks.kind,
      from: hifzChecks.fromAyahId,
      to: hifzChecks.toAyahId,
      grade: hifzChecks.grade,
    })
    .from(hifzChecks)
    .where(
      and(
        inArray(
          hifzChecks.studentId,
          students.map((s) => s.plan.studentId),
        ),
        sql`${hifzChecks.heldOn} <= ${today}`,
      ),
    )
    .orderBy(asc(hifzChecks.heldOn), asc(hifzChecks.id));
  const byStudent = new Map<number, HeardCheck[]>();
  for (const { studentId, ...check } of checks) {
    const list = byStudent.get(studentId) ?? [];
    list.push(check);
    byStudent.set(studentId, list);
  }
  const weekStart = daysBefore(today, 6);
  return students.map((s) => {
    const history = byStudent.get(s.plan.studentId) ?? [];
    const proposal = proposeDay(index, s.plan, history, today);
    const lastAccepted = history.filter((c) => c.kind === 'sabaq' && isPassing(c.grade)).at(-1)?.heldOn ?? null;
    const since = lastAccepted ?? s.plan.createdAt.toISOString().slice(0, 10);
    const daysSinceSabaq = lastAccepted === null ? null : daysBetween(lastAccepted, today);
    return {
      student: { documentId: s.documentId, username: s.username, fullName: s.fullName },
      lastHeard: s.lastHeard,
      heardThisWeek: s.lastHeard !== null && s.lastHeard >= weekStart,
      behindPlan:
        !proposal.complete && (proposal.sabaq?.repeat === true || daysBetween(since, today) > BEHIND_AFTER_DAYS),
      daysSinceSabaq,
      sabaqToday: proposal.sabaq ? rangeOf(index, proposal.sabaq.range) : null,
      recitationsToGrade: s.toGrade,
    };
  });
}
