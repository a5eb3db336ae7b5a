import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, varchar } from 'drizzle-orm/pg-core';
import { documentId, id, timestamps, tstz } from './columns';
import { ageTier, answerReview, courseCategory, difficulty, lessonType } from './enums';
import { files } from './media';
import { users } from './users';

export const instructors = pgTable(
  'instructors',
  {
    id: id(),
    documentId: documentId(),
    name: varchar('name', { length: 255 }).notNull(),
    bio: text('bio'),
    photoId: integer('photo_id').references(() => files.id, { onDelete: 'set null' }),
    qualifications: jsonb('qualifications').$type<string[]>().notNull().default([]),
    email: varchar('email', { length: 255 }),
    /** The teacher account that speaks as this instructor, when there is one. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('instructors_photo_idx').on(t.photoId),
    index('instructors_user_idx').on(t.userId),
    index('instructors_name_idx').on(t.name),
  ],
);

export const courses = pgTable(
  'courses',
  {
    id: id(),
    documentId: documentId(),
    title: varchar('title', { length: 255 }).notNull(),
    description: text('description'),
    category: courseCategory('category').notNull(),
    ageTier: ageTier('age_tier').notNull().default('all'),
    difficulty: difficulty('difficulty').notNull().default('beginner'),
    coverImageId: integer('cover_image_id').references(() => files.id, { onDelete: 'set null' }),
    instructorId: integer('instructor_id').references(() => instructors.id, { onDelete: 'set null' }),
    isPublished: boolean('is_published').notNull().default(false),
    /** Minutes. */
    estimatedDuration: integer('estimated_duration'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    /** The teacher who owns the course: only they (and admins) may edit it or see its draft. */
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: tstz('published_at'),
    ...timestamps,
  },
  (t) => [
    index('courses_category_idx').on(t.category),
    index('courses_age_tier_idx').on(t.ageTier),
    index('courses_difficulty_idx').on(t.difficulty),
    index('courses_cover_image_idx').on(t.coverImageId),
    index('courses_instructor_idx').on(t.instructorId),
    index('courses_created_by_idx').on(t.createdById),
    index('courses_title_idx').on(t.title),
    index('courses_published_created_idx').on(t.isPublished, t.createdAt),
    index('courses_created_at_idx').on(t.createdAt),
    check('courses_estimated_duration_positive', sql`${t.estimatedDuration} IS NULL OR ${t.estimatedDuration} >= 0`),
  ],
);

/** Courses require other courses (N:N, self-referencing): a prerequisite must be completed first. */
export const coursePrerequisites = pgTable(
  'course_prerequisites',
  {
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    prerequisiteId: integer('prerequisite_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.prerequisiteId] }),
    index('course_prerequisites_prerequisite_idx').on(t.prerequisiteId),
    check('course_prerequisites_not_self', sql`${t.courseId} <> ${t.prerequisiteId}`),
  ],
);

export const lessons = pgTable(
  'lessons',
  {
    id: id(),
    documentId: documentId(),
    title: varchar('title', { length: 255 }).notNull(),
    content: text('content'),
    type: lessonType('type').notNull().default('article'),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    order: integer('order').notNull().default(0),
    /** Minutes. */
    duration: integer('duration'),
    mediaId: integer('media_id').references(() => files.id, { onDelete: 'set null' }),
    isLocked: boolean('is_locked').notNull().default(false),
    /** An interactive lesson's activity (worker/contract/interactive.ts); null for other types. */
    interactive: jsonb('interactive').$type<unknown>(),
    ...timestamps,
  },
  (t) => [
    index('lessons_course_order_idx').on(t.courseId, t.order),
    index('lessons_media_idx').on(t.mediaId),
    index('lessons_type_idx').on(t.type),
    index('lessons_created_at_idx').on(t.createdAt),
  ],
);

export const lessonAttachments = pgTable(
  'lesson_attachments',
  {
    lessonId: integer('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    fileId: integer('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.fileId] }), index('lesson_attachments_file_idx').on(t.fileId)],
);

/**
 * The seed draws the lesson-quiz 1:1 relation from both sides (lessons.quiz_id and quizzes.lesson_id);
 * we store it once, on the quiz, so the two sides can never disagree. The API exposes both directions.
 */
export const quizzes = pgTable(
  'quizzes',
  {
    id: id(),
    documentId: documentId(),
    title: varchar('title', { length: 255 }).notNull(),
    lessonId: integer('lesson_id')
      .unique()
      .references(() => lessons.id, { onDelete: 'set null' }),
    questions: jsonb('questions').$type<unknown[]>().notNull().default([]),
    /** Seconds; null means untimed. */
    timeLimit: integer('time_limit'),
    passingScore: integer('passing_score').notNull().default(70),
    randomizeQuestions: boolean('randomize_questions').notNull().default(false),
    /**
     * When graded attempts show the right answers and explanations; before that a learner sees only
     * which questions were right. Once they are shown, no new attempt can be started (except with
     * 'immediately', a practice quiz).
     */
    showCorrectAnswers: answerReview('show_correct_answers').notNull().default('after_passing_or_last_attempt'),
    /** Attempts a learner may start; null means no limit. */
    attemptsAllowed: integer('attempts_allowed'),
    /** Seconds a learner waits after an attempt ends before starting the next; null means no wait. */
    attemptDelay: integer('attempt_delay'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('quizzes_created_by_idx').on(t.createdById),
    index('quizzes_created_at_idx').on(t.createdAt),
    check('quizzes_passing_score_range', sql`${t.passingScore} BETWEEN 0 AND 100`),
    check('quizzes_time_limit_positive', sql`${t.timeLimit} IS NULL OR ${t.timeLimit} > 0`),
    check(
      'quizzes_attempts_allowed_range',
      sql`${t.attemptsAllowed} IS NULL OR ${t.attemptsAllowed} BETWEEN 1 AND 100`,
    ),
    check('quizzes_attempt_delay_range', sql`${t.attemptDelay} IS NULL OR ${t.attemptDelay} BETWEEN 1 AND 2592000`),
  ],
);
