import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { hifzPlans, roles, users } from '../../../db/schema';
import type { HifzPlan, HifzPlanInput, HifzRange } from '../../contract/hifz';
import type { AuthUser } from '../../env';
import { notFound } from '../../lib/errors';
import { recordActivity, type AuditContext } from '../audit/activity-log';
import { personRef, personTables, studentRef, type HifzStudent } from './access';
import { setHifzPlan, type HifzPlanRow } from './plans';
import type { AyahRange, QuranIndex } from './quran-index';
import { formatRange, invalidReference, parseAyahRange } from './ranges';

export const rangeOf = (index: QuranIndex, range: AyahRange): HifzRange => ({
  from: range.from,
  to: range.to,
  label: formatRange(index, range),
});

const teacherPerson = personTables('teacher');

/** The plan as answered, with its teacher named; null when the student has none. One statement. */
export async function findPlanView(
  db: Database,
  index: QuranIndex,
  student: HifzStudent,
): Promise<{ plan: HifzPlan; row: HifzPlanRow } | null> {
  const [found] = await db
    .select({
      plan: hifzPlans,
      teacher: teacherPerson.columns,
    })
    .from(hifzPlans)
    .leftJoin(teacherPerson.user, eq(teacherPerson.user.id, hifzPlans.teacherId))
    .leftJoin(teacherPerson.profile, ...teacherPerson.join)
    .where(eq(hifzPlans.studentId, student.id));
  if (!found) return null;
  return { row: found.plan, plan: presentPlan(index, student, found.plan, found.teacher) };
}

export function presentPlan(
  index: QuranIndex,
  student: HifzStudent,
  row: HifzPlanRow,
  teacher: { documentId: string | null; username: string | null; fullName: string | null } | null,
): HifzPlan {
  return {
    documentId: row.documentId,
    student: studentRef(student),
    teacher: personRef(teacher),
    direction: row.direction,
    start: rangeOf(index, { from: row.startAyahId, to: row.startAyahId }),
    newAmount: row.newAmount,
    newUnit: row.newUnit,
    sabqiDays: row.sabqiDays,
    manzilAmount: row.manzilAmount,
    manzilUnit: row.manzilUnit,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The teacher a plan names: a teacher setting it names themself; an admin names one (or keeps the current). */
async function teacherFor(
  db: Database,
  actor: AuthUser,
  student: HifzStudent,
  requested: string | null | undefined,
): Promise<number | null> {
  if (actor.role === 'teacher') return actor.id;
  if (requested === undefined) return student.teacherId;
  if (requested === null) return null;
  const [teacher] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(users.documentId, requested), eq(roles.type, 'teacher')));
  if (!teacher) throw invalidReference('No teacher with that id', ['teacher']);
  return teacher.id;
}

/** Sets (or replaces) the student's plan and logs it, in one transaction. */
export async function savePlan(
  db: Database,
  index: QuranIndex,
  audit: AuditContext,
  student: HifzStudent,
  input: HifzPlanInput,
): Promise<HifzPlan> {
  const start = parseAyahRange(index, input.start, ['start']).from;
  const teacherId = await teacherFor(db, audit.actor, student, input.teacher);
  await db.transaction(async (tx) => {
    await setHifzPlan(tx, index, {
      studentId: student.id,
      teacherId,
      setById: audit.actor.id,
      direction: input.direction,
      startAyahId: start,
      newAmount: input.newAmount,
      newUnit: input.newUnit,
      sabqiDays: input.sabqiDays,
      manzilAmount: input.manzilAmount,
      manzilUnit: input.manzilUnit,
    });
    await recordActivity(tx, audit, {
      action: student.hasPlan ? 'update' : 'create',
      entityType: 'hifzPlans',
      entityDocumentId: student.documentId,
      summary: `Hifz plan for ${student.username}: from ${formatRange(index, { from: start, to: start })}, ${input.newAmount} ${input.newUnit.replace('_', ' ')} a day`,
    });
  });
  const saved = await findPlanView(db, index, student);
  if (!saved) throw notFound('The plan was not saved');
  return saved.plan;
}
