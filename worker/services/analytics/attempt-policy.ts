import { sql, type SQL } from 'drizzle-orm';
import type { AttemptPolicy } from '../../contract/analytics';

/**
 * Which graded attempts a quiz statistic counts, as Moodle's quiz statistics let the teacher choose:
 * each learner's first (the default: later attempts are coloured by the feedback of the first), last,
 * or best graded attempt, or all of them. `graded` is a relation of graded attempts with quiz_id,
 * user_id, score, submitted_at and id; ties are broken by submission time, then id, so a run is repeatable.
 */
export function countedAttempts(graded: SQL, policy: AttemptPolicy): SQL {
  switch (policy) {
    case 'all':
      return sql`SELECT * FROM ${graded} g`;
    case 'first':
      return sql`SELECT DISTINCT ON (g.quiz_id, g.user_id) * FROM ${graded} g ORDER BY g.quiz_id, g.user_id, g.submitted_at, g.id`;
    case 'last':
      return sql`SELECT DISTINCT ON (g.quiz_id, g.user_id) * FROM ${graded} g ORDER BY g.quiz_id, g.user_id, g.submitted_at DESC, g.id DESC`;
    case 'best':
      return sql`SELECT DISTINCT ON (g.quiz_id, g.user_id) * FROM ${graded} g ORDER BY g.quiz_id, g.user_id, g.score DESC, g.submitted_at, g.id`;
  }
}
