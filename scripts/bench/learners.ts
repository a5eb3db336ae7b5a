// The learners the write and mixed runs act as: bench students, each with the lessons of their
// enrollments and a quiz in one of them, and an access token minted with the worker's own secret and
// signing code (the bench starts the worker, so it holds the secret; signing in hundreds of learners
// would measure PBKDF2 instead). Requests take the next learner in turn, so with far more learners than
// connections no two requests in flight act for the same learner (learning writes of one learner queue
// on that learner's lock by design).
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { signAccessToken } from '../../worker/lib/tokens';

export interface Learner {
  id: number;
  documentId: string;
  username: string;
  tokenVersion: number;
  /** Lessons of the learner's enrolled courses, in enrollment and lesson order (60 or more). */
  lessons: string[];
  /** A quiz on a lesson of one of those courses. */
  quiz: string;
  token?: string;
}

export async function loadLearners(db: DatabaseHandle['db'], count: number): Promise<Learner[]> {
  const rows = await db.execute<{
    id: number;
    document_id: string;
    username: string;
    token_version: number;
    lessons: string[];
    quiz: string | null;
  }>(sql`
    SELECT u.id, u.document_id, u.username, u.token_version,
           (SELECT array_agg(l.document_id ORDER BY e.id, l."order")
              FROM course_enrollments e JOIN lessons l ON l.course_id = e.course_id
             WHERE e.user_id = u.id) AS lessons,
           (SELECT q.document_id
              FROM course_enrollments e JOIN lessons l ON l.course_id = e.course_id JOIN quizzes q ON q.lesson_id = l.id
             WHERE e.user_id = u.id
               -- one the learner has not attempted: an earlier passed attempt would have shown its answers,
               -- which closes the quiz to further attempts (a 409)
               AND NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.user_id = u.id)
             ORDER BY e.id, l."order" LIMIT 1) AS quiz
      FROM users u JOIN roles r ON r.id = u.role_id
     WHERE r.type = 'student' AND u.username LIKE 'bench.student.%'
     ORDER BY u.id
     LIMIT ${count * 2}`);
  const learners = rows.rows
    .filter((row) => row.quiz && (row.lessons?.length ?? 0) >= 50)
    .slice(0, count)
    .map((row) => ({
      id: Number(row.id),
      documentId: row.document_id,
      username: row.username,
      tokenVersion: Number(row.token_version),
      lessons: row.lessons,
      quiz: row.quiz!,
    }));
  if (learners.length < count) throw new Error(`only ${learners.length} bench learners have a quiz and 50 lessons`);
  return learners;
}

/** Fresh access tokens (they last 15 minutes): minted before each section that uses them. */
export async function mintTokens(learners: Learner[], jwtSecret: string): Promise<void> {
  for (const learner of learners) {
    learner.token = await signAccessToken(jwtSecret, {
      userId: learner.id,
      documentId: learner.documentId,
      role: 'student',
      tokenVersion: learner.tokenVersion,
    });
  }
}

/** Hands out learners in turn. */
export function rotation(learners: Learner[]): () => Learner {
  let next = 0;
  return () => learners[next++ % learners.length]!;
}

/**
 * A client address of its own for every sign-in, so the per-address limit (60 a minute) does not turn the
 * sign-in run into a measurement of 429s. `wrangler dev` keeps a CF-Connecting-IP the client sends.
 */
export function addresses(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  };
}
