import { describe, expect, it } from 'vitest';
import { catalogQuery } from './learner';
import { toQueryString } from './query';

describe('catalogQuery', () => {
  it('asks only for published courses when nothing is chosen', () => {
    expect(catalogQuery({}).filters).toEqual({ $and: [{ isPublished: { $eq: true } }] });
  });

  it('searches title and description and keeps family courses in every age tier', () => {
    const { filters } = catalogQuery({
      search: '  hadith ',
      category: 'hadith',
      ageTier: 'youth',
      difficulty: 'intermediate',
    });
    expect(filters).toEqual({
      $and: [
        { isPublished: { $eq: true } },
        { $or: [{ title: { $containsi: 'hadith' } }, { description: { $containsi: 'hadith' } }] },
        { category: { $eq: 'hadith' } },
        { ageTier: { $in: ['youth', 'all'] } },
        { difficulty: { $eq: 'intermediate' } },
      ],
    });
  });

  it('encodes in Strapi’s bracket format', () => {
    const query = decodeURIComponent(toQueryString(catalogQuery({ search: 'wudu' })));
    expect(query).toContain('filters[$and][1][$or][0][title][$containsi]=wudu');
    expect(query).toContain('sort[0]=title:asc');
  });
});
