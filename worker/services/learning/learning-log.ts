import type { LearningEvent } from '../xapi/statements';

/**
 * What happened during one request, collected while the rules run and recorded as xAPI statements in
 * the same transaction at the end; also what the client is told (new badges, a completed course).
 */
export class LearningLog {
  readonly events: LearningEvent[] = [];
  readonly earnedAchievements: { documentId: string; title: string; points: number }[] = [];
  readonly completedCourses: { documentId: string; title: string }[] = [];
  /** When lessons were completed (on the device's clock): the lesson_completion streak counts these days. */
  readonly completionTimes: Date[] = [];

  add(event: LearningEvent, at?: Date): void {
    if (event.kind === 'lesson_completed') this.completionTimes.push(at ?? new Date());
    this.events.push(event);
    if (event.kind === 'badge_earned') this.earnedAchievements.push(event.achievement);
    if (event.kind === 'course_completed') this.completedCourses.push(event.course);
  }
}
