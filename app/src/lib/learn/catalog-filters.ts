// The catalog's filters live in the page address (?q=&category=&age=&level=), so a filtered list can be
// shared, reloaded and reached again with the back button.
import type { AgeTier, CatalogFilters, Category, Difficulty } from '$lib/api/learner';

export const CATEGORIES: Category[] = ['quran', 'hadith', 'fiqh', 'seerah', 'aqeedah', 'general'];
export const AGE_TIERS: AgeTier[] = ['children', 'youth', 'adults', 'all'];
export const DIFFICULTIES: Difficulty[] = ['beginner', 'intermediate', 'advanced'];

const pick = <T extends string>(values: T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

export function filtersFromSearch(params: URLSearchParams): CatalogFilters {
  return {
    search: params.get('q')?.slice(0, 100) || undefined,
    category: pick(CATEGORIES, params.get('category')),
    ageTier: pick(AGE_TIERS, params.get('age')),
    difficulty: pick(DIFFICULTIES, params.get('level')),
  };
}

export function searchFromFilters(filters: CatalogFilters): string {
  const params = new URLSearchParams();
  if (filters.search?.trim()) params.set('q', filters.search.trim());
  if (filters.category) params.set('category', filters.category);
  if (filters.ageTier) params.set('age', filters.ageTier);
  if (filters.difficulty) params.set('level', filters.difficulty);
  const search = params.toString();
  return search ? `?${search}` : '';
}
