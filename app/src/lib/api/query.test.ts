import { describe, expect, it } from 'vitest';
import { toQueryString } from './query';

describe('toQueryString', () => {
  it('writes nested filters, arrays and populate in the bracket form Strapi (qs) reads', () => {
    const query = {
      filters: { category: { $eq: 'quran' }, isPublished: { $eq: true } },
      sort: ['createdAt:desc'],
      populate: { lessons: { sort: ['order:asc'], populate: { media: true } } },
      pagination: { pageSize: 20 },
    };
    expect(decodeURIComponent(toQueryString(query))).toBe(
      'filters[category][$eq]=quran&filters[isPublished][$eq]=true&sort[0]=createdAt:desc' +
        '&populate[lessons][sort][0]=order:asc&populate[lessons][populate][media]=true&pagination[pageSize]=20',
    );
  });

  it('encodes values (Arabic, spaces, ampersands) and leaves undefined out', () => {
    const qs = toQueryString({ filters: { title: { $containsi: 'سورة الفاتحة & more' } }, skip: undefined });
    expect(qs).toBe(`filters[title][$containsi]=${encodeURIComponent('سورة الفاتحة & more')}`);
    expect(new URLSearchParams(qs).get('filters[title][$containsi]')).toBe('سورة الفاتحة & more');
  });
});
