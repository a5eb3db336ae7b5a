import { describe, expect, it } from 'vitest';
import { filtersFromSearch, searchFromFilters } from './catalog-filters';

describe('catalog filters in the address', () => {
  it('round-trips every filter', () => {
    const filters = { search: 'prayer', category: 'fiqh', ageTier: 'adults', difficulty: 'beginner' } as const;
    expect(filtersFromSearch(new URLSearchParams(searchFromFilters(filters)))).toEqual(filters);
  });

  it('ignores values the catalog does not offer and leaves out empty ones', () => {
    expect(filtersFromSearch(new URLSearchParams('category=poetry&age=&level=expert&q='))).toEqual({
      search: undefined,
      category: undefined,
      ageTier: undefined,
      difficulty: undefined,
    });
    expect(searchFromFilters({ search: '  ' })).toBe('');
  });
});
