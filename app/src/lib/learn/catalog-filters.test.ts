import { describe, expect, it } from 'vitest';
import { filtersFromSearch } from './catalog-filters';

describe('catalog filters in the address', () => {
  it('reads every filter the form writes', () => {
    expect(filtersFromSearch(new URLSearchParams('q=prayer&category=fiqh&age=adults&level=beginner'))).toEqual({
      search: 'prayer',
      category: 'fiqh',
      ageTier: 'adults',
      difficulty: 'beginner',
    });
  });

  it('ignores values the catalog does not offer and leaves out empty ones', () => {
    expect(filtersFromSearch(new URLSearchParams('q=&category=poetry&age=&level=expert'))).toEqual({
      search: undefined,
      category: undefined,
      ageTier: undefined,
      difficulty: undefined,
    });
  });
});
