import { pgEnum } from 'drizzle-orm/pg-core';

// These values are part of the API's contract (filters, bodies and answers use them as they are).
export const roleType = pgEnum('role_type', ['student', 'parent', 'teacher', 'admin']);
export const courseCategory = pgEnum('course_category', ['quran', 'hadith', 'fiqh', 'seerah', 'aqeedah', 'general']);
export const ageTier = pgEnum('age_tier', ['children', 'youth', 'adults', 'all']);
export const difficulty = pgEnum('difficulty', ['beginner', 'intermediate', 'advanced']);
export const lessonType = pgEnum('lesson_type', ['article', 'video', 'audio', 'quiz', 'interactive']);
export const enrollmentStatus = pgEnum('enrollment_status', ['enrolled', 'in_progress', 'completed', 'dropped']);
export const badgeType = pgEnum('badge_type', ['bronze', 'silver', 'gold', 'platinum']);
export const achievementCategory = pgEnum('achievement_category', [
  'course_completion',
  'quiz_mastery',
  'streak',
  'participation',
  'hifz_surah',
  'hifz_juz',
  'hifz_juz_count',
]);
export const streakType = pgEnum('streak_type', ['daily_login', 'lesson_completion']);
/** When a learner's graded attempts show the correct answers (Moodle's review option "Right answer"). */
export const answerReview = pgEnum('answer_review', [
  'immediately',
  'after_passing',
  'after_last_attempt',
  'after_passing_or_last_attempt',
  'never',
]);

export const ROLE_TYPES = roleType.enumValues;
export type RoleType = (typeof ROLE_TYPES)[number];
