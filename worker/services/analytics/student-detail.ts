import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { ActivityEntry, StudentDetail } from '../../contract/analytics';
import type { AuthUser } from '../../env';
import { notFound } from '../../lib/errors';
import type { Scope } from '../../policy/permissions';
import { attemptAnswers } from './attempt-answers';

/**
 * A progress event that reached the server this long after it happened on the device was sent from the
 * offline outbox: an online event arrives within seconds, even on a slow phone.
 */
export const OFFLINE_AFTER_SECONDS = 300;
const ATTEMPTS_SHOWN = 100;
const EVENTS_SHOWN = 50;

type Timestamp = string;
type AttemptRow = {
  documentId: string;
  quiz: { documentId: string; title: string };
  lesson: { documentId: string; title: string } | null;
  startedAt: Timestamp;
  submittedAt: Timestamp | null;
  score: number | null;
  passed: boolean | null;
  late: boolean;
  answers: Record<string, unknown> | null;
  layout: { questionId: string; optionOrder: number[] | null }[];
  feedback: { questionId: string; earned: number; points: number; correct: boolean }[] | null;
  questions: unknown;
};
type Row = {
  course: StudentDetail['course'] | null;
  student: (StudentDetail['student'] & { enrollment: StudentDetail['enrollment'] }) | null;
  lessons: StudentDetail['lessons'] | null;
  attempts: AttemptRow[] | null;
  attempt_count: number;
  activity: (Omit<ActivityEntry, 'offline'> & { offline: boolean })[] | null;
  offline_count: number;
  badges: StudentDetail['badges'] | null;
  streaks: StudentDetail['streaks'] | null;
};

const iso = (value: Timestamp | null) => (value === null ? null : new Date(value).toISOString());

/**
 * One student in one course, for its teacher: enrollment, per-lesson progress, quiz attempts with their
 * answers, the latest activity (offline work marked), badges and streaks; in ONE statement. The student
 * must be enrolled in the course, and the course the teacher's own; otherwise 404, whether or not they exist.
 * No contact details: no e-mail, phone or birth date, for children least of all.
 */
export async function studentDetail(
  db: Database,
  viewer: AuthUser,
  scopes: readonly Scope[],
  courseDocumentId: string,
  studentDocumentId: string,
): Promise<StudentDetail> {
  const owned = scopes.includes('all') ? sql`true` : sql`c.created_by_id = ${viewer.id}`;
  const result = await db.execute<Row>(sql`
    WITH course AS (SELECT c.id, c.document_id, c.title FROM courses c WHERE c.document_id = ${courseDocumentId} AND ${owned}),
    student AS (
      SELECT u.id, u.document_id, u.username, p.full_name, p.time_zone, e.status, e.progress, e.enrolled_at, e.completed_at
      FROM users u JOIN course_enrollments e ON e.user_id = u.id AND e.course_id = (SELECT id FROM course)
      LEFT JOIN user_profiles p ON p.user_id = u.id
      WHERE u.document_id = ${studentDocumentId}
    ),
    lesson_list AS (SELECT l.id, l.document_id, l.title, l."order", l.type FROM lessons l WHERE l.course_id = (SELECT id FROM course)),
    attempts AS (
      SELECT qa.document_id, qa.started_at, qa.submitted_at, qa.score, qa.passed, qa.late, qa.answers, qa.layout, qa.feedback,
             q.document_id AS quiz_document_id, q.title AS quiz_title, q.questions, l.document_id AS lesson_document_id,
             l.title AS lesson_title
      FROM quiz_attempts qa JOIN quizzes q ON q.id = qa.quiz_id JOIN lesson_list l ON l.id = q.lesson_id
      WHERE qa.user_id = (SELECT id FROM student)
    ),
    events AS (
      SELECT pe.occurred_at, pe.received_at, pe.progress, pe.completed, pe.time_spent, l.document_id, l.title,
             pe.received_at - pe.occurred_at > make_interval(secs => ${OFFLINE_AFTER_SECONDS}) AS offline
      FROM progress_events pe JOIN lesson_list l ON l.id = pe.lesson_id
      WHERE pe.user_id = (SELECT id FROM student)
    )
    SELECT
      (SELECT json_build_object('documentId', document_id, 'title', title) FROM course) AS course,
      (SELECT json_build_object('documentId', document_id, 'username', username, 'fullName', full_name,
              'enrollment', json_build_object('status', status, 'progress', progress, 'enrolledAt', enrolled_at,
                                              'completedAt', completed_at))
       FROM student) AS student,
      (SELECT json_agg(json_build_object('documentId', l.document_id, 'title', l.title, 'order', l."order", 'type', l.type,
              'progress', coalesce(up.progress, 0), 'completed', coalesce(up.completed, false), 'quizScore', up.quiz_score,
              'timeSpent', coalesce(up.time_spent, 0), 'lastAccessed', up.last_accessed) ORDER BY l."order", l.id)
       FROM lesson_list l LEFT JOIN user_progresses up ON up.lesson_id = l.id AND up.user_id = (SELECT id FROM student)
       WHERE EXISTS (SELECT 1 FROM student)) AS lessons,
      (SELECT json_agg(json_build_object('documentId', a.document_id,
              'quiz', json_build_object('documentId', a.quiz_document_id, 'title', a.quiz_title),
              'lesson', json_build_object('documentId', a.lesson_document_id, 'title', a.lesson_title),
              'startedAt', a.started_at, 'submittedAt', a.submitted_at, 'score', a.score, 'passed', a.passed,
              'late', a.late, 'answers', a.answers, 'layout', a.layout, 'feedback', a.feedback, 'questions', a.questions)
              ORDER BY a.started_at DESC)
       FROM (SELECT * FROM attempts ORDER BY started_at DESC LIMIT ${ATTEMPTS_SHOWN}) a) AS attempts,
      (SELECT count(*) FROM attempts)::int AS attempt_count,
      (SELECT json_agg(json_build_object('lesson', json_build_object('documentId', ev.document_id, 'title', ev.title),
              'occurredAt', ev.occurred_at, 'receivedAt', ev.received_at, 'progress', ev.progress,
              'completed', ev.completed, 'timeSpent', ev.time_spent, 'offline', ev.offline) ORDER BY ev.occurred_at DESC)
       FROM (SELECT * FROM events ORDER BY occurred_at DESC LIMIT ${EVENTS_SHOWN}) ev) AS activity,
      (SELECT count(*) FILTER (WHERE offline) FROM events)::int AS offline_count,
      (SELECT json_agg(json_build_object('documentId', a.document_id, 'title', a.title, 'badgeType', a.badge_type,
              'points', a.points, 'earnedAt', ua.earned_at) ORDER BY ua.earned_at DESC, a.id)
       FROM user_achievements ua JOIN achievements a ON a.id = ua.achievement_id
       WHERE ua.user_id = (SELECT id FROM student) AND ua.earned_at IS NOT NULL) AS badges,
      -- A streak whose last day is before yesterday, in the learner's own time zone, is broken: it reads 0.
      (SELECT json_agg(json_build_object('type', st.type,
              'current', CASE WHEN st.last_activity_date IS NOT NULL
                                   AND (now() AT TIME ZONE s.zone)::date - (st.last_activity_date AT TIME ZONE s.zone)::date <= 1
                              THEN st.current_streak ELSE 0 END,
              'longest', st.longest_streak, 'lastActivityDate', st.last_activity_date) ORDER BY st.type)
       FROM streaks st, (SELECT coalesce(time_zone, 'UTC') AS zone FROM student) s
       WHERE st.user_id = (SELECT id FROM student)) AS streaks`);

  const row = result.rows[0]!;
  if (!row.course) throw notFound(`No course ${courseDocumentId}`);
  if (!row.student) throw notFound(`No student ${studentDocumentId} in this course`);
  const { enrollment, ...student } = row.student;
  const lessons = (row.lessons ?? []).map((l) => ({ ...l, lastAccessed: iso(l.lastAccessed) }));
  const scores = lessons.map((l) => l.quizScore).filter((s): s is number => s !== null);
  const lastActive = lessons.reduce<string | null>(
    (latest, l) => (l.lastAccessed && (!latest || l.lastAccessed > latest) ? l.lastAccessed : latest),
    null,
  );
  return {
    student,
    course: row.course,
    enrollment: { ...enrollment, enrolledAt: iso(enrollment.enrolledAt)!, completedAt: iso(enrollment.completedAt) },
    summary: {
      lessonsCompleted: lessons.filter((l) => l.completed).length,
      lessonsTotal: lessons.length,
      timeSpent: lessons.reduce((sum, l) => sum + l.timeSpent, 0),
      lastActive,
      averageQuizScore: scores.length
        ? Math.round((10 * scores.reduce((a, b) => a + b, 0)) / scores.length) / 10
        : null,
      attempts: row.attempt_count,
      offlineActivities: row.offline_count,
    },
    lessons,
    attempts: (row.attempts ?? []).map((a) => ({
      documentId: a.documentId,
      quiz: a.quiz,
      lesson: a.lesson,
      startedAt: iso(a.startedAt)!,
      submittedAt: iso(a.submittedAt),
      durationSeconds: a.submittedAt ? Math.round((Date.parse(a.submittedAt) - Date.parse(a.startedAt)) / 1000) : null,
      score: a.score,
      passed: a.passed,
      late: a.late,
      answers: attemptAnswers(a.questions, a.layout, a.answers, a.feedback),
    })),
    activity: (row.activity ?? []).map((e) => ({
      ...e,
      occurredAt: iso(e.occurredAt)!,
      receivedAt: iso(e.receivedAt)!,
    })),
    badges: (row.badges ?? []).map((b) => ({ ...b, earnedAt: iso(b.earnedAt)! })),
    streaks: (row.streaks ?? []).map((s) => ({ ...s, lastActivityDate: iso(s.lastActivityDate) })),
  };
}
