import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { documentId, id, timestamps, tstz } from './columns';
import { lessons, quizzes } from './content';
import { users } from './users';

/**
 * Every progress event a device sent, keyed by the id the device generated. A retry or an offline
 * replay finds its event here and is answered without being counted again.
 */
export const progressEvents = pgTable(
  'progress_events',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    lessonId: integer('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    progress: integer('progress').notNull(),
    completed: boolean('completed').notNull(),
    /** Seconds this event adds. */
    timeSpent: integer('time_spent').notNull().default(0),
    occurredAt: tstz('occurred_at').notNull(),
    receivedAt: tstz('received_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('progress_events_user_event_key').on(t.userId, t.eventId),
    // A course's activity in a window (analytics): the lessons' events by date, not a scan of every event.
    index('progress_events_lesson_occurred_idx').on(t.lessonId, t.occurredAt),
    index('progress_events_occurred_at_idx').on(t.occurredAt),
  ],
);

/** One sitting of a quiz: started on the server, so the time limit is measured from here. */
export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: id(),
    documentId: documentId(),
    quizId: integer('quiz_id')
      .notNull()
      .references(() => quizzes.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startedAt: tstz('started_at').notNull().defaultNow(),
    /** startedAt + time limit; null for untimed quizzes. */
    deadlineAt: tstz('deadline_at'),
    /** Question ids, and for each the option order shown, fixed for the whole attempt. */
    layout: jsonb('layout').$type<{ questionId: string; optionOrder: number[] | null }[]>().notNull(),
    submittedAt: tstz('submitted_at'),
    answers: jsonb('answers').$type<Record<string, unknown>>(),
    /** Percent, 0-100. */
    score: integer('score'),
    passed: boolean('passed'),
    late: boolean('late').notNull().default(false),
    feedback: jsonb('feedback').$type<unknown[]>(),
    /** Taken on the learner's device without a connection and graded when it arrived. */
    offline: boolean('offline').notNull().default(false),
    /** The device's id of an offline attempt: the same id sent again is the same attempt. */
    clientId: uuid('client_id'),
    ...timestamps,
  },
  (t) => [
    index('quiz_attempts_quiz_idx').on(t.quizId),
    uniqueIndex('quiz_attempts_user_client_key').on(t.userId, t.clientId),
    index('quiz_attempts_user_quiz_idx').on(t.userId, t.quizId),
    index('quiz_attempts_submitted_at_idx').on(t.submittedAt),
    // Activity in a window (analytics): attempts carry wide JSON, so a scan of the table is costly.
    index('quiz_attempts_started_at_idx').on(t.startedAt),
    check('quiz_attempts_score_range', sql`${t.score} IS NULL OR ${t.score} BETWEEN 0 AND 100`),
  ],
);

/** xAPI 1.0.3 statements, immutable once stored (the LRS contract). */
export const xapiStatements = pgTable(
  'xapi_statements',
  {
    id: uuid('id').primaryKey(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    verb: varchar('verb', { length: 255 }).notNull(),
    activity: text('activity').notNull(),
    /** The whole statement, as the LRS answers it (its shape: worker/services/xapi/statement-types.ts). */
    statement: jsonb('statement').$type<{ id: string; stored?: string }>().notNull(),
    timestamp: tstz('timestamp').notNull(),
    stored: tstz('stored').notNull().defaultNow(),
  },
  (t) => [
    index('xapi_statements_user_idx').on(t.userId),
    index('xapi_statements_verb_idx').on(t.verb),
    index('xapi_statements_activity_idx').on(t.activity),
    index('xapi_statements_stored_idx').on(t.stored),
    index('xapi_statements_timestamp_idx').on(t.timestamp),
  ],
);

/** School-wide switches an admin sets, e.g. whether leaderboards are shown. */
export const schoolSettings = pgTable('school_settings', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamps.updatedAt,
});
