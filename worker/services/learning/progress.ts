import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { courses, lessons, progressEvents, userProgresses } from '../../../db/schema';
import type { EventOutcome, EventRefusal, LearningMeta, ProgressEvent, ProgressRecord } from '../../contract/learning';
import type { AuthUser } from '../../env';
import { admitToLesson } from './admission';
import type { LearningLog } from './learning-log';
import { refreshEnrollment } from './enrollments';
import { inLearningTransaction, learningMeta } from './run-learning';

interface LessonInfo {
  id: number;
  documentId: string;
  title: string;
  courseId: number;
  courseDocumentId: string;
  courseTitle: string;
  isLocked: boolean;
  order: number;
}

const reject = (eventId: string, status: EventRefusal['status'], message: string): EventOutcome => ({
  eventId,
  status: 'rejected',
  error: { status, name: status === 404 ? 'NotFoundError' : 'ConflictError', message },
});

const recordColumns = {
  documentId: userProgresses.documentId,
  progress: userProgresses.progress,
  completed: userProgresses.completed,
  quizScore: userProgresses.quizScore,
  timeSpent: userProgresses.timeSpent,
  lastAccessed: userProgresses.lastAccessed,
};
type RecordRow = Omit<ProgressRecord, 'lesson' | 'lastAccessed'> & { lastAccessed: Date };

const presentRecord = (row: RecordRow, lesson: LessonInfo): ProgressRecord => ({
  documentId: row.documentId,
  lesson: lesson.documentId,
  progress: row.progress,
  completed: row.completed,
  quizScore: row.quizScore,
  timeSpent: row.timeSpent,
  lastAccessed: row.lastAccessed.toISOString(),
});

async function currentRecord(tx: Database, userId: number, lesson: LessonInfo): Promise<ProgressRecord> {
  const [row] = await tx
    .select(recordColumns)
    .from(userProgresses)
    .where(and(eq(userProgresses.userId, userId), eq(userProgresses.lessonId, lesson.id)));
  return presentRecord(row!, lesson);
}

/**
 * Applies progress events from one learner, idempotently, in the order they happened on the device.
 * Merge rules: progress takes the maximum, completed is sticky, time spent adds each event once,
 * last accessed takes the latest. A replayed event id changes nothing and answers "duplicate".
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
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const outcomes: EventOutcome[] = new Array(events.length);
  const lessonCache = new Map<string, LessonInfo | null>();
  const touchedCourses = new Set<number>();
  const enrolledIn = new Set<number>();

  for (const { e, index, at } of ordered) {
    const when = at > now ? now : at; // a device clock ahead of ours does not write the future
    if (!lessonCache.has(e.lesson)) lessonCache.set(e.lesson, await findReadableLesson(tx, user, e.lesson));
    const lesson = lessonCache.get(e.lesson);
    if (!lesson) {
      outcomes[index] = reject(e.eventId, 404, `No lesson ${e.lesson}`);
      continue;
    }
    const [fresh] = await tx
      .insert(progressEvents)
      .values({
        userId: user.id,
        eventId: e.eventId,
        lessonId: lesson.id,
        progress: e.progress,
        completed: e.completed,
        timeSpent: e.timeSpent,
        occurredAt: when,
      })
      .onConflictDoNothing()
      .returning({ id: progressEvents.id });
    if (!fresh) {
      const known = await tx
        .select({ lessonId: progressEvents.lessonId })
        .from(progressEvents)
        .where(and(eq(progressEvents.userId, user.id), eq(progressEvents.eventId, e.eventId)));
      if (known[0]?.lessonId !== lesson.id) {
        outcomes[index] = reject(e.eventId, 409, 'This eventId was already used for another lesson');
        continue;
      }
      outcomes[index] = { eventId: e.eventId, status: 'duplicate', progress: await currentRecord(tx, user.id, lesson) };
      continue;
    }
    const gate = await admitToLesson(tx, user, lesson, enrolledIn);
    if (gate) {
      // The event is not kept, so sending it again once the lesson opens applies it.
      await tx.delete(progressEvents).where(eq(progressEvents.id, fresh.id));
      outcomes[index] = reject(e.eventId, 409, gate);
      continue;
    }
    // One statement: the merged row, and (from the subquery, which sees the table as it was before this
    // statement) whether the lesson was already completed, so a completion is logged once.
    const [row] = await tx
      .insert(userProgresses)
      .values({
        userId: user.id,
        lessonId: lesson.id,
        progress: e.completed ? 100 : e.progress,
        completed: e.completed,
        timeSpent: e.timeSpent,
        lastAccessed: when,
      })
      .onConflictDoUpdate({
        target: [userProgresses.userId, userProgresses.lessonId],
        set: {
          progress: sql`GREATEST(${userProgresses.progress}, excluded.progress)`,
          completed: sql`${userProgresses.completed} OR excluded.completed`,
          timeSpent: sql`${userProgresses.timeSpent} + excluded.time_spent`,
          lastAccessed: sql`GREATEST(${userProgresses.lastAccessed}, excluded.last_accessed)`,
          updatedAt: sql`now()`,
        },
      })
      .returning({
        ...recordColumns,
        wasCompleted: sql<boolean | null>`(SELECT before.completed FROM user_progresses AS before
          WHERE before.user_id = ${user.id} AND before.lesson_id = ${lesson.id})`,
      });
    touchedCourses.add(lesson.courseId);
    const lessonRef = { documentId: lesson.documentId, title: lesson.title };
    const courseRef = { documentId: lesson.courseDocumentId, title: lesson.courseTitle };
    if (e.completed && !row!.wasCompleted) {
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
    outcomes[index] = { eventId: e.eventId, status: 'applied', progress: presentRecord(row!, lesson) };
  }
  for (const courseId of touchedCourses) await refreshEnrollment(tx, user.id, courseId, log);
  return outcomes;
}

async function findReadableLesson(tx: Database, user: AuthUser, documentId: string): Promise<LessonInfo | null> {
  const [row] = await tx
    .select({
      id: lessons.id,
      documentId: lessons.documentId,
      title: lessons.title,
      courseId: lessons.courseId,
      courseDocumentId: courses.documentId,
      courseTitle: courses.title,
      isLocked: lessons.isLocked,
      order: lessons.order,
      published: courses.isPublished,
    })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(eq(lessons.documentId, documentId));
  if (!row || !row.published) return null;
  return row;
}

/**
 * A request's progress events, in one learning transaction, answered in the order sent. The same event
 * twice in one batch is still one event: the first copy is applied and both copies get its outcome.
 */
export async function recordProgressEvents(
  db: Database,
  user: AuthUser,
  events: ProgressEvent[],
  origin: string,
): Promise<{ outcomes: EventOutcome[]; meta: LearningMeta }> {
  const seen = new Set<string>();
  const unique = events.filter((e) => !seen.has(e.eventId) && seen.add(e.eventId));
  const { result, log } = await inLearningTransaction(db, user, origin, (tx, log) =>
    recordProgress(tx, user, unique, log),
  );
  const byId = new Map(result.map((outcome) => [outcome.eventId, outcome]));
  return { outcomes: events.map((e) => byId.get(e.eventId)!), meta: learningMeta(log) };
}
