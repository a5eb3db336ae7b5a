import { describe, expect, it } from 'vitest';
import { api, tokenFor } from '../support/api';

const DRAFT = 'Tafsir of Surah Al-Kahf (draft)';
const ROLES = [undefined, 'zaid', 'parent.fatima', 'teacher.yusuf', 'teacher.amina', 'admin'] as const;

async function draftCourse() {
  const r = await api(`/api/courses?filters[title][$eq]=${encodeURIComponent(DRAFT)}`, {
    token: await tokenFor('admin'),
  });
  return r.body.data[0];
}

describe('drafts, per role', () => {
  it('the lessons of a draft course are seen only by its owner and admins', async () => {
    const course = await draftCourse();
    const expectations: Record<string, number> = {
      anonymous: 0,
      zaid: 0,
      'parent.fatima': 0,
      'teacher.yusuf': 0,
      'teacher.amina': 1,
      admin: 1,
    };
    for (const user of ROLES) {
      const token = user ? await tokenFor(user) : undefined;
      const r = await api(`/api/lessons?filters[course][documentId][$eq]=${course.documentId}`, { token });
      expect(r.status).toBe(200);
      expect(r.body.data.length, user ?? 'anonymous').toBe(expectations[user ?? 'anonymous']);
    }
  });

  it('a draft lesson by documentId is a 404 for a student and a 200 for the owner', async () => {
    const course = await draftCourse();
    const lesson = (
      await api(`/api/lessons?filters[course][documentId][$eq]=${course.documentId}`, {
        token: await tokenFor('teacher.amina'),
      })
    ).body.data[0];
    expect((await api(`/api/lessons/${lesson.documentId}`, { token: await tokenFor('zaid') })).status).toBe(404);
    expect((await api(`/api/lessons/${lesson.documentId}`)).status).toBe(404);
    expect((await api(`/api/lessons/${lesson.documentId}`, { token: await tokenFor('teacher.amina') })).status).toBe(
      200,
    );
  });

  it('status=draft lists drafts for those who may see them, and nothing for a student', async () => {
    const admin = await api('/api/courses?status=draft&filters[createdAt][$lt]=2026-10-01', {
      token: await tokenFor('admin'),
    });
    expect(admin.body.data.every((c: any) => c.isPublished === false)).toBe(true);
    expect(admin.body.data.map((c: any) => c.title)).toContain(DRAFT);
    expect((await api('/api/courses?status=draft', { token: await tokenFor('zaid') })).body.data).toEqual([]);
    const published = await api('/api/courses?status=published&pagination[pageSize]=100', {
      token: await tokenFor('teacher.amina'),
    });
    expect(published.body.data.map((c: any) => c.title)).not.toContain(DRAFT);
  });

  it('a draft cannot be probed through a relation filter or populate', async () => {
    const course = await draftCourse();
    const r = await api(`/api/lessons?filters[course][title][$eq]=${encodeURIComponent(DRAFT)}`);
    expect(r.body.data).toEqual([]);
    const withPrereq = await api(`/api/courses?filters[prerequisites][documentId][$eq]=${course.documentId}`);
    expect(withPrereq.body.data).toEqual([]);
  });
});

describe('no field leaks, per role', () => {
  const paths = [
    '/api/courses?populate[lessons][populate]=*&populate[instructor]=*&populate[prerequisites]=*&pagination[pageSize]=100',
    '/api/lessons?populate=*&pagination[pageSize]=100',
    '/api/instructors?populate=*',
    '/api/achievements?populate=*',
    '/api/quizzes?populate=*',
  ];

  it.each(ROLES.map((r) => [r ?? 'anonymous']))(
    '%s never receives hashes, tokens, other people’s e-mails or (unless staff) quiz answers',
    async (who) => {
      const token = who === 'anonymous' ? undefined : await tokenFor(who);
      const staff = who.startsWith('teacher') || who === 'admin';
      for (const path of paths) {
        const r = await api(path, { token });
        if (path.startsWith('/api/quizzes') && !token) {
          expect(r.status).toBe(401);
          continue;
        }
        expect(r.status, `${who} ${path} ${JSON.stringify(r.body)}`).toBe(200);
        const text = JSON.stringify(r.body);
        expect(text).not.toMatch(/pbkdf2|password|tokenHash|token_hash|refresh/i);
        if (staff) {
          // Positive control: the same checks would see answers and e-mails if they were there.
          if (path.startsWith('/api/quizzes')) expect(text).toContain('"answer"');
          if (path.startsWith('/api/instructors')) expect(text).toMatch(/@attaqwa\.test/);
        } else {
          expect(text.includes('"answer"'), `${who} ${path}`).toBe(false);
          expect(/@attaqwa\.test/.test(text), `${who} ${path}`).toBe(false);
        }
      }
    },
  );

  it('students get quiz questions without answers, teachers with them', async () => {
    const student = await api('/api/quizzes?filters[title][$eq]=The%20five%20pillars', {
      token: await tokenFor('maryam'),
    });
    const question = student.body.data[0].questions[0];
    expect(question).toMatchObject({
      id: 'q1',
      type: 'multiple_choice',
      prompt: expect.any(String),
      options: expect.any(Array),
    });
    expect(question).not.toHaveProperty('answer');
    const teacher = await api('/api/quizzes?filters[title][$eq]=The%20five%20pillars', {
      token: await tokenFor('teacher.yusuf'),
    });
    expect(teacher.body.data[0].questions[0].answer).toEqual([0, 1, 2]);
  });

  it('a student cannot filter or sort on a field they may not read', async () => {
    const token = await tokenFor('zaid');
    expect((await api('/api/instructors?filters[email][$contains]=@', { token })).status).toBe(400);
    expect((await api('/api/instructors?sort=email', { token })).status).toBe(400);
    expect((await api('/api/instructors?fields[0]=email', { token })).status).toBe(400);
  });
});
