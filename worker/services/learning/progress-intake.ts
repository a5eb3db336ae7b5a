import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { enrollmentRefresh } from './enrollments';
import { lessonsStillLocking } from './lesson-locks';
import type { LessonRecord } from './progress-merge';
import type { StatementRow } from '../xapi/statements';

export interface LessonInfo {
  id: number;
  documentId: string;
  title: string;
  courseId: number;
  courseDocumentId: string;
  courseTitle: string;
  isLocked: boolean;
  order: number;
}

export interface IntakeEvent {
  eventId: string;
  lesson: string;
  progress: number;
  completed: boolean;
  timeSpent: number;
  at: Date;
}

/** What the database knew when a learner's events arrived, and which of the events it had not seen. */
export interface Intake {
  /** The events' lessons that exist in published courses, by documentId. */
  lessons: Map<string, LessonInfo>;
  /** Events stored just now (new to the database), by lower-case eventId: their row ids. */
  fresh: Map<string, number>;
  /** Events stored by an earlier request, by lower-case eventId: the lesson each was for. */
  known: Map<string, number>;
  /** Courses of those lessons the learner has an enrollment in (of any status). */
  enrolledCourses: Set<number>;
  /** For each locked lesson: the lessons before it in its course the learner had not completed. */
  pendingBefore: Map<number, number[]>;
  /** The learner's records of those lessons, by lesson id, with each record's documentId. */
  records: Map<number, LessonRecord & { documentId: string }>;
}

type IntakeRow = {
  lessons: LessonInfo[];
  fresh: { id: number; eventId: string }[];
  known: { eventId: string; lessonId: number }[];
  enrolled: number[];
  pending: Record<string, number[]>;
  records: (Omit<LessonRecord, 'lastAccessed'> & { lessonId: number; documentId: string; lastAccessed: string })[];
};

/**
 * One statement for what every event of a request needs before the rules run: its lesson (published
 * courses only), the event stored unless its id was seen before (ON CONFLICT DO NOTHING), the lesson an
 * already-seen id was for, the learner's enrollments in those courses, what still locks their locked
 * lessons, and the learner's records of the lessons. The subqueries read the tables as they were before
 * the statement, so `known` holds only events of earlier requests and `records` the rows before this batch.
 * A batch of 500 events costs this one round trip instead of three per event.
 */
export async function takeInEvents(tx: Database, userId: number, events: IntakeEvent[]): Promise<Intake> {
  const input = JSON.stringify(
    events.map((e) => ({
      event_id: e.eventId,
      lesson: e.lesson,
      progress: e.progress,
      completed: e.completed,
      time_spent: e.timeSpent,
      occurred_at: e.at.toISOString(),
    })),
  );
  const { rows } = await tx.execute<IntakeRow>(sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb)
        AS t(event_id uuid, lesson text, progress int, completed boolean, time_spent int, occurred_at timestamptz)
    ), found AS (
      SELECT l.id, l.document_id, l.title, l.course_id, c.document_id AS course_document_id,
        c.title AS course_title, l.is_locked, l."order"
      FROM lessons l JOIN courses c ON c.id = l.course_id
      WHERE l.document_id IN (SELECT lesson FROM input) AND c.is_published
    ), fresh AS (
      INSERT INTO progress_events (user_id, event_id, lesson_id, progress, completed, time_spent, occurred_at)
      SELECT ${userId}, i.event_id, f.id, i.progress, i.completed, i.time_spent, i.occurred_at
      FROM input i JOIN found f ON f.document_id = i.lesson
      ON CONFLICT (user_id, event_id) DO NOTHING
      RETURNING id, event_id
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', f.id, 'documentId', f.document_id, 'title', f.title,
          'courseId', f.course_id, 'courseDocumentId', f.course_document_id, 'courseTitle', f.course_title,
          'isLocked', f.is_locked, 'order', f."order")), '[]') FROM found f) AS lessons,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'eventId', event_id)), '[]') FROM fresh) AS fresh,
      (SELECT coalesce(json_agg(json_build_object('eventId', pe.event_id, 'lessonId', pe.lesson_id)), '[]')
        FROM progress_events pe
        WHERE pe.user_id = ${userId} AND pe.event_id IN (SELECT event_id FROM input)) AS known,
      (SELECT coalesce(json_agg(e.course_id), '[]') FROM course_enrollments e
        WHERE e.user_id = ${userId} AND e.course_id IN (SELECT course_id FROM found)) AS enrolled,
      (SELECT coalesce(json_object_agg(f.id, (
          SELECT coalesce(json_agg(locking.id), '[]')
          FROM (${lessonsStillLocking(sql`f.course_id`, sql`f."order"`, userId)}) locking
        )), '{}') FROM found f WHERE f.is_locked) AS pending,
      (SELECT coalesce(json_agg(json_build_object('lessonId', up.lesson_id, 'documentId', up.document_id,
          'progress', up.progress, 'completed', up.completed, 'quizScore', up.quiz_score,
          'timeSpent', up.time_spent, 'lastAccessed', up.last_accessed)), '[]')
        FROM user_progresses up
        WHERE up.user_id = ${userId} AND up.lesson_id IN (SELECT id FROM found)) AS records`);
  const row = rows[0]!;
  return {
    lessons: new Map(row.lessons.map((l) => [l.documentId, l])),
    fresh: new Map(row.fresh.map((f) => [f.eventId.toLowerCase(), f.id])),
    known: new Map(row.known.map((k) => [k.eventId.toLowerCase(), k.lessonId])),
    enrolledCourses: new Set(row.enrolled),
    pendingBefore: new Map(Object.entries(row.pending).map(([lessonId, ids]) => [Number(lessonId), ids])),
    records: new Map(
      row.records.map(({ lessonId, lastAccessed, ...record }) => [
        lessonId,
        { ...record, lastAccessed: new Date(lastAccessed) },
      ]),
    ),
  };
}

/**
 * Writes each lesson's folded events into the learner's record with the merge rules of progress-merge.ts,
 * and refreshes the learner's enrollment in each of `courseIds` from the records as written
 * (enrollments.ts), in one statement whatever the number of lessons and courses: the counts read the
 * records as they were before it, with the written ones in their place. Answers each record's documentId
 * by lesson id, and the courses this completed, by course id.
 */
export async function writeRecords(
  tx: Database,
  userId: number,
  folds: { lessonId: number; documentId: string; record: LessonRecord }[],
  courseIds: number[],
  now: Date,
  statements: StatementRow[] = [],
): Promise<{ documentIds: Map<number, string>; completedCourses: Map<number, { documentId: string; title: string }> }> {
  if (folds.length === 0 && statements.length === 0) return { documentIds: new Map(), completedCourses: new Map() };
  const input = JSON.stringify(
    folds.map(({ lessonId, documentId, record }) => ({
      document_id: documentId,
      lesson_id: lessonId,
      progress: record.progress,
      completed: record.completed,
      time_spent: record.timeSpent,
      last_accessed: record.lastAccessed.toISOString(),
    })),
  );
  const refresh = enrollmentRefresh(now);
  const statementsJson = JSON.stringify(
    statements.map((row) => ({
      id: row.id,
      user_id: row.userId,
      verb: row.verb,
      activity: row.activity,
      statement: row.statement,
      timestamp: row.timestamp.toISOString(),
      stored: row.stored.toISOString(),
    })),
  );
  const { rows } = await tx.execute<{
    records: { lessonId: number; documentId: string }[];
    refreshed: { courseId: number; completedNow: boolean; course: { documentId: string; title: string } | null }[];
  }>(sql`
    WITH written AS (
      INSERT INTO user_progresses (document_id, user_id, lesson_id, progress, completed, time_spent, last_accessed)
      SELECT t.document_id, ${userId}, t.lesson_id, t.progress, t.completed, t.time_spent, t.last_accessed
      FROM jsonb_to_recordset(${input}::jsonb)
        AS t(document_id text, lesson_id int, progress int, completed boolean, time_spent int, last_accessed timestamptz)
      ON CONFLICT (user_id, lesson_id) DO UPDATE SET
        progress = GREATEST(user_progresses.progress, excluded.progress),
        completed = user_progresses.completed OR excluded.completed,
        time_spent = user_progresses.time_spent + excluded.time_spent,
        last_accessed = GREATEST(user_progresses.last_accessed, excluded.last_accessed),
        updated_at = now()
      RETURNING lesson_id, document_id, progress, completed
    ), logged AS (
      -- The xAPI statements of the events applied, in the same round trip (learning-log.ts takeStatements).
      INSERT INTO xapi_statements (id, user_id, verb, activity, statement, timestamp, stored)
      SELECT s.id, s.user_id, s.verb, s.activity, s.statement, s.timestamp, s.stored
      FROM jsonb_to_recordset(${statementsJson}::jsonb)
        AS s(id uuid, user_id int, verb text, activity text, statement jsonb, timestamp timestamptz, stored timestamptz)
    ), touched AS (
      SELECT value::int AS course_id FROM jsonb_array_elements_text(${JSON.stringify(courseIds)}::jsonb)
    ), counts AS (
      SELECT l.course_id, count(*)::int AS total,
        count(*) FILTER (WHERE coalesce(w.completed, up.completed))::int AS done,
        count(*) FILTER (WHERE coalesce(w.progress, up.progress) > 0 OR coalesce(w.completed, up.completed))::int
          AS started
      FROM lessons l
      LEFT JOIN user_progresses up ON up.lesson_id = l.id AND up.user_id = ${userId}
      LEFT JOIN written w ON w.lesson_id = l.id
      WHERE l.course_id IN (SELECT course_id FROM touched)
      GROUP BY l.course_id
    ), before AS (
      SELECT id, course_id, status, completed_at FROM course_enrollments
      WHERE user_id = ${userId} AND course_id IN (SELECT course_id FROM touched)
      FOR UPDATE
    ), refreshed AS (
      UPDATE course_enrollments AS e SET ${refresh.set}
      FROM counts JOIN before ON before.course_id = counts.course_id
      WHERE e.id = before.id
      RETURNING e.course_id AS "courseId", ${refresh.returning}
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_object('lessonId', lesson_id, 'documentId', document_id)), '[]')
        FROM written) AS records,
      (SELECT coalesce(json_agg(refreshed), '[]') FROM refreshed) AS refreshed`);
  const { records, refreshed } = rows[0]!;
  return {
    documentIds: new Map(records.map((r) => [r.lessonId, r.documentId])),
    completedCourses: new Map(refreshed.filter((r) => r.completedNow && r.course).map((r) => [r.courseId, r.course!])),
  };
}
