/**
 * How progress events merge into a learner's record of a lesson, as plain functions: a batch is folded
 * here in the order the events happened and written with one statement, instead of one upsert per event.
 *
 * The rules are the upsert's own (progress takes the maximum, completed is sticky, time spent adds each
 * event once, last accessed takes the latest). Each is associative, so folding a lesson's events first and
 * merging the fold into the stored row once gives the row the same values as merging event by event.
 */

export interface LessonRecord {
  progress: number;
  completed: boolean;
  quizScore: number | null;
  timeSpent: number;
  lastAccessed: Date;
}

export interface MergedEvent {
  progress: number;
  completed: boolean;
  timeSpent: number;
  /** When it happened (never later than the server's now). */
  at: Date;
}

/** A completion counts as full progress, whatever progress the device sent with it. */
const progressOf = (event: MergedEvent) => (event.completed ? 100 : event.progress);

/** The record after one more event; `before` is undefined when the learner has no record of the lesson. */
export function mergeEvent(before: LessonRecord | undefined, event: MergedEvent): LessonRecord {
  if (!before)
    return {
      progress: progressOf(event),
      completed: event.completed,
      quizScore: null,
      timeSpent: event.timeSpent,
      lastAccessed: event.at,
    };
  return {
    progress: Math.max(before.progress, progressOf(event)),
    completed: before.completed || event.completed,
    quizScore: before.quizScore,
    timeSpent: before.timeSpent + event.timeSpent,
    lastAccessed: event.at > before.lastAccessed ? event.at : before.lastAccessed,
  };
}

/** What one statement adds to a stored record for a lesson's events: the events folded with no record. */
export function foldEvents(events: MergedEvent[]): LessonRecord | undefined {
  return events.reduce<LessonRecord | undefined>(mergeEvent, undefined);
}

/** An event completes the lesson (and is logged as its completion) only the first time it is completed. */
export function completesLesson(before: LessonRecord | undefined, event: MergedEvent): boolean {
  return event.completed && !before?.completed;
}

/**
 * A locked lesson opens once every lesson before it in its course is completed. `pending` are those the
 * learner had not completed when the batch began; `completedSoFar` the lessons completed by the batch's
 * events applied before this one.
 */
export function lockedLessonOpens(pending: readonly number[], completedSoFar: ReadonlySet<number>): boolean {
  return pending.every((lessonId) => completedSoFar.has(lessonId));
}
