import { describe, expect, it } from 'vitest';
import { api, tokenFor, unique } from '../support/api';

const create = async (criteria: unknown, category = 'streak') =>
  api('/api/achievements', {
    token: await tokenFor('teacher.amina'),
    body: { data: { title: unique('Badge '), category, criteria } },
  });

describe('achievement criteria', () => {
  it('their JSON Schema is served to those who write achievements, for building the form', async () => {
    const r = await api('/api/achievement-criteria', { token: await tokenFor('teacher.amina') });
    expect(r.status).toBe(200);
    const kinds = r.body.data.oneOf ?? r.body.data.anyOf;
    expect(kinds.map((k: any) => k.properties.type.const).sort()).toEqual([
      'course_completion',
      'hifz_juz',
      'hifz_juz_count',
      'hifz_surah',
      'participation',
      'quiz_mastery',
      'streak',
    ]);
    const mastery = kinds.find((k: any) => k.properties.type.const === 'quiz_mastery');
    expect(mastery.properties.minScore).toMatchObject({ type: 'integer', minimum: 0, maximum: 100 });
    expect(mastery.required.sort()).toEqual(['count', 'minScore', 'type']);
  });

  it('students, parents and visitors do not get it', async () => {
    expect((await api('/api/achievement-criteria', { token: await tokenFor('maryam') })).status).toBe(403);
    expect((await api('/api/achievement-criteria', { token: await tokenFor('parent.fatima') })).status).toBe(403);
    expect((await api('/api/achievement-criteria')).status).toBe(401);
  });

  it('a valid criterion is stored', async () => {
    const r = await create({ type: 'quiz_mastery', minScore: 90, count: 3 }, 'quiz_mastery');
    expect(r.status).toBe(201);
    expect(r.body.data.criteria).toEqual({ type: 'quiz_mastery', minScore: 90, count: 3 });
  });

  it('an error names the criteria field that is wrong', async () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [{ type: 'streak', days: 'seven' }, 'streak', ['data', 'criteria', 'days']],
      [{ type: 'streak' }, 'streak', ['data', 'criteria', 'days']],
      [{ type: 'quiz_mastery', minScore: 150, count: 1 }, 'quiz_mastery', ['data', 'criteria', 'minScore']],
      [{ type: 'streak', days: 3, count: 2 }, 'streak', ['data', 'criteria', 'count']],
      [{ type: 'memorised_juz', juz: 30 }, 'streak', ['data', 'criteria', 'type']],
      [{ type: 'participation', lessons: 5 }, 'streak', ['data', 'criteria', 'type']],
    ];
    for (const [criteria, category, path] of cases) {
      const r = await create(criteria, category);
      expect(r.status, JSON.stringify(criteria)).toBe(400);
      expect(
        r.body.error.details.errors.map((e: any) => e.path),
        JSON.stringify(criteria),
      ).toContainEqual(path);
      expect(r.body.error.message, JSON.stringify(criteria)).toContain(path.slice(1).join('.'));
    }
  });
});
