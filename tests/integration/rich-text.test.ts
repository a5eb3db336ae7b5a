import { describe, expect, it } from 'vitest';
import { api, tokenFor, unique } from '../support/api';

const attack =
  '<p dir="rtl" lang="ar" onclick="steal()"><span class="quran-verse">ٱلْحَمْدُ لِلَّهِ</span></p>' +
  '<script>fetch("/api/users/me")</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">click</a>' +
  '<iframe src="https://evil.example"></iframe>';
const cleaned =
  '<p dir="rtl" lang="ar"><span class="quran-verse">ٱلْحَمْدُ لِلَّهِ</span></p>' +
  '<a rel="noopener noreferrer nofollow">click</a>';

describe('rich text is cleaned on the server when it is written', () => {
  it('lesson content and course descriptions keep the editor’s markup and lose script', async () => {
    const token = await tokenFor('teacher.amina');
    const course = await api('/api/courses', {
      token,
      body: { data: { title: unique('Rich '), category: 'quran', description: attack } },
    });
    expect(course.status).toBe(201);
    expect(course.body.data.description).toBe(cleaned);
    const lesson = await api('/api/lessons', {
      token,
      body: { data: { title: 'Al-Fatihah', course: course.body.data.documentId, content: attack } },
    });
    expect(lesson.body.data.content).toBe(cleaned);
    const updated = await api(`/api/lessons/${lesson.body.data.documentId}`, {
      method: 'PUT',
      token,
      body: { data: { content: '<h2>Tajweed</h2><p onmouseover="x()">Madd <strong>ṭabīʿī</strong></p>' } },
    });
    expect(updated.body.data.content).toBe('<h2>Tajweed</h2><p>Madd <strong>ṭabīʿī</strong></p>');
    // What is stored is what is served.
    const read = await api(`/api/lessons/${lesson.body.data.documentId}`, { token });
    expect(read.body.data.content).toBe('<h2>Tajweed</h2><p>Madd <strong>ṭabīʿī</strong></p>');
  });

  it('instructor bios and achievement descriptions are cleaned too', async () => {
    const admin = await tokenFor('admin');
    const instructor = await api('/api/instructors', {
      token: admin,
      body: { data: { name: unique('Shaykh '), bio: attack } },
    });
    expect(instructor.body.data.bio).toBe(cleaned);
    const achievement = await api('/api/achievements', {
      token: admin,
      body: {
        data: {
          title: unique('Hafiz '),
          category: 'streak',
          criteria: { type: 'streak', days: 7 },
          description: '<p>Seven days<style>*{display:none}</style></p><svg onload=alert(1)></svg>',
        },
      },
    });
    expect(achievement.body.data.description).toBe('<p>Seven days</p>');
  });

  it('plain text stays as it was, and over-long text is refused before cleaning', async () => {
    const token = await tokenFor('teacher.amina');
    const plain = await api('/api/courses', {
      token,
      body: { data: { title: unique('Plain '), category: 'fiqh', description: 'Rules of prayer, for beginners.' } },
    });
    expect(plain.body.data.description).toBe('Rules of prayer, for beginners.');
    const long = await api('/api/courses', {
      token,
      body: { data: { title: unique('Long '), category: 'fiqh', description: 'x'.repeat(100_001) } },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.details.errors[0].path).toEqual(['data', 'description']);
  });

  it('a student still may not write rich text anywhere', async () => {
    const r = await api('/api/courses', {
      token: await tokenFor('maryam'),
      body: { data: { title: 'x', category: 'fiqh', description: '<p>x</p>' } },
    });
    expect(r.status).toBe(403);
  });
});
