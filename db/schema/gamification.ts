import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { documentId, id, timestamps, tstz } from './columns';
import { courses } from './content';
import { achievementCategory, badgeType, streakType } from './enums';
import { hifzMilestones } from './hifz';
import { files } from './media';
import { users } from './users';

export const achievements = pgTable(
  'achievements',
  {
    id: id(),
    documentId: documentId(),
    title: varchar('title', { length: 255 }).notNull(),
    description: text('description'),
    iconId: integer('icon_id').references(() => files.id, { onDelete: 'set null' }),
    /** e.g. {"type":"course_completion","count":3}; evaluated by the achievements service. */
    criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull(),
    points: integer('points').notNull().default(0),
    badgeType: badgeType('badge_type').notNull().default('bronze'),
    category: achievementCategory('category').notNull(),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('achievements_icon_idx').on(t.iconId),
    index('achievements_category_idx').on(t.category),
    index('achievements_created_by_idx').on(t.createdById),
    check('achievements_points_positive', sql`${t.points} >= 0`),
  ],
);

export const userAchievements = pgTable(
  'user_achievements',
  {
    id: id(),
    documentId: documentId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    achievementId: integer('achievement_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    /** Null while the achievement is still being worked towards. */
    earnedAt: tstz('earned_at'),
    progress: integer('progress').notNull().default(0),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    ...timestamps,
  },
  (t) => [
    // Awarded at most once, even when two requests race: the database refuses the second row.
    uniqueIndex('user_achievements_user_achievement_key').on(t.userId, t.achievementId),
    index('user_achievements_achievement_idx').on(t.achievementId),
    index('user_achievements_earned_at_idx').on(t.earnedAt),
    check('user_achievements_progress_range', sql`${t.progress} BETWEEN 0 AND 100`),
  ],
);

export const streaks = pgTable(
  'streaks',
  {
    id: id(),
    documentId: documentId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: streakType('type').notNull(),
    currentStreak: integer('current_streak').notNull().default(0),
    longestStreak: integer('longest_streak').notNull().default(0),
    lastActivityDate: tstz('last_activity_date'),
    streakStartDate: tstz('streak_start_date'),
    ...timestamps,
  },
  (t) => [uniqueIndex('streaks_user_type_key').on(t.userId, t.type)],
);

export const certificates = pgTable(
  'certificates',
  {
    id: id(),
    documentId: documentId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A certificate is for a completed course or for a hifz milestone (a check holds exactly one). */
    courseId: integer('course_id').references(() => courses.id, { onDelete: 'cascade' }),
    hifzMilestoneId: integer('hifz_milestone_id').references(() => hifzMilestones.id, { onDelete: 'cascade' }),
    issuedAt: tstz('issued_at').notNull().defaultNow(),
    certificateNumber: varchar('certificate_number', { length: 32 }).notNull().unique(),
    pdfUrl: text('pdf_url'),
    verificationCode: varchar('verification_code', { length: 64 }).notNull().unique(),
    ...timestamps,
  },
  (t) => [
    // Nulls are distinct: milestone certificates (no course) never collide here.
    uniqueIndex('certificates_user_course_key').on(t.userId, t.courseId),
    index('certificates_course_idx').on(t.courseId),
    // A milestone belongs to one student and is certified once, even when two requests race.
    uniqueIndex('certificates_hifz_milestone_key').on(t.hifzMilestoneId),
    check('certificates_one_subject', sql`num_nonnulls(${t.courseId}, ${t.hifzMilestoneId}) = 1`),
  ],
);
