import type { Database } from '../../../db/client';
import { findHifzPlan, type HifzPlanRow } from './plans';
import { proposeDay, type DayProposal } from './proposal';
import { loadQuranIndex } from './quran-tables';
import { loadHifzHistory } from './sessions';

/** Today's sabaq, sabqi and manzil for a student from their plan and everything recorded; null without a plan. */
export async function proposeToday(
  tx: Database,
  studentId: number,
  today: string,
): Promise<{ plan: HifzPlanRow; proposal: DayProposal } | null> {
  const plan = await findHifzPlan(tx, studentId);
  if (!plan) return null;
  const index = await loadQuranIndex(tx);
  const history = await loadHifzHistory(tx, studentId);
  return { plan, proposal: proposeDay(index, plan, history, today) };
}
