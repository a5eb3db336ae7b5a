import { describe, expect, it } from 'vitest';
import { api, tokenFor, unique } from '../support/api';

async function ownCourse(teacher: string) {
  const r = await api('/api/courses', {
    token: await tokenFor(teacher),
    body: { data: { title: unique('Course '), category: 'seerah' } },
  });
  expect(r.status).toBe(201);
  return r.body.data;
}

const question = {
  id: 'q1',
  type: 'single_choice',
  prompt: 'Which month is Ramadan?',
  options: ['8th', '9th', '10th'],
  answer: 1,
};

describe('lessons', () => {
  it('a teacher adds lessons to their own course, reorders and deletes them', async () => {
    const token = await tokenFor('teacher.yusuf');
    const course = await ownCourse('teacher.yusuf');
    const created = await api('/api/lessons?populate=course', {
      token,
      body: { data: { title: 'Badr', type: 'video', course: course.documentId, order: 1, duration: 12 } },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      title: 'Badr',
      type: 'video',
      order: 1,
      isLocked: false,
      course: { documentId: course.documentId },
    });
    const moved = await api(`/api/lessons/${created.body.data.documentId}`, {
      method: 'PUT',
      token,
      body: { data: { order: 5, isLocked: true } },
    });
    expect(moved.body.data).toMatchObject({ order: 5, isLocked: true });
    expect((await api(`/api/lessons/${created.body.data.documentId}`, { method: 'DELETE', token })).status).toBe(204);
  });

  it('a teacher may not add a lesson to another teacher’s course, nor edit its lessons', async () => {
    const course = await ownCourse('teacher.amina');
    const other = await tokenFor('teacher.yusuf');
    const refused = await api('/api/lessons', {
      token: other,
      body: { data: { title: 'Intruder', course: course.documentId } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/course/);
    const lesson = await api('/api/lessons', {
      token: await tokenFor('teacher.amina'),
      body: { data: { title: 'Mine', course: course.documentId } },
    });
    expect(
      (
        await api(`/api/lessons/${lesson.body.data.documentId}`, {
          method: 'PUT',
          token: other,
          body: { data: { title: 'Taken' } },
        })
      ).status,
    ).toBe(404);
    await api(`/api/courses/${course.documentId}`, {
      method: 'PUT',
      token: await tokenFor('teacher.amina'),
      body: { data: { isPublished: true } },
    });
    // Published, so readable by the other teacher: now the refusal is a 403.
    expect(
      (
        await api(`/api/lessons/${lesson.body.data.documentId}`, {
          method: 'PUT',
          token: other,
          body: { data: { title: 'Taken' } },
        })
      ).status,
    ).toBe(403);
  });

  it('students may read lessons but not write them', async () => {
    const course = (await api('/api/courses?filters[category][$eq]=fiqh')).body.data[0];
    expect(
      (
        await api('/api/lessons', {
          token: await tokenFor('ali'),
          body: { data: { title: 'x', course: course.documentId } },
        })
      ).status,
    ).toBe(403);
  });

  it('a lesson without a course, or with an unknown type, is refused with the field named', async () => {
    const token = await tokenFor('admin');
    const noCourse = await api('/api/lessons', { token, body: { data: { title: 'Orphan' } } });
    expect(noCourse.status).toBe(400);
    expect(noCourse.body.error.details.errors[0].path).toEqual(['data', 'course']);
    const badType = await api('/api/lessons', {
      token,
      body: { data: { title: 'x', course: 'abc', type: 'podcast' } },
    });
    expect(badType.body.error.details.errors[0].path).toEqual(['data', 'type']);
    expect((await api('/api/lessons', { token, body: { title: 'not wrapped in data' } })).status).toBe(400);
  });
});

describe('quizzes', () => {
  it('a teacher creates a quiz for their lesson; the student view has no answers', async () => {
    const token = await tokenFor('teacher.yusuf');
    const course = await ownCourse('teacher.yusuf');
    await api(`/api/courses/${course.documentId}`, { method: 'PUT', token, body: { data: { isPublished: true } } });
    const lesson = await api('/api/lessons', {
      token,
      body: { data: { title: 'Quiz lesson', type: 'quiz', course: course.documentId } },
    });
    const quiz = await api('/api/quizzes', {
      token,
      body: {
        data: {
          title: 'Ramadan',
          lesson: lesson.body.data.documentId,
          questions: [question],
          passingScore: 60,
          timeLimit: 300,
        },
      },
    });
    expect(quiz.status).toBe(201);
    expect(quiz.body.data.questions[0].answer).toBe(1);
    const seen = await api(`/api/quizzes/${quiz.body.data.documentId}`, { token: await tokenFor('ali') });
    expect(seen.status).toBe(200);
    expect(seen.body.data.questions[0]).not.toHaveProperty('answer');
    expect(seen.body.data.questions[0].options).toEqual(['8th', '9th', '10th']);
  });

  it('questions are validated: answers must point at options', async () => {
    const token = await tokenFor('admin');
    const r = await api('/api/quizzes', {
      token,
      body: { data: { title: 'Bad', questions: [{ ...question, answer: 7 }] } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.errors[0].path).toEqual(['data', 'questions', 0, 'answer']);
    const ordering = await api('/api/quizzes', {
      token,
      body: {
        data: {
          title: 'Bad order',
          questions: [{ id: 'o', type: 'ordering', prompt: 'Order', options: ['a', 'b', 'c'], answer: [0, 0, 1] }],
        },
      },
    });
    expect(ordering.status).toBe(400);
  });

  it('anonymous visitors cannot read quizzes; a student cannot write them', async () => {
    expect((await api('/api/quizzes')).status).toBe(401);
    expect((await api('/api/quizzes', { token: await tokenFor('zaid'), body: { data: { title: 'x' } } })).status).toBe(
      403,
    );
  });
});

describe('instructors and achievements', () => {
  it('admins manage instructors; teachers only read them', async () => {
    const admin = await tokenFor('admin');
    const created = await api('/api/instructors', {
      token: admin,
      body: { data: { name: 'Shaykh Test', qualifications: ['Ijazah'], email: 'shaykh@example.test' } },
    });
    expect(created.status).toBe(201);
    expect(
      (await api('/api/instructors', { token: await tokenFor('teacher.amina'), body: { data: { name: 'Nope' } } }))
        .status,
    ).toBe(403);
    expect(
      (await api(`/api/instructors/${created.body.data.documentId}`, { method: 'DELETE', token: admin })).status,
    ).toBe(204);
  });

  it('teachers create achievements with valid criteria; only admins change them', async () => {
    const teacher = await tokenFor('teacher.amina');
    const created = await api('/api/achievements', {
      token: teacher,
      body: {
        data: {
          title: unique('Ten lessons '),
          criteria: { type: 'participation', lessons: 10 },
          category: 'participation',
          points: 5,
          badgeType: 'bronze',
        },
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect(
      (await api(`/api/achievements/${id}`, { method: 'PUT', token: teacher, body: { data: { points: 500 } } })).status,
    ).toBe(403);
    expect(
      (
        await api(`/api/achievements/${id}`, {
          method: 'PUT',
          token: await tokenFor('admin'),
          body: { data: { points: 15 } },
        })
      ).body.data.points,
    ).toBe(15);
    const mismatch = await api('/api/achievements', {
      token: teacher,
      body: { data: { title: 'x', criteria: { type: 'streak', days: 3 }, category: 'participation' } },
    });
    expect(mismatch.status).toBe(400);
    const unknownCriteria = await api('/api/achievements', {
      token: teacher,
      body: { data: { title: 'x', criteria: { type: 'vibes' }, category: 'streak' } },
    });
    expect(unknownCriteria.status).toBe(400);
    expect(
      (await api('/api/achievements', { token: await tokenFor('ali'), body: { data: { title: 'x' } } })).status,
    ).toBe(403);
  });
});
