import { describe, expect, it } from 'vitest';
import { nextLessons, pickContinue } from './continue-learning';
import type { CourseSummary } from './enrolled-courses';

const course = (id: string, done: boolean[]): CourseSummary => ({
  documentId: id,
  title: `Course ${id}`,
  progress: 0,
  lessons: done.map((completed, i) => ({
    documentId: `${id}${i}`,
    title: `${id} lesson ${i}`,
    type: 'article',
    completed,
  })),
});

describe('pickContinue', () => {
  it('offers the lesson touched last when it is not finished', () => {
    const courses = [course('a', [false, false]), course('b', [true, false])];
    const recent = [
      { lesson: 'a0', completed: false, progress: 20, lastAccessed: '2026-01-01T10:00:00Z' },
      { lesson: 'b1', completed: false, progress: 60, lastAccessed: '2026-01-02T10:00:00Z' },
    ];
    expect(pickContinue(courses, recent)).toMatchObject({ lesson: { documentId: 'b1' }, progress: 60, started: true });
  });

  it('moves on to the next unfinished lesson of that course once the last one is finished', () => {
    const courses = [course('a', [false]), course('b', [true, true, false])];
    const recent = [{ lesson: 'b1', completed: true, progress: 100, lastAccessed: '2026-01-02T10:00:00Z' }];
    expect(pickContinue(courses, recent)).toMatchObject({ lesson: { documentId: 'b2' }, started: false });
  });

  it('goes back to an earlier lesson left undone when the last one ends the course', () => {
    const courses = [course('b', [false, true, true])];
    const recent = [{ lesson: 'b2', completed: true, progress: 100, lastAccessed: '2026-01-02T10:00:00Z' }];
    expect(pickContinue(courses, recent)?.lesson.documentId).toBe('b0');
  });

  it('trusts a completion the phone knows of even when the server record says otherwise', () => {
    const courses = [course('a', [true, false])];
    const recent = [{ lesson: 'a0', completed: false, progress: 50, lastAccessed: '2026-01-02T10:00:00Z' }];
    expect(pickContinue(courses, recent)?.lesson.documentId).toBe('a1');
  });

  it('starts the first course when nothing was touched, and offers nothing when all is done', () => {
    expect(pickContinue([course('a', [true]), course('b', [false])], [])?.lesson.documentId).toBe('b0');
    expect(pickContinue([course('a', [true, true])], [])).toBeNull();
  });

  it('ignores records of courses the learner is no longer in', () => {
    const recent = [{ lesson: 'z0', completed: false, progress: 10, lastAccessed: '2026-01-02T10:00:00Z' }];
    expect(pickContinue([course('a', [false])], recent)?.lesson.documentId).toBe('a0');
  });
});

describe('nextLessons', () => {
  it('takes one lesson per course in turn, skipping the one to continue', () => {
    const courses = [course('a', [false, false, false]), course('b', [true, false])];
    expect(nextLessons(courses, 'a0', 3).map((p) => p.lesson.documentId)).toEqual(['a1', 'b1', 'a2']);
  });

  it('stops when no lesson is left', () => {
    expect(nextLessons([course('a', [true, false])], undefined, 5).map((p) => p.lesson.documentId)).toEqual(['a1']);
  });
});
