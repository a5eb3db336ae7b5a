import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/errors';
import { authorize } from './authorize';
import { scopesFor } from './permissions';

const user = (role: 'student' | 'parent' | 'teacher' | 'admin') => ({
  id: 1,
  documentId: 'x',
  username: 'u',
  email: null,
  role,
});

describe('permission matrix', () => {
  it('gives anonymous visitors published courses only', () => {
    expect(scopesFor('public', 'courses', 'find')).toEqual(['published']);
    expect(scopesFor('public', 'courses', 'create')).toEqual([]);
  });

  it('limits a student to their own progress and nothing of anyone else', () => {
    expect(scopesFor('student', 'userProgress', 'find')).toEqual(['own']);
    expect(scopesFor('student', 'userProgress', 'create')).toEqual(['own']);
    expect(scopesFor('student', 'userAchievements', 'create')).toEqual([]);
    expect(scopesFor('student', 'courses', 'create')).toEqual([]);
  });

  it('lets a parent read, never write, their children’s learning', () => {
    for (const resource of ['userProgress', 'enrollments', 'userAchievements', 'certificates'] as const) {
      expect(scopesFor('parent', resource, 'find')).toEqual(['children']);
      expect(scopesFor('parent', resource, 'create')).toEqual([]);
      expect(scopesFor('parent', resource, 'update')).toEqual([]);
    }
  });

  it('lets teachers write courses without deleting them, write lessons and quizzes, and award achievements', () => {
    expect(scopesFor('teacher', 'courses', 'delete')).toEqual([]);
    expect(scopesFor('teacher', 'lessons', 'delete')).toEqual(['own']);
    expect(scopesFor('teacher', 'quizzes', 'create')).toEqual(['own']);
    expect(scopesFor('teacher', 'userAchievements', 'create')).toEqual(['students']);
    expect(scopesFor('teacher', 'achievements', 'create')).toEqual(['all']);
  });

  it('gives admins everything', () => {
    expect(scopesFor('admin', 'courses', 'delete')).toEqual(['all']);
    expect(scopesFor('admin', 'users', 'update')).toEqual(['all']);
  });

  it('answers 401 to an anonymous caller and 403 to a signed-in one', () => {
    const anonymous = (() => {
      try {
        authorize(null, 'courses', 'create');
      } catch (e) {
        return e;
      }
    })() as ApiError;
    expect(anonymous.status).toBe(401);
    const student = (() => {
      try {
        authorize(user('student'), 'courses', 'create');
      } catch (e) {
        return e;
      }
    })() as ApiError;
    expect(student.status).toBe(403);
    expect(student.name).toBe('ForbiddenError');
  });
});
