import { describe, expect, it } from 'vitest';
import { api, tokenFor } from '../support/api';

// Other test files add courses while this one runs; these assertions are about the demo catalogue only.
const DEMO_ONLY = 'filters[createdAt][$lt]=2026-10-01';
const get = (path: string, token?: string) =>
  api(path.startsWith('/api/courses?') ? `${path}&${DEMO_ONLY}` : path, { token });
const titles = (r: { body: { data: { title: string }[] } }) => r.body.data.map((c) => c.title);

describe('filters: every operator', () => {
  const cases: [string, (c: any) => boolean][] = [
    ['filters[category][$eq]=quran', (c) => c.category === 'quran'],
    ['filters[category]=hadith', (c) => c.category === 'hadith'],
    ['filters[title][$eqi]=FORTY HADITH OF IMAM AN-NAWAWI', (c) => c.title === 'Forty Hadith of Imam an-Nawawi'],
    ['filters[category][$ne]=quran', (c) => c.category !== 'quran'],
    ['filters[title][$nei]=forty hadith of imam an-nawawi', (c) => c.title !== 'Forty Hadith of Imam an-Nawawi'],
    ['filters[estimatedDuration][$lt]=240', (c) => c.estimatedDuration !== null && c.estimatedDuration < 240],
    ['filters[estimatedDuration][$lte]=240', (c) => c.estimatedDuration !== null && c.estimatedDuration <= 240],
    ['filters[estimatedDuration][$gt]=300', (c) => c.estimatedDuration !== null && c.estimatedDuration > 300],
    ['filters[estimatedDuration][$gte]=300', (c) => c.estimatedDuration !== null && c.estimatedDuration >= 300],
    ['filters[category][$in][0]=fiqh&filters[category][$in][1]=seerah', (c) => ['fiqh', 'seerah'].includes(c.category)],
    [
      'filters[category][$notIn][0]=fiqh&filters[category][$notIn][1]=seerah',
      (c) => !['fiqh', 'seerah'].includes(c.category),
    ],
    ['filters[title][$contains]=Hadith', (c) => c.title.includes('Hadith')],
    ['filters[title][$notContains]=Hadith', (c) => !c.title.includes('Hadith')],
    ['filters[title][$containsi]=hadith', (c) => /hadith/i.test(c.title)],
    ['filters[title][$notContainsi]=HADITH', (c) => !/hadith/i.test(c.title)],
    ['filters[estimatedDuration][$null]=true', (c) => c.estimatedDuration === null],
    ['filters[estimatedDuration][$notNull]=true', (c) => c.estimatedDuration !== null],
    ['filters[estimatedDuration][$ne]=240', (c) => c.estimatedDuration !== 240],
    [
      'filters[estimatedDuration][$between][0]=200&filters[estimatedDuration][$between][1]=300',
      (c) => c.estimatedDuration !== null && c.estimatedDuration >= 200 && c.estimatedDuration <= 300,
    ],
    ['filters[title][$startsWith]=The', (c) => c.title.startsWith('The')],
    ['filters[title][$startsWithi]=the', (c) => /^the/i.test(c.title)],
    ['filters[title][$endsWith]=Tajweed', (c) => c.title.endsWith('Tajweed')],
    ['filters[title][$endsWithi]=TAJWEED', (c) => /tajweed$/i.test(c.title)],
    ['filters[tags][$contains]=tajweed', (c) => c.tags.includes('tajweed')],
    ['filters[createdAt][$gte]=2026-09-04T00:00:00Z', (c) => c.createdAt >= '2026-09-04'],
  ];
  const all = async () => (await get('/api/courses?pagination[pageSize]=100')).body.data as any[];

  it.each(cases)('%s returns exactly the matching published courses', async (query, predicate) => {
    const everything = await all();
    const r = await get(`/api/courses?${query}&pagination[pageSize]=100`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const expected = everything
      .filter(predicate)
      .map((c) => c.title)
      .sort();
    expect(expected.length, 'the case must select something').toBeGreaterThan(0);
    expect(expected.length, 'the case must leave something out').toBeLessThan(everything.length);
    expect(titles(r).sort()).toEqual(expected);
  });

  it('combines with $or, $and and $not', async () => {
    const or = await get('/api/courses?filters[$or][0][category][$eq]=fiqh&filters[$or][1][category][$eq]=hadith');
    expect(new Set(or.body.data.map((c: any) => c.category))).toEqual(new Set(['fiqh', 'hadith']));
    const and = await get('/api/courses?filters[$and][0][ageTier][$eq]=children&filters[$and][1][category][$eq]=quran');
    expect(titles(and)).toEqual(['Reading Juz ‘Amma with Tajweed']);
    const not = await get('/api/courses?filters[$not][ageTier][$eq]=children&pagination[pageSize]=100');
    expect(not.body.data.every((c: any) => c.ageTier !== 'children')).toBe(true);
    expect(not.body.data.length).toBeGreaterThan(0);
  });

  it('filters through relations', async () => {
    const byInstructor = await get('/api/courses?filters[instructor][name][$containsi]=yusuf');
    expect(titles(byInstructor).sort()).toEqual(['Forty Hadith of Imam an-Nawawi', 'The Life of the Prophet ﷺ']);
    const course = (await get('/api/courses?filters[category][$eq]=fiqh')).body.data[0];
    const lessons = await get(`/api/lessons?filters[course][documentId][$eq]=${course.documentId}&sort[0]=order:asc`);
    expect(lessons.body.data.map((l: any) => l.order)).toEqual([1, 2, 3]);
    const withVideo = await get('/api/courses?filters[lessons][type][$eq]=video&pagination[pageSize]=100');
    expect(titles(withVideo).sort()).toEqual(
      [
        'Fiqh of Purification and Prayer',
        'Forty Hadith of Imam an-Nawawi',
        'Reading Juz ‘Amma with Tajweed',
        'The Life of the Prophet ﷺ',
      ].sort(),
    );
    const noCover = await get('/api/courses?filters[coverImage][$null]=true&pagination[pageSize]=100');
    expect(noCover.body.data.length).toBeGreaterThan(0);
  });

  it('values reach SQL as parameters: quotes and wildcards are literal', async () => {
    const r = await get(`/api/courses?filters[title][$contains]=${encodeURIComponent("' OR 1=1 --")}`);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([]);
    const percent = await get('/api/courses?filters[title][$contains]=%25');
    expect(percent.body.data).toEqual([]);
  });
});

describe('unknown fields, operators and relations are 400s that name them', () => {
  const bad: [string, RegExp][] = [
    ['filters[nope][$eq]=1', /nope/],
    ['filters[title][$like]=x', /\$like/],
    ['filters[instructor][salary][$gt]=1', /salary/],
    ['filters[estimatedDuration][$gt]=abc', /integer/],
    ['filters[category][$eq]=astrology', /quran/],
    ['filters[createdAt][$gt]=yesterday', /date-time/],
    ['filters[estimatedDuration][$between][0]=1', /two values/],
    ['sort=nope:asc', /nope/],
    ['sort=title:sideways', /asc or desc/],
    ['sort=tags', /JSON/],
    ['populate=nope', /nope/],
    ['populate[lessons][populate][nope]=*', /nope/],
    ['populate[lessons][limit]=3', /limit/],
    ['fields[0]=nope', /nope/],
    ['pagination[pageSize]=101', /at most 100/],
    ['pagination[page]=0', /at least 1/],
    ['pagination[page]=1&pagination[start]=0', /either/],
    ['status=archived', /draft or published/],
    ['filterz[title]=x', /filterz/],
  ];
  it.each(bad)('%s', async (query, message) => {
    const r = await get(`/api/courses?${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.error.name).toBe('ValidationError');
    expect(r.body.error.message).toMatch(message);
    expect(r.body.error.details.errors[0].path.length).toBeGreaterThan(0);
  });
});

describe('sort', () => {
  it('accepts a string, a comma list, an array and an object', async () => {
    const byTitle = titles(await get('/api/courses?sort=title&pagination[pageSize]=100'));
    expect(byTitle).toEqual([...byTitle].sort((a, b) => (a < b ? -1 : 1)));
    const desc = titles(await get('/api/courses?sort[0]=title:desc&pagination[pageSize]=100'));
    expect(desc).toEqual([...byTitle].reverse());
    const object = titles(await get('/api/courses?sort[title]=desc&pagination[pageSize]=100'));
    expect(object).toEqual(desc);
    // Enums sort in their declared order, as Postgres does.
    const tier = (t: string) => ['children', 'youth', 'adults', 'all'].indexOf(t);
    const multi = (await get('/api/courses?sort=ageTier:asc,title:desc&pagination[pageSize]=100')).body.data;
    for (let i = 1; i < multi.length; i++) {
      const [a, b] = [multi[i - 1], multi[i]];
      expect(tier(a.ageTier) < tier(b.ageTier) || (a.ageTier === b.ageTier && a.title >= b.title)).toBe(true);
    }
  });

  it('sorts on a relation field', async () => {
    const r = await get(
      '/api/courses?sort=instructor.name:asc&populate[instructor][fields][0]=name&pagination[pageSize]=100',
    );
    const names = r.body.data.map((c: any) => c.instructor?.name ?? '');
    expect(names).toEqual([...names].sort());
  });
});

describe('pagination', () => {
  it('pages by page/pageSize with pageCount and total', async () => {
    const first = await get('/api/courses?pagination[page]=1&pagination[pageSize]=4&sort=title');
    const second = await get('/api/courses?pagination[page]=2&pagination[pageSize]=4&sort=title');
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 4, pageCount: 2, total: 6 });
    expect(first.body.data).toHaveLength(4);
    expect(second.body.data).toHaveLength(2);
    expect(new Set([...titles(first), ...titles(second)]).size).toBe(6);
  });

  it('a page past the end is empty but still counts', async () => {
    const r = await get('/api/courses?pagination[page]=9&pagination[pageSize]=4');
    expect(r.body.data).toEqual([]);
    expect(r.body.meta.pagination).toEqual({ page: 9, pageSize: 4, pageCount: 2, total: 6 });
  });

  it('pages by start/limit', async () => {
    const r = await get('/api/courses?pagination[start]=2&pagination[limit]=3&sort=title');
    expect(r.body.meta.pagination).toEqual({ start: 2, limit: 3, total: 6 });
    expect(titles(r)).toEqual(titles(await get('/api/courses?sort=title')).slice(2, 5));
  });

  it('withCount=false leaves the count out', async () => {
    const r = await get('/api/courses?pagination[pageSize]=2&pagination[withCount]=false');
    expect(r.body.meta.pagination).toEqual({ page: 1, pageSize: 2 });
  });

  it('defaults to 25 per page', async () => {
    expect((await get('/api/courses')).body.meta.pagination.pageSize).toBe(25);
  });
});

describe('populate and fields', () => {
  it('populate=* fills every relation one level deep', async () => {
    const r = await get('/api/courses?populate=*&filters[category][$eq]=quran');
    const course = r.body.data[0];
    expect(course.instructor.name).toBe('Ustadha Amina Rahman');
    expect(course.lessons.map((l: any) => l.order)).toEqual([1, 2, 3, 4]);
    expect(course.coverImage).toBeNull();
    expect(course.prerequisites).toEqual([]);
    expect(course.lessons[0].quiz).toBeUndefined();
  });

  it('leaves out of populate=* what the viewer may not read, and refuses it by name', async () => {
    const anonymous = (await get('/api/lessons?populate=*')).body.data[0];
    expect(anonymous).not.toHaveProperty('quiz');
    expect(anonymous).toHaveProperty('course');
    expect((await get('/api/lessons?populate=quiz')).status).toBe(400);
    expect((await get('/api/lessons?populate=*', await tokenFor('ali'))).body.data[0]).toHaveProperty('quiz');
  });

  it('populate as a list and as true', async () => {
    const list = (await get('/api/courses?populate=instructor,lessons&filters[category][$eq]=fiqh')).body.data[0];
    expect(list.instructor).toBeTruthy();
    expect(list.lessons.length).toBe(3);
    const asTrue = (await get('/api/courses?populate[instructor]=true&filters[category][$eq]=fiqh')).body.data[0];
    expect(asTrue.instructor.name).toBeTruthy();
    expect(asTrue.lessons).toBeUndefined();
  });

  it('nested populate carries its own fields, filters, sort and populate', async () => {
    const q =
      'filters[category][$eq]=quran&populate[lessons][fields][0]=title&populate[lessons][fields][1]=order&populate[lessons][sort][0]=order:desc&populate[lessons][filters][type][$ne]=audio&populate[lessons][populate][quiz][fields][0]=title';
    const r = await get('/api/courses?' + q, await tokenFor('ali'));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const course = r.body.data[0];
    expect(course.lessons.map((l: any) => l.order)).toEqual([4, 3, 1]);
    expect(Object.keys(course.lessons[1]).sort()).toEqual(['documentId', 'id', 'order', 'quiz', 'title']);
    expect(course.lessons[0].quiz).toEqual({
      id: expect.any(Number),
      documentId: expect.any(String),
      title: 'Al-Fatiha check',
    });
    expect(course.lessons[1].quiz).toBeNull();
  });

  it('dotted populate paths reach through relations', async () => {
    const course = (
      await get('/api/courses?populate[0]=lessons.quiz&filters[category][$eq]=quran', await tokenFor('ali'))
    ).body.data[0];
    expect(course.lessons.find((l: any) => l.quiz)?.quiz.title).toBe('Al-Fatiha check');
  });

  it('fields limits the attributes; id and documentId always come', async () => {
    const r = await get('/api/courses?fields[0]=title&fields[1]=category');
    expect(Object.keys(r.body.data[0]).sort()).toEqual(['category', 'documentId', 'id', 'title']);
    const comma = await get('/api/courses?fields=title');
    expect(Object.keys(comma.body.data[0]).sort()).toEqual(['documentId', 'id', 'title']);
  });

  it('a list with populate costs one round trip whatever the page size (no N+1), and opens no session', async () => {
    const q = (size: number) =>
      `/api/courses?populate[lessons][populate][media]=*&populate[instructor]=*&populate[prerequisites]=*&populate[coverImage]=*&pagination[pageSize]=${size}`;
    const one = await get(q(1));
    const many = await get(q(50));
    expect(many.body.data.length).toBeGreaterThan(1);
    expect(one.headers.get('x-db-queries')).toBe('1');
    expect(many.headers.get('x-db-queries')).toBe('1');
    expect(many.headers.get('x-db-sessions')).toBe('0');
    const signedIn = await get(q(50).replace('[media]', '[quiz]'), await tokenFor('ali'));
    expect(signedIn.status).toBe(200);
    // The token's user check rides in the same HTTP batch as the page: still one round trip, no session.
    expect(signedIn.headers.get('x-db-queries')).toBe('1');
    expect(signedIn.headers.get('x-db-sessions')).toBe('0');
  });
});
