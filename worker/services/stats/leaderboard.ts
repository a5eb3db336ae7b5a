import type { LeaderboardAnswer, LeaderboardEntry } from '../../contract/stats';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { RoleType } from '../../../db/schema/enums';
import { courseVisibility } from '../../content/visibility';
import type { AuthUser } from '../../env';
import { forbidden, notFound } from '../../lib/errors';
import { scopesFor } from '../../policy/permissions';
import { firstNameSql } from './display-name';
import { periodStart, type LeaderboardPeriod } from './leaderboard-period';
import type { SchoolSettingKey } from './school-settings';

export const LEADERBOARD_AGE_TIERS = ['children', 'youth', 'adults'] as const;

export interface LeaderboardQuery {
  period: LeaderboardPeriod;
  ageTier?: (typeof LEADERBOARD_AGE_TIERS)[number];
  /** A course documentId: only learners enrolled in it are ranked. */
  course?: string;
  limit: number;
}

const SETTING: SchoolSettingKey = 'leaderboards';

/**
 * When the school hides leaderboards, students and parents no longer see them; teachers and admins
 * still do, so they can judge whether to turn them back on.
 */
export function seesHiddenLeaderboards(role: RoleType): boolean {
  return role === 'teacher' || role === 'admin';
}

type Row = {
  hidden: boolean;
  course_found: boolean;
  position: number | null;
  rank: number | null;
  points: number | null;
  document_id: string | null;
  display_name: string | null;
  is_me: boolean | null;
};

/**
 * Points rankings in one statement: the school's switch, the course check, the sums, the ranks, the
 * top `limit` and the caller's own place all come back together.
 *
 * - Points are the sum of achievements.points over the learner's earned achievements (earned_at set)
 *   within the period. Only students are ranked, and only those who earned something in the period.
 * - Ties share a rank with standard competition ranking ("1, 2, 2, 4"): rank(), not dense_rank(), so a
 *   rank still says how many learners are ahead. Tied learners are listed oldest account first.
 * - The course filter keeps learners enrolled in it (dropped ones are not); the points are still all
 *   their points, since achievements do not belong to a course.
 */
export async function leaderboard(
  db: Database,
  viewer: AuthUser,
  query: LeaderboardQuery,
  now: Date = new Date(),
): Promise<LeaderboardAnswer> {
  const since = periodStart(query.period, now);
  const restricted = !seesHiddenLeaderboards(viewer.role);

  const ctes: SQL[] = [
    sql`setting AS (SELECT coalesce((SELECT (s.value -> 'hidden') = 'true'::jsonb FROM school_settings s WHERE s.key = ${SETTING}), false) AS hidden)`,
  ];
  const filters: SQL[] = [sql`ua.earned_at IS NOT NULL`];
  if (since) filters.push(sql`ua.earned_at >= ${since.toISOString()}::timestamptz`);
  if (query.ageTier)
    filters.push(
      sql`EXISTS (SELECT 1 FROM user_profiles p WHERE p.user_id = ua.user_id AND p.age_tier = ${query.ageTier})`,
    );
  if (query.course !== undefined) {
    // A course the caller may not read (someone else's draft) is as missing as one that does not exist.
    const visible = courseVisibility('c', viewer, scopesFor(viewer.role, 'courses', 'find')) ?? sql`true`;
    ctes.push(sql`target_course AS (SELECT c.id FROM courses c WHERE c.document_id = ${query.course} AND ${visible})`);
    filters.push(
      sql`EXISTS (SELECT 1 FROM course_enrollments e JOIN target_course t ON t.id = e.course_id WHERE e.user_id = ua.user_id AND e.status <> 'dropped')`,
    );
  }
  // Refused callers learn only that the board is hidden: nothing is summed for them.
  if (restricted) filters.push(sql`NOT (SELECT hidden FROM setting)`);
  ctes.push(sql`scored AS (
      SELECT ua.user_id, sum(a.points) AS points
      FROM user_achievements ua
      JOIN achievements a ON a.id = ua.achievement_id
      JOIN users u ON u.id = ua.user_id
      JOIN roles r ON r.id = u.role_id AND r.type = 'student'
      WHERE ${sql.join(filters, sql` AND `)}
      GROUP BY ua.user_id)`);
  ctes.push(sql`ranked AS (
      SELECT user_id, points,
             rank() OVER (ORDER BY points DESC) AS rank,
             row_number() OVER (ORDER BY points DESC, user_id) AS position
      FROM scored)`);

  const result = await db.execute<Row>(sql`
    WITH ${sql.join(ctes, sql`, `)}
    SELECT s.hidden,
           ${query.course !== undefined ? sql`EXISTS (SELECT 1 FROM target_course)` : sql`true`} AS course_found,
           r.position::int AS position, r.rank::int AS rank, r.points::int AS points,
           u.document_id, ${firstNameSql('p', 'u')} AS display_name, r.user_id = ${viewer.id} AS is_me
    FROM setting s
    LEFT JOIN ranked r ON r.position <= ${query.limit} OR r.user_id = ${viewer.id}
    LEFT JOIN users u ON u.id = r.user_id
    LEFT JOIN user_profiles p ON p.user_id = u.id
    ORDER BY r.position`);

  const rows = result.rows;
  const head = rows[0];
  if (head?.hidden && restricted) throw forbidden('Leaderboards are turned off by the school');
  if (head && !head.course_found) throw notFound(`No course ${query.course}`);

  const ranked = rows.filter(
    (row): row is Row & { position: number; rank: number; points: number; document_id: string; display_name: string } =>
      row.position !== null,
  );
  const data: LeaderboardEntry[] = ranked
    .filter((row) => row.position <= query.limit)
    .map((row) => ({
      rank: row.rank,
      points: row.points,
      learner: { documentId: row.document_id, displayName: row.display_name },
      isMe: row.is_me === true,
    }));
  const mine = ranked.find((row) => row.is_me);
  return {
    data,
    meta: {
      period: query.period,
      since: since?.toISOString() ?? null,
      ageTier: query.ageTier ?? null,
      course: query.course ?? null,
      me: mine ? { rank: mine.rank, points: mine.points } : null,
    },
  };
}
