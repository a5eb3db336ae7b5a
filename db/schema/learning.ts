import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { documentId, id, timestamps, tstz } from './columns';
import { courses, lessons } from './content';
import { enrollmentStatus } from './enums';
import { users } from './users';

export const userProgresses = pgTable(
  'user_progresses',
  {
    id: id(),
    documentId: documentId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lessonId: integer('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    progress: integer('progress').notNull().default(0),
    completed: boolean('completed').notNull().default(false),
    quizScore: integer('quiz_score'),
    /** Seconds. */
    timeSpent: integer('time_spent').notNull().default(0),
    lastAccessed: tstz('last_accessed').notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('user_progresses_user_lesson_key').on(t.userId, t.lessonId),
    index('user_progresses_lesson_idx').on(t.lessonId),
    index('user_progresses_last_accessed_idx').on(t.lastAccessed),
    check('user_progresses_progress_range', sql`${t.progress} BETWEEN 0 AND 100`),
    check('user_progresses_quiz_score_range', sql`${t.quizScore} IS NULL OR ${t.quizScore} BETWEEN 0 AND 100`),
    check('user_progresses_time_spent_positive', sql`${t.timeSpent} >= 0`),
  ],
);

export const courseEnrollments = pgTable(
  'course_enrollments',
  {
    id: id(),
    documentId: documentId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    enrolledAt: tstz('enrolled_at').notNull().defaultNow(),
    completedAt: tstz('completed_at'),
    status: enrollmentStatus('status').notNull().default('enrolled'),
    progress: integer('progress').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('course_enrollments_user_course_key').on(t.userId, t.courseId),
    // A course's enrollments, and those made in a window (analytics: completion, retention, live figures).
    index('course_enrollments_course_enrolled_idx').on(t.courseId, t.enrolledAt),
    index('course_enrollments_status_idx').on(t.status),
    index('course_enrollments_enrolled_at_idx').on(t.enrolledAt),
    check('course_enrollments_progress_range', sql`${t.progress} BETWEEN 0 AND 100`),
  ],
);
