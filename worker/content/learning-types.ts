import { sql, type SQL } from 'drizzle-orm';
import {
  certificates,
  courseEnrollments,
  hifzMilestones,
  hifzPlans,
  lessons,
  quizAttempts,
  quizzes,
  streaks,
  userAchievements,
  userProfiles,
  userProgresses,
  users,
} from '../../db/schema';
import { PRIVATE_COLUMNS } from '../contract/documents';
import { attributesOf, col, onlyAttributes, owner, tableAs, tableName } from './attributes';
import { feedbackFor } from './quiz-review';
import type { ContentType, Relation } from './types';
import { everyone, learnerRows, type Visibility } from './visibility';

/**
 * The stored streak is as of its last activity; read on a later day, a streak whose last day is before
 * yesterday (in the learner's own time zone) is broken, and reads as 0.
 */
function currentStreakToday(alias: string): SQL {
  const zone = sql`coalesce((SELECT ${col('sz', userProfiles.timeZone)} FROM ${tableAs(userProfiles, 'sz')} WHERE ${col('sz', userProfiles.userId)} = ${col(alias, streaks.userId)}), 'UTC')`;
  const last = col(alias, streaks.lastActivityDate);
  return sql`CASE WHEN ${last} IS NOT NULL AND (now() AT TIME ZONE ${zone})::date - (${last} AT TIME ZONE ${zone})::date <= 1 THEN ${col(alias, streaks.currentStreak)} ELSE 0 END`;
}

const learner: Relation = { target: 'learners', many: false, link: { kind: 'owner', column: 'user_id' } };

const courseCertificates = learnerRows((a) => col(a, certificates.courseId));

/**
 * A certificate is read like its course's records; a milestone certificate (no course) is also read by
 * the teacher who hears the student (their hifz plan names them), as their hifz records are.
 */
const certificateVisibility: Visibility = (alias, user, scopes) => {
  const byCourse = courseCertificates(alias, user, scopes);
  if (byCourse === undefined || !user || !scopes.includes('students')) return byCourse;
  const heardBy = sql`${col(alias, certificates.hifzMilestoneId)} IS NOT NULL AND EXISTS (SELECT 1 FROM ${tableAs(hifzPlans, 'vis_hp')} WHERE ${col('vis_hp', hifzPlans.studentId)} = ${col(alias, certificates.userId)} AND ${col('vis_hp', hifzPlans.teacherId)} = ${user.id})`;
  return sql`(${byCourse} OR (${heardBy}))`;
};

/** Learning records: each belongs to one learner (user_id) and is read through learnerRows. */
export const LEARNING_TYPES: Record<string, ContentType> = {
  learners: {
    name: 'learners',
    table: tableName(users),
    resource: 'users',
    // Learners are mostly children: a record names them by username, never by e-mail or real name.
    attributes: onlyAttributes(users, ['id', 'documentId', 'username']),
    relations: {},
    readableThroughRelations: true,
    visibility: everyone,
    defaultSort: [{ attribute: 'username', direction: 'asc' }],
  },
  enrollments: {
    name: 'enrollments',
    table: tableName(courseEnrollments),
    resource: 'enrollments',
    attributes: attributesOf(courseEnrollments, PRIVATE_COLUMNS.enrollments),
    relations: {
      user: learner,
      course: { target: 'courses', many: false, link: owner(courseEnrollments.courseId) },
    },
    visibility: learnerRows((a) => col(a, courseEnrollments.courseId)),
    defaultSort: [{ attribute: 'enrolledAt', direction: 'desc' }],
  },
  userProgresses: {
    name: 'userProgresses',
    table: tableName(userProgresses),
    resource: 'userProgress',
    attributes: attributesOf(userProgresses, PRIVATE_COLUMNS.userProgresses),
    relations: { user: learner, lesson: { target: 'lessons', many: false, link: owner(userProgresses.lessonId) } },
    visibility: learnerRows(
      (a) =>
        sql`SELECT ${col('vl', lessons.courseId)} FROM ${tableAs(lessons, 'vl')} WHERE ${col('vl', lessons.id)} = ${col(a, userProgresses.lessonId)}`,
    ),
    defaultSort: [{ attribute: 'lastAccessed', direction: 'desc' }],
  },
  userAchievements: {
    name: 'userAchievements',
    table: tableName(userAchievements),
    resource: 'userAchievements',
    attributes: attributesOf(userAchievements, PRIVATE_COLUMNS.userAchievements),
    relations: {
      user: learner,
      achievement: { target: 'achievements', many: false, link: owner(userAchievements.achievementId) },
    },
    visibility: learnerRows(),
    defaultSort: [{ attribute: 'earnedAt', direction: 'desc' }],
  },
  streaks: {
    name: 'streaks',
    table: tableName(streaks),
    resource: 'streaks',
    attributes: attributesOf(streaks, PRIVATE_COLUMNS.streaks, { currentStreak: { project: currentStreakToday } }),
    relations: { user: learner },
    visibility: learnerRows(),
    defaultSort: [{ attribute: 'type', direction: 'asc' }],
  },
  certificates: {
    name: 'certificates',
    table: tableName(certificates),
    resource: 'certificates',
    attributes: attributesOf(certificates, PRIVATE_COLUMNS.certificates),
    relations: {
      user: learner,
      course: { target: 'courses', many: false, link: owner(certificates.courseId) },
      hifzMilestone: { target: 'hifzMilestones', many: false, link: owner(certificates.hifzMilestoneId) },
    },
    visibility: certificateVisibility,
    defaultSort: [{ attribute: 'issuedAt', direction: 'desc' }],
  },
  hifzMilestones: {
    name: 'hifzMilestones',
    table: tableName(hifzMilestones),
    resource: 'hifz',
    // Only reached through a certificate the viewer may read: it names the milestone, never the student.
    attributes: attributesOf(hifzMilestones, PRIVATE_COLUMNS.hifzMilestones),
    relations: {},
    readableThroughRelations: true,
    visibility: everyone,
    defaultSort: [{ attribute: 'reachedOn', direction: 'asc' }],
  },
  quizAttempts: {
    name: 'quizAttempts',
    table: tableName(quizAttempts),
    resource: 'quizAttempts',
    attributes: attributesOf(quizAttempts, PRIVATE_COLUMNS.quizAttempts, { feedback: { project: feedbackFor } }),
    relations: { user: learner, quiz: { target: 'quizzes', many: false, link: owner(quizAttempts.quizId) } },
    visibility: learnerRows(
      (a) =>
        sql`SELECT ${col('vl', lessons.courseId)} FROM ${tableAs(quizzes, 'vq')} JOIN ${tableAs(lessons, 'vl')} ON ${col('vl', lessons.id)} = ${col('vq', quizzes.lessonId)} WHERE ${col('vq', quizzes.id)} = ${col(a, quizAttempts.quizId)}`,
    ),
    defaultSort: [{ attribute: 'startedAt', direction: 'desc' }],
  },
};
