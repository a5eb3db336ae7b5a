import { sql, type SQL } from 'drizzle-orm';
import { enrollmentStatus, streakType } from '../../db/schema/enums';
import type { AuthUser } from '../env';
import type { Scope } from '../policy/permissions';
import type { ContentType } from './types';

import { base as timestamps, col } from './attributes';

/**
 * Rows about one learner: their own, their children's (parents), or — for teachers — those tied to a
 * course the teacher owns (`courseOf` says how to reach that course); students' rows without a course
 * (badges, streaks) are open to every teacher, as the seed's matrix lets teachers award badges.
 */
function learnerRows(courseOf?: (alias: string) => SQL) {
  return (alias: string, user: AuthUser | null, scopes: readonly Scope[]): SQL | undefined => {
    if (scopes.includes('all')) return undefined;
    if (!user) return sql`false`;
    const parts: SQL[] = [];
    if (scopes.includes('own')) parts.push(sql`${col(alias, 'user_id')} = ${user.id}`);
    if (scopes.includes('children'))
      parts.push(sql`${col(alias, 'user_id')} IN (SELECT child_id FROM guardian_links WHERE parent_id = ${user.id})`);
    if (scopes.includes('students')) {
      parts.push(
        courseOf
          ? sql`EXISTS (SELECT 1 FROM courses vis_owned WHERE vis_owned.id = (${courseOf(alias)}) AND vis_owned.created_by_id = ${user.id})`
          : sql`EXISTS (SELECT 1 FROM users vis_u JOIN roles vis_r ON vis_r.id = vis_u.role_id WHERE vis_u.id = ${col(alias, 'user_id')} AND vis_r.type = 'student')`,
      );
    }
    return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
  };
}

/**
 * The stored streak is as of its last activity; read today, a streak whose last day is before yesterday
 * (in the learner's zone) is broken. Same rule as currentAsOf in services/learning/streak-rules.ts.
 */
function currentStreakToday(alias: string): SQL {
  const zone = sql`coalesce((SELECT time_zone FROM user_profiles WHERE user_profiles.user_id = ${col(alias, 'user_id')}), 'UTC')`;
  const last = col(alias, 'last_activity_date');
  return sql`CASE WHEN ${last} IS NOT NULL AND (now() AT TIME ZONE ${zone})::date - (${last} AT TIME ZONE ${zone})::date <= 1 THEN ${col(alias, 'current_streak')} ELSE 0 END`;
}

const learner = { target: 'learners', many: false, link: { kind: 'owner', column: 'user_id' } } as const;

export const LEARNING_TYPES: Record<string, ContentType> = {
  learners: {
    name: 'learners',
    table: 'users',
    resource: 'users',
    attributes: {
      id: timestamps.id,
      documentId: timestamps.documentId,
      username: { column: 'username', type: 'string' },
    },
    relations: {},
    readableThroughRelations: true,
    visibility: () => undefined,
    defaultSort: [{ attribute: 'username', direction: 'asc' }],
  },
  enrollments: {
    name: 'enrollments',
    table: 'course_enrollments',
    resource: 'enrollments',
    attributes: {
      ...timestamps,
      enrolledAt: { column: 'enrolled_at', type: 'datetime' },
      completedAt: { column: 'completed_at', type: 'datetime' },
      status: { column: 'status', type: 'enum', enum: enrollmentStatus.enumValues },
      progress: { column: 'progress', type: 'integer' },
    },
    relations: {
      user: learner,
      course: { target: 'courses', many: false, link: { kind: 'owner', column: 'course_id' } },
    },
    visibility: learnerRows((a) => col(a, 'course_id')),
    defaultSort: [{ attribute: 'enrolledAt', direction: 'desc' }],
  },
  userProgresses: {
    name: 'userProgresses',
    table: 'user_progresses',
    resource: 'userProgress',
    attributes: {
      ...timestamps,
      progress: { column: 'progress', type: 'integer' },
      completed: { column: 'completed', type: 'boolean' },
      quizScore: { column: 'quiz_score', type: 'integer' },
      timeSpent: { column: 'time_spent', type: 'integer' },
      lastAccessed: { column: 'last_accessed', type: 'datetime' },
    },
    relations: {
      user: learner,
      lesson: { target: 'lessons', many: false, link: { kind: 'owner', column: 'lesson_id' } },
    },
    visibility: learnerRows((a) => sql`SELECT course_id FROM lessons WHERE lessons.id = ${col(a, 'lesson_id')}`),
    defaultSort: [{ attribute: 'lastAccessed', direction: 'desc' }],
  },
  userAchievements: {
    name: 'userAchievements',
    table: 'user_achievements',
    resource: 'userAchievements',
    attributes: {
      ...timestamps,
      earnedAt: { column: 'earned_at', type: 'datetime' },
      progress: { column: 'progress', type: 'integer' },
      metadata: { column: 'metadata', type: 'json' },
    },
    relations: {
      user: learner,
      achievement: { target: 'achievements', many: false, link: { kind: 'owner', column: 'achievement_id' } },
    },
    visibility: learnerRows(),
    defaultSort: [{ attribute: 'earnedAt', direction: 'desc' }],
  },
  streaks: {
    name: 'streaks',
    table: 'streaks',
    resource: 'streaks',
    attributes: {
      ...timestamps,
      type: { column: 'type', type: 'enum', enum: streakType.enumValues },
      currentStreak: { column: 'current_streak', type: 'integer', project: currentStreakToday },
      longestStreak: { column: 'longest_streak', type: 'integer' },
      lastActivityDate: { column: 'last_activity_date', type: 'datetime' },
      streakStartDate: { column: 'streak_start_date', type: 'datetime' },
    },
    relations: { user: learner },
    visibility: learnerRows(),
    defaultSort: [{ attribute: 'type', direction: 'asc' }],
  },
  certificates: {
    name: 'certificates',
    table: 'certificates',
    resource: 'certificates',
    attributes: {
      ...timestamps,
      issuedAt: { column: 'issued_at', type: 'datetime' },
      certificateNumber: { column: 'certificate_number', type: 'string' },
      pdfUrl: { column: 'pdf_url', type: 'string' },
      verificationCode: { column: 'verification_code', type: 'string' },
    },
    relations: {
      user: learner,
      course: { target: 'courses', many: false, link: { kind: 'owner', column: 'course_id' } },
    },
    visibility: learnerRows((a) => col(a, 'course_id')),
    defaultSort: [{ attribute: 'issuedAt', direction: 'desc' }],
  },
  quizAttempts: {
    name: 'quizAttempts',
    table: 'quiz_attempts',
    resource: 'quizAttempts',
    attributes: {
      ...timestamps,
      startedAt: { column: 'started_at', type: 'datetime' },
      deadlineAt: { column: 'deadline_at', type: 'datetime' },
      submittedAt: { column: 'submitted_at', type: 'datetime' },
      score: { column: 'score', type: 'integer' },
      passed: { column: 'passed', type: 'boolean' },
      late: { column: 'late', type: 'boolean' },
      answers: { column: 'answers', type: 'json' },
      feedback: { column: 'feedback', type: 'json' },
    },
    relations: { user: learner, quiz: { target: 'quizzes', many: false, link: { kind: 'owner', column: 'quiz_id' } } },
    visibility: learnerRows(
      (a) =>
        sql`SELECT l.course_id FROM quizzes q JOIN lessons l ON l.id = q.lesson_id WHERE q.id = ${col(a, 'quiz_id')}`,
    ),
    defaultSort: [{ attribute: 'startedAt', direction: 'desc' }],
  },
};
