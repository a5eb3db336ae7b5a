import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../db/client';
import { courses, lessons, progressEvents, userProgresses } from '../../../db/schema';
import type { AuthUser } from '../../env';
import { admitToLesson } from './admission';
import type { LearningLog } from './learning-log';
import { refreshEnrollment } from './enrollments';

export const progressEvent = z
  .object({
    /** Generated on the device; the same id sent again is the same event. */
    eventId: z.uuid(),
    lesson: z.string().min(1).max(24),
    progress: z.number().int().min(0).max(100).default(0),
    completed: z.boolean().default(false),
    /** Seconds spent in this event. A day at most: anything larger is a broken clock. */
    timeSpent: z.number().int().min(0).max(86_400).default(0),
    /** When it happened on the device; defaults to when the server received it. */
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ProgressEvent = z.infer<typeof progressEvent>;

export type EventOutcome =
  | { eventId: string; status: 'applied' | 'duplicate'; progress: ProgressRecord }
  | { eventId: string; status: 'rejected'; error: { status: number; name: string; message: string } };

export interface ProgressRecord {
  documentId: string;
  lesson: string;
  progress: number;
  completed: boolean;
  quizScore: number | null;
  timeSpent: number;
  lastAccessed: string;
}

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

const reject = (eventId: string, status: number, name: string, message: string): EventOutcome => ({
  eventId,
  status: 'rejected',
  error: { status, name, message },
});

async function currentRecord(tx: Database, userId: number, lesson: LessonInfo): Promise<ProgressRecord> {
  const [row] = await tx
    .select()
    .from(userProgresses)
    .where(and(eq(userProgresses.userId, userId), eq(userProgresses.lessonId, lesson.id)));
  return {
    documentId: row!.documentId,
    lesson: lesson.documentId,
    progress: row!.progress,
    completed: row!.completed,
    quizScore: row!.quizScore,
    timeSpent: row!.timeSpent,
    lastAccessed: row!.lastAccessed.toISOString(),
  };
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

  for (const { e, index, at } of ordered) {
    const when = at > now ? now : at; // a device clock ahead of ours does not write the future
    if (!lessonCache.has(e.lesson)) lessonCache.set(e.lesson, await findReadableLesson(tx, user, e.lesson));
    const lesson = lessonCache.get(e.lesson);
    if (!lesson) {
      outcomes[index] = reject(e.eventId, 404, 'NotFoundError', `No lesson ${e.lesson}`);
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
        outcomes[index] = reject(e.eventId, 409, 'ConflictError', 'This eventId was already used for another lesson');
        continue;
      }
      outcomes[index] = { eventId: e.eventId, status: 'duplicate', progress: await currentRecord(tx, user.id, lesson) };
      continue;
    }
    const gate = await admitToLesson(tx, user, lesson);
    if (gate) {
      // The event is not kept, so sending it again once the lesson opens applies it.
      await tx.delete(progressEvents).where(eq(progressEvents.id, fresh.id));
      outcomes[index] = reject(e.eventId, 409, 'ConflictError', gate);
      continue;
    }
    const [before] = await tx
      .select({ completed: userProgresses.completed })
      .from(userProgresses)
      .where(and(eq(userProgresses.userId, user.id), eq(userProgresses.lessonId, lesson.id)));
    await tx
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
      });
    touchedCourses.add(lesson.courseId);
    const lessonRef = { documentId: lesson.documentId, title: lesson.title };
    const courseRef = { documentId: lesson.courseDocumentId, title: lesson.courseTitle };
    if (e.completed && !before?.completed) {
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
    outcomes[index] = { eventId: e.eventId, status: 'applied', progress: await currentRecord(tx, user.id, lesson) };
  }
  for (const courseId of touchedCourses) await refreshEnrollment(tx, user.id, courseId, log);
  return outcomes.map((o, i) => o ?? reject(events[i]!.eventId, 500, 'InternalServerError', 'not processed'));
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
