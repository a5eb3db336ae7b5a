import type { LearnerCourseStats, LearnerProgress, LearnerTotals } from '../../contract/stats';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { firstNameSql } from './display-name';

type EnrollmentStatus = 'enrolled' | 'in_progress' | 'completed' | 'dropped';

type Row = {
  learner_document_id: string;
  display_name: string;
  points: number;
  achievements_earned: number;
  course_document_id: string | null;
  course_title: string | null;
  status: EnrollmentStatus | null;
  progress: number | null;
  lessons_total: number;
  lessons_completed: number;
  time_spent: number;
  average_quiz_score: number | null;
};

/** Totals are the sums of the course rows the learner sees, so the two can never disagree. */
export function learnerTotals(
  courses: LearnerCourseStats[],
  awards: { points: number; achievementsEarned: number },
): LearnerTotals {
  return {
    coursesEnrolled: courses.filter((c) => c.status !== 'dropped').length,
    coursesCompleted: courses.filter((c) => c.status === 'completed').length,
    lessonsCompleted: courses.reduce((sum, c) => sum + c.lessonsCompleted, 0),
    timeSpent: courses.reduce((sum, c) => sum + c.timeSpent, 0),
    points: awards.points,
    achievementsEarned: awards.achievementsEarned,
  };
}

/**
 * Progress of every learner matching `learners` (a predicate on users "u"), per enrolled course, in one
 * statement however many learners and courses there are. A learner with no enrollment still gets a row.
 *
 * The quiz average is over user_progresses.quiz_score, which keeps the learner's best score per quiz
 * lesson: retrying a quiz improves the average instead of dragging it down.
 */
export async function learnerProgress(db: Database, learners: SQL): Promise<LearnerProgress[]> {
  const result = await db.execute<Row>(sql`
    WITH learners AS (
      SELECT u.id, u.document_id, ${firstNameSql('p', 'u')} AS display_name
      FROM users u LEFT JOIN user_profiles p ON p.user_id = u.id
      WHERE ${learners}
    ),
    awards AS (
      SELECT ua.user_id, sum(a.points) AS points, count(*) AS earned
      FROM user_achievements ua JOIN achievements a ON a.id = ua.achievement_id
      WHERE ua.earned_at IS NOT NULL AND ua.user_id IN (SELECT id FROM learners)
      GROUP BY ua.user_id
    ),
    enrolled AS (
      SELECT e.id, e.user_id, e.course_id, e.status, e.progress, e.enrolled_at
      FROM course_enrollments e WHERE e.user_id IN (SELECT id FROM learners)
    ),
    lesson_counts AS (
      SELECT l.course_id, count(*) AS lessons_total
      FROM lessons l WHERE l.course_id IN (SELECT course_id FROM enrolled)
      GROUP BY l.course_id
    ),
    work AS (
      SELECT up.user_id, l.course_id,
             count(*) FILTER (WHERE up.completed) AS lessons_completed,
             sum(up.time_spent) AS time_spent,
             avg(up.quiz_score) AS average_quiz_score
      FROM user_progresses up JOIN lessons l ON l.id = up.lesson_id
      WHERE up.user_id IN (SELECT id FROM learners)
      GROUP BY up.user_id, l.course_id
    )
    SELECT le.document_id AS learner_document_id, le.display_name,
           coalesce(aw.points, 0)::int AS points, coalesce(aw.earned, 0)::int AS achievements_earned,
           c.document_id AS course_document_id, c.title AS course_title, e.status, e.progress,
           coalesce(lc.lessons_total, 0)::int AS lessons_total,
           coalesce(w.lessons_completed, 0)::int AS lessons_completed,
           coalesce(w.time_spent, 0)::int AS time_spent,
           round(w.average_quiz_score, 1)::float8 AS average_quiz_score
    FROM learners le
    LEFT JOIN awards aw ON aw.user_id = le.id
    LEFT JOIN enrolled e ON e.user_id = le.id
    LEFT JOIN courses c ON c.id = e.course_id
    LEFT JOIN lesson_counts lc ON lc.course_id = e.course_id
    LEFT JOIN work w ON w.user_id = le.id AND w.course_id = e.course_id
    ORDER BY le.display_name, le.id, e.enrolled_at, e.id`);

  const byLearner = new Map<
    string,
    {
      learner: LearnerProgress['learner'];
      awards: { points: number; achievementsEarned: number };
      courses: LearnerCourseStats[];
    }
  >();
  for (const row of result.rows) {
    let entry = byLearner.get(row.learner_document_id);
    if (!entry) {
      entry = {
        learner: { documentId: row.learner_document_id, displayName: row.display_name },
        awards: { points: row.points, achievementsEarned: row.achievements_earned },
        courses: [],
      };
      byLearner.set(row.learner_document_id, entry);
    }
    if (row.course_document_id === null || row.status === null) continue;
    entry.courses.push({
      course: { documentId: row.course_document_id, title: row.course_title ?? '' },
      status: row.status,
      progress: row.progress ?? 0,
      lessonsCompleted: row.lessons_completed,
      lessonsTotal: row.lessons_total,
      timeSpent: row.time_spent,
      averageQuizScore: row.average_quiz_score,
    });
  }
  return [...byLearner.values()].map(({ learner, awards, courses }) => ({
    learner,
    courses,
    totals: learnerTotals(courses, awards),
  }));
}
