import { describe, expect, it } from 'vitest';
import { coursePercent, lessonStates, missingPrerequisites } from './course-path';

const lessons = [
  { documentId: 'l3', order: 3, isLocked: true },
  { documentId: 'l1', order: 1, isLocked: false },
  { documentId: 'l2', order: 2, isLocked: false },
];

describe('lessonStates', () => {
  it('opens a locked lesson only when every earlier lesson is completed', () => {
    const partly = lessonStates(lessons, new Map([['l1', { completed: true, progress: 100 }]]));
    expect(partly.map((l) => [l.documentId, l.open])).toEqual([
      ['l1', true],
      ['l2', true],
      ['l3', false],
    ]);
    const all = lessonStates(
      lessons,
      new Map([
        ['l1', { completed: true, progress: 100 }],
        ['l2', { completed: true, progress: 100 }],
      ]),
    );
    expect(all.find((l) => l.documentId === 'l3')?.open).toBe(true);
  });

  it('shows a lesson in progress with its share and a completed one as 100', () => {
    const states = lessonStates(
      lessons,
      new Map([
        ['l1', { completed: true, progress: 40 }],
        ['l2', { completed: false, progress: 35 }],
      ]),
    );
    expect(states.map((s) => s.progress)).toEqual([100, 35, 0]);
    expect(coursePercent(states)).toBe(33);
    expect(coursePercent([])).toBe(0);
  });
});

describe('missingPrerequisites', () => {
  it('counts a prerequisite only once its enrollment is completed', () => {
    const prerequisites = [
      { documentId: 'p1', title: 'One' },
      { documentId: 'p2', title: 'Two' },
    ];
    const enrollments = [
      { status: 'completed' as const, course: { documentId: 'p1' } as never },
      { status: 'in_progress' as const, course: { documentId: 'p2' } as never },
    ];
    expect(missingPrerequisites(prerequisites, enrollments)).toEqual([{ documentId: 'p2', title: 'Two' }]);
    expect(missingPrerequisites(prerequisites, [])).toHaveLength(2);
  });
});
