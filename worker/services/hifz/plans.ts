import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { hifzPlans } from '../../../db/schema';
import type { HifzPlanRules } from './proposal';
import type { QuranIndex } from './quran-index';
import { invalidReference } from './ranges';

export type HifzPlanRow = typeof hifzPlans.$inferSelect;

export interface SetPlanInput extends HifzPlanRules {
  studentId: number;
  teacherId: number | null;
  setById: number;
}

/**
 * Sets a student's plan (one per student: a new one replaces it). Who may call this (the student's teacher,
 * an admin) is the route's policy; the plan itself is checked here.
 */
export async function setHifzPlan(tx: Database, index: QuranIndex, input: SetPlanInput): Promise<HifzPlanRow> {
  if (!index.isAyahId(input.startAyahId)) throw invalidReference('The start ayah does not exist', ['startAyah']);
  if (input.manzilAmount > index.divisionCount(input.manzilUnit))
    throw invalidReference(
      `The manzil cannot be more than the ${index.divisionCount(input.manzilUnit)} ${input.manzilUnit} of the mushaf`,
      ['manzilAmount'],
    );
  const values = {
    studentId: input.studentId,
    teacherId: input.teacherId,
    setById: input.setById,
    direction: input.direction,
    startAyahId: input.startAyahId,
    newAmount: input.newAmount,
    newUnit: input.newUnit,
    sabqiDays: input.sabqiDays,
    manzilAmount: input.manzilAmount,
    manzilUnit: input.manzilUnit,
  };
  const { studentId: _student, ...changes } = values;
  const [row] = await tx
    .insert(hifzPlans)
    .values(values)
    .onConflictDoUpdate({ target: hifzPlans.studentId, set: { ...changes, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function findHifzPlan(tx: Database, studentId: number): Promise<HifzPlanRow | null> {
  const [row] = await tx.select().from(hifzPlans).where(eq(hifzPlans.studentId, studentId));
  return row ?? null;
}
