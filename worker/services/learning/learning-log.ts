import { statementRows, type Actor, type LearningEvent, type StatementRow } from '../xapi/statements';

/**
 * What happened during one request, collected while the rules run and recorded as xAPI statements in
 * the same transaction at the end; also what the client is told (new badges, a completed course).
 */
export class LearningLog {
  readonly events: LearningEvent[] = [];
  /** How many of `events`, from the first, a write has already stored as statements (takeStatements). */
  #stored = 0;
  readonly earnedAchievements: { documentId: string; title: string; points: number }[] = [];
  readonly completedCourses: { documentId: string; title: string }[] = [];
  /** When lessons were completed (on the device's clock): the lesson_completion streak counts these days. */
  readonly completionTimes: Date[] = [];

  /**
   * `statements`: who the statements are by, and where and when (the learning transaction sets it); a log
   * without it (rules run on their own in tests) records none.
   */
  constructor(private readonly statements?: { actor: Actor; origin: string; timestamp: Date }) {}

  /**
   * The statements of the events not stored yet, now counted as stored: a write that can carry them in its
   * own statement takes them (a progress event's records), so they cost no round trip of their own. The
   * transaction takes and stores what is left at its end (run-learning.ts).
   */
  takeStatements(): StatementRow[] {
    if (!this.statements) return [];
    const rows = statementRows(this.statements.actor, this.events.slice(this.#stored), this.statements);
    this.#stored = this.events.length;
    return rows;
  }

  add(event: LearningEvent, at?: Date): void {
    if (event.kind === 'lesson_completed') this.completionTimes.push(at ?? new Date());
    this.events.push(event);
    if (event.kind === 'badge_earned') this.earnedAchievements.push(event.achievement);
    if (event.kind === 'course_completed') this.completedCourses.push(event.course);
  }
}
