import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client';
import { guardianLinks, hifzPlans, roles, userProfiles, users } from '../../../db/schema';
import type { HifzStudentRef } from '../../contract/hifz';
import type { AuthUser } from '../../env';
import { forbidden, notFound } from '../../lib/errors';

export interface HifzStudent extends HifzStudentRef {
  id: number;
  /** The teacher named by the student's plan; null without a plan or teacher. */
  teacherId: number | null;
  hasPlan: boolean;
}

/**
 * What a caller may do with a student's hifz records:
 * - read: admins any student; teachers the students whose plan names them; parents their children;
 *   students themselves;
 * - hear: record sittings and grade recitations: admins, and the teacher the plan names;
 * - plan: set the plan: admins, and teachers for a student without a teacher or already theirs (a teacher
 *   cannot take over another teacher's student).
 * Anyone else is told the student does not exist (404), so ids cannot be probed.
 */
export type HifzIntent = 'read' | 'hear' | 'plan';

export async function hifzStudentFor(
  db: Database,
  viewer: AuthUser,
  documentId: string,
  intent: HifzIntent,
): Promise<HifzStudent> {
  const [row] = await db
    .select({
      id: users.id,
      documentId: users.documentId,
      username: users.username,
      fullName: userProfiles.fullName,
      teacherId: hifzPlans.teacherId,
      planId: hifzPlans.id,
      isChild: sql<boolean>`EXISTS (SELECT 1 FROM ${guardianLinks} WHERE ${guardianLinks.parentId} = ${viewer.id} AND ${guardianLinks.childId} = ${users.id})`,
    })
    .from(users)
    .innerJoin(roles, and(eq(roles.id, users.roleId), eq(roles.type, 'student')))
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
    .leftJoin(hifzPlans, eq(hifzPlans.studentId, users.id))
    .where(eq(users.documentId, documentId));
  const missing = notFound('No such hifz student');
  if (!row) throw missing;
  const student: HifzStudent = {
    id: row.id,
    documentId: row.documentId,
    username: row.username,
    fullName: row.fullName,
    teacherId: row.teacherId,
    hasPlan: row.planId !== null,
  };
  if (mayReach(viewer, student, row.isChild, intent)) return student;
  // A student's own records exist for them; only hearing and planning are someone else's job.
  if (viewer.role === 'student' && viewer.id === student.id) throw forbidden('Only a teacher records and grades hifz');
  if (viewer.role === 'parent' && row.isChild) throw forbidden('Parents read their children’s hifz, never write it');
  if (viewer.role === 'teacher' && intent === 'plan' && student.teacherId !== null)
    throw forbidden('This student is heard by another teacher; an admin can move them');
  throw missing;
}

function mayReach(viewer: AuthUser, student: HifzStudent, isChild: boolean, intent: HifzIntent): boolean {
  switch (viewer.role) {
    case 'admin':
      return true;
    case 'teacher':
      if (intent === 'plan') return student.teacherId === null || student.teacherId === viewer.id;
      return student.teacherId === viewer.id;
    case 'parent':
      return intent === 'read' && isChild;
    case 'student':
      return intent === 'read' && viewer.id === student.id;
    default:
      return false;
  }
}

/** The student as answers name them. */
export const studentRef = ({ documentId, username, fullName }: HifzStudentRef): HifzStudentRef => ({
  documentId,
  username,
  fullName,
});

/** Another person an answer names (a teacher, a grader): their user row and profile, under their own names. */
export function personTables(name: string) {
  const user = alias(users, name);
  const profile = alias(userProfiles, `${name}_profile`);
  return {
    user,
    profile,
    columns: { documentId: user.documentId, username: user.username, fullName: profile.fullName },
    join: [eq(profile.userId, user.id)] as const,
  };
}

/** A left-joined person as answered: null when the row had none. */
export function personRef(
  person: { documentId: string | null; username: string | null; fullName: string | null } | null,
): HifzStudentRef | null {
  return person?.documentId && person.username
    ? { documentId: person.documentId, username: person.username, fullName: person.fullName }
    : null;
}
