import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api';
import { conflictOf } from './documents';
import { clearDraft, draftKey, readDraft, writeDraft } from './drafts';
import { newQuestion, quizBody, removeOption, shuffled, type QuizForm, type QuizQuestion } from './quizzes';
import { move, orderChanges } from './reorder';
import { courseBody, type CourseForm } from './courses';

class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, value);
  }
}

describe('reordering', () => {
  it('moves an item and clamps to the list', () => {
    expect(move(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 5, 0)).toEqual(['a', 'b', 'c']);
  });

  it('writes only the lessons whose stored order differs from their place', () => {
    const saved = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(orderChanges(['b', 'a', 'c'], saved)).toEqual([
      { documentId: 'b', order: 0 },
      { documentId: 'a', order: 1 },
    ]);
    expect(orderChanges(['a', 'b', 'c'], saved)).toEqual([]);
    // Orders with gaps (the seed's 10, 20…) are rewritten as places.
    expect(orderChanges(['x'], new Map([['x', 10]]))).toEqual([{ documentId: 'x', order: 0 }]);
  });
});

describe('drafts', () => {
  it('keeps a draft per user and document until cleared, and ignores foreign data', () => {
    const storage = new MemoryStorage();
    const key = draftKey('user1', 'lesson', 'doc1');
    expect(key).not.toBe(draftKey('user2', 'lesson', 'doc1'));
    writeDraft(key, { version: '"1"', savedAt: '2026-01-01T00:00:00.000Z', form: { title: 'x' } }, storage);
    expect(readDraft(key, storage)).toEqual({
      version: '"1"',
      savedAt: '2026-01-01T00:00:00.000Z',
      form: { title: 'x' },
    });
    clearDraft(key, storage);
    expect(readDraft(key, storage)).toBeNull();
    storage.setItem(key, '{not json');
    expect(readDraft(key, storage)).toBeNull();
    storage.setItem(key, '{"form":1}');
    expect(readDraft(key, storage)).toBeNull();
  });
});

describe('conflicts', () => {
  it('reads who saved and which version from a 412, and nothing from other errors', () => {
    const error = new ApiError(412, 'PreconditionFailedError', 'changed', {
      current: {
        version: '"1764072000123"',
        updatedAt: '2025-11-25T12:00:00.123Z',
        updatedBy: { documentId: 'u', username: 'teacher.amina', role: 'teacher' },
      },
    });
    expect(conflictOf(error)).toEqual({
      version: '"1764072000123"',
      updatedAt: '2025-11-25T12:00:00.123Z',
      username: 'teacher.amina',
    });
    expect(conflictOf(new ApiError(412, 'PreconditionFailedError', 'x', { current: { updatedBy: null } }))).toEqual({
      version: null,
      updatedAt: null,
      username: null,
    });
    expect(conflictOf(new ApiError(400, 'ValidationError', 'x'))).toBeNull();
    expect(conflictOf(new Error('x'))).toBeNull();
  });
});

describe('the course body', () => {
  it('turns inputs into the API attributes', () => {
    const form: CourseForm = {
      title: 'Tajweed',
      description: '',
      category: 'quran',
      ageTier: 'children',
      difficulty: 'beginner',
      instructor: '',
      coverImage: null,
      estimatedDuration: '',
      tags: ' tajweed, juz amma ،تجويد, tajweed ,',
      prerequisites: ['abc'],
      isPublished: false,
    };
    expect(courseBody(form)).toEqual({
      title: 'Tajweed',
      description: null,
      category: 'quran',
      ageTier: 'children',
      difficulty: 'beginner',
      instructor: null,
      coverImage: null,
      estimatedDuration: null,
      tags: ['tajweed', 'juz amma', 'تجويد'],
      prerequisites: { set: ['abc'] },
      isPublished: false,
    });
    expect(courseBody({ ...form, estimatedDuration: 45 as unknown as string }).estimatedDuration).toBe(45);
  });
});

describe('the quiz builder', () => {
  const form = (questions: QuizForm['questions']): QuizForm => ({
    title: 'Check',
    timeLimit: '2.5',
    passingScore: '60',
    randomizeQuestions: true,
    showCorrectAnswers: 'after_passing',
    attemptsAllowed: '',
    attemptDelay: '',
    questions,
  });

  it('sends seconds, numbers, and answers in the contract’s shape', () => {
    const ordering = { ...newQuestion('ordering'), id: 'o', prompt: 'Order', options: ['a', 'b', 'c'], answer: [2, 0] };
    const short = {
      ...newQuestion('short_answer'),
      id: 's',
      prompt: 'Say',
      answer: [' salam ', '', 'سلام'],
      explanation: '  ',
    };
    expect(quizBody(form([ordering, short] as QuizForm['questions']))).toEqual({
      title: 'Check',
      timeLimit: 150,
      passingScore: 60,
      randomizeQuestions: true,
      showCorrectAnswers: 'after_passing',
      attemptsAllowed: null,
      attemptDelay: null,
      questions: [
        { id: 'o', type: 'ordering', prompt: 'Order', points: 1, options: ['a', 'b', 'c'], answer: [0, 1, 2] },
        { id: 's', type: 'short_answer', prompt: 'Say', points: 1, answer: ['salam', 'سلام'], ignoreDiacritics: true },
      ],
    });
  });

  it('keeps answers on the same options when one is removed', () => {
    const single: QuizQuestion = {
      id: 'a',
      prompt: 'p',
      points: 1,
      type: 'single_choice',
      options: ['a', 'b', 'c'],
      answer: 2,
    };
    expect(removeOption(single, 0)).toMatchObject({ options: ['b', 'c'], answer: 1 });
    expect(removeOption(single, 2)).toMatchObject({ options: ['a', 'b'], answer: 0 });
    const multiple: QuizQuestion = {
      id: 'b',
      prompt: 'p',
      points: 1,
      type: 'multiple_choice',
      options: ['a', 'b', 'c'],
      answer: [0, 2],
    };
    expect(removeOption(multiple, 1)).toMatchObject({ options: ['a', 'c'], answer: [0, 1] });
    expect(removeOption({ ...multiple, answer: [1] }, 1)).toMatchObject({ answer: [0] });
  });

  it('gives every new question a distinct id', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newQuestion('true_false').id));
    expect(ids.size).toBe(50);
  });

  it('shuffles the same way for the same seed, keeping every item', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(shuffled(items, 'q1')).toEqual(shuffled(items, 'q1'));
    expect([...shuffled(items, 'q1')].sort()).toEqual(items);
  });
});
