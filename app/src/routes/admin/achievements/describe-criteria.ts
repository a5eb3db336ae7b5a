import type en from '$lib/i18n/books/admin/en';

type Words = (typeof en)['adminContent'];
const n = (value: unknown) => (typeof value === 'number' ? value : 0);

/** Stored criteria in words ("Complete 3 courses"); an unknown kind shows as it is stored. */
export function describeCriteria(criteria: Record<string, unknown>, t: Words): string {
  switch (criteria.type) {
    case 'course_completion':
      return t.summary.course_completion({ count: n(criteria.count) });
    case 'quiz_mastery':
      return t.summary.quiz_mastery({ count: n(criteria.count), minScore: n(criteria.minScore) });
    case 'streak':
      return t.summary.streak({ days: n(criteria.days) });
    case 'participation':
      return t.summary.participation({ lessons: n(criteria.lessons) });
    case 'hifz_surah':
      return t.summary.hifz_surah({ surah: n(criteria.surah) });
    case 'hifz_juz':
      return t.summary.hifz_juz({ juz: n(criteria.juz) });
    case 'hifz_juz_count':
      return t.summary.hifz_juz_count({ count: n(criteria.count) });
    default:
      return JSON.stringify(criteria);
  }
}
