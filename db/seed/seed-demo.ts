import { eq } from 'drizzle-orm';
import { hashPassword } from '../../worker/lib/passwords';
import type { Database } from '../client';
import {
  achievements,
  courses,
  guardianLinks,
  instructors,
  lessons,
  quizzes,
  roles,
  userProfiles,
  users,
} from '../schema';
import { DEMO_ACHIEVEMENTS, DEMO_COURSES, DEMO_INSTRUCTORS } from './demo-content';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

/** Demo data for every role. Runs once: a database that already has the demo admin is left alone. */
export async function seedDemoData(db: Database): Promise<boolean> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
  if (existing) return false;
  const password = await hashPassword(DEMO_PASSWORD);
  const roleRows = await db.select().from(roles);
  const roleId = (type: string) => roleRows.find((r) => r.type === type)!.id;

  await db.transaction(async (tx) => {
    const ids = new Map<string, number>();
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({ username: u.username, email: u.email, password, roleId: roleId(u.role) })
        .returning({ id: users.id });
      ids.set(u.username, row!.id);
      await tx.insert(userProfiles).values({
        userId: row!.id,
        fullName: u.fullName,
        ageTier: u.ageTier ?? null,
        dateOfBirth: u.dateOfBirth ?? null,
        timeZone: 'Europe/London',
      });
    }
    for (const u of DEMO_USERS) {
      if (u.parent)
        await tx
          .insert(guardianLinks)
          .values({ parentId: ids.get(u.parent)!, childId: ids.get(u.username)!, createdById: ids.get('admin') });
    }
    const instructorIds: number[] = [];
    for (const i of DEMO_INSTRUCTORS) {
      const [row] = await tx
        .insert(instructors)
        .values({
          name: i.name,
          bio: i.bio,
          email: i.email,
          qualifications: [...i.qualifications],
          userId: i.teacher ? ids.get(i.teacher) : null,
        })
        .returning({ id: instructors.id });
      instructorIds.push(row!.id);
    }
    const owners = [ids.get('teacher.amina')!, ids.get('teacher.yusuf')!, ids.get('admin')!];
    for (const [index, c] of DEMO_COURSES.entries()) {
      const { lessons: courseLessons, instructor, ...fields } = c;
      const [course] = await tx
        .insert(courses)
        .values({
          ...fields,
          instructorId: instructorIds[instructor],
          createdById: owners[instructor],
          publishedAt: c.isPublished ? new Date() : null,
          // Distinct creation times give "newest first" a stable, meaningful order.
          createdAt: new Date(Date.UTC(2026, 8, 1 + index)),
        })
        .returning({ id: courses.id });
      for (const [order, l] of courseLessons.entries()) {
        const [lesson] = await tx
          .insert(lessons)
          .values({
            title: l.title,
            type: l.type,
            content: l.content,
            duration: l.duration,
            isLocked: l.isLocked ?? false,
            interactive: l.interactive ?? null,
            order: order + 1,
            courseId: course!.id,
          })
          .returning({ id: lessons.id });
        if (l.quiz)
          await tx.insert(quizzes).values({ ...l.quiz, lessonId: lesson!.id, createdById: owners[instructor] });
      }
    }
    await tx
      .insert(achievements)
      .values(DEMO_ACHIEVEMENTS.map((a) => ({ ...a, criteria: { ...a.criteria }, createdById: ids.get('admin') })));
  });
  return true;
}
