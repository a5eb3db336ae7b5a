// The catalog's filters live in the page address (?q=&category=&age=&level=, written by its GET form),
// so a filtered list can be shared and reloaded.
import type { AgeTier, CatalogFilters, Category, Difficulty } from '$lib/api/learner';

export const CATEGORIES: Category[] = ['quran', 'hadith', 'fiqh', 'seerah', 'aqeedah', 'general'];
export const AGE_TIERS: AgeTier[] = ['children', 'youth', 'adults', 'all'];
export const DIFFICULTIES: Difficulty[] = ['beginner', 'intermediate', 'advanced'];

const pick = <T extends string>(values: T[], value: string | null): T | undefined => values.find((v) => v === value);

export function filtersFromSearch(params: URLSearchParams): CatalogFilters {
  return {
    search: params.get('q')?.slice(0, 100) || undefined,
    category: pick(CATEGORIES, params.get('category')),
    ageTier: pick(AGE_TIERS, params.get('age')),
    difficulty: pick(DIFFICULTIES, params.get('level')),
  };
}
