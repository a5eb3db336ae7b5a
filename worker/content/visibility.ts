import { sql, type SQL } from 'drizzle-orm';
import { courses, guardianLinks, lessons, quizzes, roles, users } from '../../db/schema';
import type { AuthUser } from '../env';
import { anyOf } from '../lib/sql-predicates';
import type { Scope } from '../policy/permissions';
import { col, tableAs } from './attributes';

/** The rows of a type a viewer may see, given their scopes; undefined means every row. */
export type Visibility = (alias: string, user: AuthUser | null, scopes: readonly Scope[]) => SQL | undefined;

export const everyone: Visibility = () => undefined;

/** Which courses a viewer may see: published ones, plus a teacher's own drafts, or all for admins. */
export const courseVisibility: Visibility = (alias, user, scopes) => {
  if (scopes.includes('all')) return undefined;
  return anyOf([
    scopes.includes('published') ? sql`${col(alias, courses.isPublished)} = true` : undefined,
    scopes.includes('own') && user ? sql`${col(alias, courses.createdById)} = ${user.id}` : undefined,
  ]);
};

/** Lessons are as visible as their course. */
export const lessonVisibility: Visibility = (alias, user, scopes) => {
  if (scopes.includes('all')) return undefined;
  const course = courseVisibility('vis_c', user, scopes) ?? sql`true`;
  return sql`EXISTS (SELECT 1 FROM ${tableAs(courses, 'vis_c')} WHERE ${col('vis_c', courses.id)} = ${col(alias, lessons.courseId)} AND ${course})`;
};

/** Quizzes are as visible as their lesson's course; a teacher also sees the quizzes they wrote. */
export const quizVisibility: Visibility = (alias, user, scopes) => {
  if (scopes.includes('all')) return undefined;
  const course = courseVisibility('vis_c', user, scopes) ?? sql`true`;
  return anyOf([
    sql`EXISTS (SELECT 1 FROM ${tableAs(lessons, 'vis_l')} JOIN ${tableAs(courses, 'vis_c')} ON ${col('vis_c', courses.id)} = ${col('vis_l', lessons.courseId)} WHERE ${col('vis_l', lessons.id)} = ${col(alias, quizzes.lessonId)} AND ${course})`,
    scopes.includes('own') && user ? sql`${col(alias, quizzes.createdById)} = ${user.id}` : undefined,
  ]);
};

/** The ids of the children linked to a parent. */
export const childrenOf = (parentId: number): SQL =>
  sql`SELECT ${guardianLinks.childId} FROM ${guardianLinks} WHERE ${guardianLinks.parentId} = ${parentId}`;

/**
 * Rows about one learner (a `user_id` column): their own, their children's (parents), or — for teachers —
 * those tied to a course the teacher owns (`courseOf` gives that course's id); students' rows without a
 * course (badges, streaks) are open to every teacher, as teachers award badges by hand.
 */
export function learnerRows(courseOf?: (alias: string) => SQL): Visibility {
  return (alias, user, scopes) => {
    if (scopes.includes('all')) return undefined;
    if (!user) return sql`false`;
    const learner = col(alias, 'user_id');
    const parts: SQL[] = [];
    if (scopes.includes('own')) parts.push(sql`${learner} = ${user.id}`);
    if (scopes.includes('children')) parts.push(sql`${learner} IN (${childrenOf(user.id)})`);
    if (scopes.includes('students')) {
      parts.push(
        courseOf
          ? sql`EXISTS (SELECT 1 FROM ${tableAs(courses, 'vis_owned')} WHERE ${col('vis_owned', courses.id)} = (${courseOf(alias)}) AND ${col('vis_owned', courses.createdById)} = ${user.id})`
          : sql`EXISTS (SELECT 1 FROM ${tableAs(users, 'vis_u')} JOIN ${tableAs(roles, 'vis_r')} ON ${col('vis_r', roles.id)} = ${col('vis_u', users.roleId)} WHERE ${col('vis_u', users.id)} = ${learner} AND ${col('vis_r', roles.type)} = 'student')`,
      );
    }
    return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
  };
}
