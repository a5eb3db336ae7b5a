import { describe, expect, it } from 'vitest';
import { measure, movesAchievements, type LearnerTotals } from './achievement-rules';

const totals: LearnerTotals = {
  coursesCompleted: 2,
  bestQuizScores: [95, 90, 89, 100],
  longestStreak: 5,
  lessonsCompleted: 20,
  hifzMilestones: ['surah:114', 'juz:30', 'juz_count:5'],
};

describe('measuring achievement criteria', () => {
  it('course completion counts completed courses', () => {
    expect(measure({ type: 'course_completion', count: 3 }, totals)).toEqual({ progress: 66, earned: false });
    expect(measure({ type: 'course_completion', count: 2 }, totals)).toEqual({ progress: 100, earned: true });
  });

  it('quiz mastery counts distinct quizzes at or above the minimum score', () => {
    expect(measure({ type: 'quiz_mastery', minScore: 90, count: 5 }, totals)).toEqual({ progress: 60, earned: false });
    expect(measure({ type: 'quiz_mastery', minScore: 90, count: 3 }, totals).earned).toBe(true);
  });

  it('streak uses the longest streak; participation the completed lessons', () => {
    expect(measure({ type: 'streak', days: 7 }, totals)).toEqual({ progress: 71, earned: false });
    expect(measure({ type: 'participation', lessons: 20 }, totals)).toEqual({ progress: 100, earned: true });
  });

  it('progress never passes 100', () => {
    expect(measure({ type: 'participation', lessons: 5 }, totals).progress).toBe(100);
  });

  it('a hifz milestone is earned once reached; a count of juz grows towards its number', () => {
    expect(measure({ type: 'hifz_juz', juz: 30 }, totals)).toEqual({ progress: 100, earned: true });
    expect(measure({ type: 'hifz_juz', juz: 29 }, totals)).toEqual({ progress: 0, earned: false });
    expect(measure({ type: 'hifz_surah', surah: 114 }, totals).earned).toBe(true);
    expect(measure({ type: 'hifz_juz_count', count: 10 }, totals)).toEqual({ progress: 50, earned: false });
    expect(measure({ type: 'hifz_juz_count', count: 5 }, totals).earned).toBe(true);
  });
});

describe('which learning events can move an achievement', () => {
  it('completions and graded quizzes can; viewing a lesson, starting a quiz or answering alone cannot', () => {
    for (const kind of ['lesson_completed', 'course_completed', 'quiz_passed', 'quiz_failed'] as const)
      expect(movesAchievements([{ kind: 'lesson_experienced' }, { kind }])).toBe(true);
    expect(movesAchievements([{ kind: 'lesson_experienced' }, { kind: 'quiz_attempted' }])).toBe(false);
    expect(movesAchievements([{ kind: 'question_answered' }, { kind: 'badge_earned' }])).toBe(false);
    expect(movesAchievements([])).toBe(false);
  });
});
