import { inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { progressEvents } from '../../../db/schema';
import { newDocumentId } from '../../../db/schema/document-id';
import type { EventOutcome, EventRefusal, LearningMeta, ProgressEvent, ProgressRecord } from '../../contract/learning';
import type { AuthUser } from '../../env';
import { completePrerequisitesFirst, lockedUntilEarlierLessons } from './admission';
import type { LearningLog } from './learning-log';
import { enroll, missingPrerequisites } from './enrollments';
import { takeInEvents, writeRecords, type Intake, type LessonInfo } from './progress-intake';
import {
  completesLesson,
  foldEvents,
  lockedLessonOpens,
  mergeEvent,
  type LessonRecord,
  type MergedEvent,
} from './progress-merge';
import { inLearningTransaction, learningMeta } from './run-learning';

const reject = (eventId: string, status: EventRefusal['status'], message: string): EventOutcome => ({
  eventId,
  status: 'rejected',
  error: { status, name: status === 404 ? 'NotFoundError' : 'ConflictError', message },
});

/** An event that was applied or found to be a duplicate: its record, once the record's documentId is known. */
interface Answered {
  index: number;
  eventId: string;
  status: 'applied' | 'duplicate';
  lesson: LessonInfo;
  record: LessonRecord | undefined;
}

/**
 * Whether the learner may work on a lesson: enrolled in its course (the first activity enrolls when the
 * prerequisites allow), and a locked lesson only once the lessons before it are completed, counting the
 * completions of the batch's earlier events. Answers why not, or null.
 */
function lessonAdmission(tx: Database, user: AuthUser, intake: Intake) {
  const refusedCourses = new Map<number, string>();
  return async (lesson: LessonInfo, completedSoFar: ReadonlySet<number>): Promise<string | null> => {
    if (!intake.enrolledCourses.has(lesson.courseId)) {
      const refused = refusedCourses.get(lesson.courseId);
      if (refused) return refused;
      const missing = await missingPrerequisites(tx, user.id, lesson.courseId);
      if (missing.length) {
        refusedCourses.set(lesson.courseId, completePrerequisitesFirst(missing));
        return refusedCourses.get(lesson.courseId)!;
      }
      await enroll(tx, user, { id: lesson.courseId, documentId: lesson.courseDocumentId, title: lesson.courseTitle });
      intake.enrolledCourses.add(lesson.courseId);
    }
    if (lesson.isLocked && !lockedLessonOpens(intake.pendingBefore.get(lesson.id) ?? [], completedSoFar))
      return lockedUntilEarlierLessons(lesson);
    return null;
  };
}

/**
 * Applies progress events from one learner, idempotently, in the order they happened on the device.
 * Merge rules (progress-merge.ts): progress takes the maximum, completed is sticky, time spent adds each
 * event once, last accessed takes the latest. A replayed event id changes nothing and answers "duplicate".
 *
 * Set-based, so a phone's week of offline work costs a handful of round trips, not three per event: one
 * statement stores the new events and reads what the rules need (progress-intake.ts), the rules run here
 * in order, then one statement writes every lesson's merged record and refreshes the enrollments. The
 * learner's advisory lock (run-learning.ts) keeps their records still meanwhile.
 */
export async function recordProgress(
  tx: Database,
  user: AuthUser,
  events: ProgressEvent[],
  log: LearningLog,
  now = new Date(),
): Promise<EventOutcome[]> {
  const ordered = events
    .map((e, index) => ({ e, index, at: new Date(e.occurredAt ?? now.toISOString()) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index)
    // A device clock ahead of ours does not write the future.
    .map(({ e, index, at }) => ({ e, index, when: at > now ? now : at }));
  const intake = await takeInEvents(
    tx,
    user.id,
    ordered.map(({ e, when }) => ({ ...e, at: when })),
  );
  const admit = lessonAdmission(tx, user, intake);
  const outcomes: EventOutcome[] = new Array(events.length);
  const answered: Answered[] = [];
  const records = new Map<number, LessonRecord | undefined>(intake.records);
  const appliedByLesson = new Map<number, MergedEvent[]>();
  const completedSoFar = new Set<number>();
  const touchedCourses = new Set<number>();
  const refusedEventIds: number[] = [];

  for (const { e, index, when } of ordered) {
    const lesson = intake.lessons.get(e.lesson);
    if (!lesson) {
      outcomes[index] = reject(e.eventId, 404, `No lesson ${e.lesson}`);
      continue;
    }
    const key = e.eventId.toLowerCase();
    const storedId = intake.fresh.get(key);
    if (storedId === undefined) {
      if (intake.known.get(key) !== lesson.id) {
        outcomes[index] = reject(e.eventId, 409, 'This eventId was already used for another lesson');
        continue;
      }
      answered.push({ index, eventId: e.eventId, status: 'duplicate', lesson, record: records.get(lesson.id) });
      continue;
    }
    const gate = await admit(lesson, completedSoFar);
    if (gate) {
      // The event is not kept, so sending it again once the lesson opens applies it.
      refusedEventIds.push(storedId);
      outcomes[index] = reject(e.eventId, 409, gate);
      continue;
    }
    const event: MergedEvent = { progress: e.progress, completed: e.completed, timeSpent: e.timeSpent, at: when };
    const before = records.get(lesson.id);
    const record = mergeEvent(before, event);
    records.set(lesson.id, record);
    if (record.completed) completedSoFar.add(lesson.id);
    const applied = appliedByLesson.get(lesson.id) ?? [];
    applied.push(event);
    appliedByLesson.set(lesson.id, applied);
    touchedCourses.add(lesson.courseId);
    const lessonRef = { documentId: lesson.documentId, title: lesson.title };
    const courseRef = { documentId: lesson.courseDocumentId, title: lesson.courseTitle };
    if (completesLesson(before, event)) {
      log.add({ kind: 'lesson_completed', lesson: lessonRef, course: courseRef, durationSeconds: e.timeSpent }, when);
    } else {
      log.add({
        kind: 'lesson_experienced',
        lesson: lessonRef,
        course: courseRef,
        progress: e.progress,
        durationSeconds: e.timeSpent,
      });
    }
    answered.push({ index, eventId: e.eventId, status: 'applied', lesson, record });
  }

  if (refusedEventIds.length) await tx.delete(progressEvents).where(inArray(progressEvents.id, refusedEventIds));
  const { documentIds, completedCourses } = await writeRecords(
    tx,
    user.id,
    [...appliedByLesson].map(([lessonId, applied]) => ({
      lessonId,
      documentId: intake.records.get(lessonId)?.documentId ?? newDocumentId(),
      record: foldEvents(applied)!,
    })),
    [...touchedCourses],
    now,
    log.takeStatements(),
  );
  for (const { index, eventId, status, lesson, record } of answered) {
    const documentId = documentIds.get(lesson.id) ?? intake.records.get(lesson.id)?.documentId;
    outcomes[index] = { eventId, status, progress: presentRecord(documentId, lesson, record) };
  }
  for (const courseId of touchedCourses) {
    const course = completedCourses.get(courseId);
    if (course) log.add({ kind: 'course_completed', course });
  }
  return outcomes;
}

/**
 * The record as the client sees it. A duplicate's lesson normally has a record (the event made it); if
 * the record has since been deleted, the duplicate answers an empty one rather than failing the batch.
 */
function presentRecord(
  documentId: string | undefined,
  lesson: LessonInfo,
  record: LessonRecord | undefined,
): ProgressRecord {
  const shown = record ?? { progress: 0, completed: false, quizScore: null, timeSpent: 0, lastAccessed: new Date(0) };
  return {
    documentId: documentId ?? '',
    lesson: lesson.documentId,
    progress: shown.progress,
    completed: shown.completed,
    quizScore: shown.quizScore,
    timeSpent: shown.timeSpent,
    lastAccessed: shown.lastAccessed.toISOString(),
  };
}

/**
 * A request's progress events, in one learning transaction, answered in the order sent. The same event
 * twice in one batch (its id in any case) is still one event: the first copy is applied and both copies get its outcome.
 */
export async function recordProgressEvents(
  db: Database,
  user: AuthUser,
  events: ProgressEvent[],
  origin: string,
): Promise<{ outcomes: EventOutcome[]; meta: LearningMeta }> {
  // A uuid is the same event in capitals or not.
  const key = (e: { eventId: string }) => e.eventId.toLowerCase();
  const seen = new Set<string>();
  const unique = events.filter((e) => !seen.has(key(e)) && seen.add(key(e)));
  const { result, log } = await inLearningTransaction(db, user, origin, (tx, log) =>
    recordProgress(tx, user, unique, log),
  );
  const byId = new Map(result.map((outcome) => [key(outcome), outcome]));
  return { outcomes: events.map((e) => ({ ...byId.get(key(e))!, eventId: e.eventId })), meta: learningMeta(log) };
}
