import { expect } from 'vitest';
import { api, registerStudent, tokenFor, unique } from './api';

/** A published course with `lessonCount` lessons (the last `locked` of them locked), owned by teacher.amina. */
export async function publishedCourse(
  options: { lessonCount?: number; locked?: number; prerequisites?: string[]; quiz?: unknown } = {},
) {
  const teacher = await tokenFor('teacher.amina');
  const course = await api('/api/courses', {
    token: teacher,
    body: {
      data: {
        title: unique('Learning '),
        category: 'quran',
        isPublished: true,
        prerequisites: options.prerequisites ?? [],
      },
    },
  });
  expect(course.status, JSON.stringify(course.body)).toBe(201);
  const count = options.lessonCount ?? 2;
  const lessons: { documentId: string; order: number }[] = [];
  for (let order = 1; order <= count; order++) {
    const isLocked = order > count - (options.locked ?? 0);
    const lesson = await api('/api/lessons', {
      token: teacher,
      body: {
        data: { title: `Lesson ${order}`, order, course: course.body.data.documentId, isLocked, type: 'article' },
      },
    });
    expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
    lessons.push(lesson.body.data);
  }
  return { course: course.body.data, lessons, teacher };
}

export const event = (lesson: string, fields: Record<string, unknown> = {}) => ({
  eventId: crypto.randomUUID(),
  lesson,
  progress: 50,
  completed: false,
  timeSpent: 60,
  ...fields,
});

export { registerStudent };
