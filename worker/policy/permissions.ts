import type { RoleType } from '../../db/schema/enums';

/**
 * Who may do what: students learn, teachers write courses and follow their students, admins may do
 * everything, parents read their children's records; plus our ownership rules. Each action maps to the scopes it is allowed in; the
 * services turn a scope into a WHERE clause, so "own" can only ever reach the caller's own rows.
 *
 * Scopes:
 *   all        every row
 *   published  published content (drafts are hidden)
 *   own        rows the caller owns (their progress; for teachers, the courses they created)
 *   self       the caller's own user record
 *   children   rows of children linked to the caller (parents: read only)
 *   students   student accounts and their rows (teachers)
 */
export type Scope = 'all' | 'published' | 'own' | 'self' | 'children' | 'students';
export type Action = 'find' | 'findOne' | 'create' | 'update' | 'delete';
export type Resource =
  | 'courses'
  | 'lessons'
  | 'quizzes'
  | 'instructors'
  | 'achievements'
  | 'userAchievements'
  | 'userProgress'
  | 'enrollments'
  | 'certificates'
  | 'streaks'
  | 'users'
  | 'guardianLinks'
  | 'upload'
  | 'xapi'
  | 'quizAttempts'
  | 'leaderboards'
  | 'progressStats'
  // Reports and the progress monitor over courses (teachers: their own; admins: all).
  | 'analytics'
  // API usage and system health: admins only, and admin is '*'.
  | 'observability'
  // School-wide switches (school_settings): admins only, and admin is '*'.
  | 'schoolSettings'
  // The school's public profile (name, logo, language, registration open): everyone, before signing in.
  | 'schoolProfile'
  // The activity log: admins only.
  | 'activityLog'
  // Administering accounts (search with totals, roles, blocking, password resets): admins only.
  | 'accounts'
  // One-time codes that link a parent to a child: teachers issue them for their own students, parents
  // redeem them (the action 'update': a code is spent).
  | 'pairingCodes'
  // Hifz plans, sittings and progress (services/hifz/access.ts narrows each scope to the student: teachers
  // the students their plan names, parents their children, students themselves).
  | 'hifz'
  // Recitations recorded at home: children's voices, never public; the parent and admin may delete them.
  | 'hifzRecitations';
export type Principal = RoleType | 'public';

type Grants = Partial<Record<Resource, Partial<Record<Action, readonly Scope[]>>>>;

const read = (...scopes: Scope[]) => ({ find: scopes, findOne: scopes });

export const PERMISSIONS: Record<Principal, Grants | '*'> = {
  public: {
    schoolProfile: read('all'),
    courses: read('published'),
    lessons: read('published'),
    instructors: read('all'),
    achievements: read('all'),
  },
  student: {
    schoolProfile: read('all'),
    courses: read('published'),
    lessons: read('published'),
    // Questions without answers (see content/registry.ts); grading happens on the server.
    quizzes: read('published'),
    instructors: read('all'),
    achievements: read('all'),
    userProgress: { ...read('own'), create: ['own'], update: ['own'] },
    userAchievements: read('own'),
    enrollments: { ...read('own'), create: ['own'], update: ['own'] },
    certificates: read('own'),
    streaks: read('own'),
    quizAttempts: { ...read('own'), create: ['own'], update: ['own'] },
    leaderboards: read('all'),
    progressStats: read('own'),
    users: { ...read('self'), update: ['self'] },
    hifz: read('own'),
    hifzRecitations: { ...read('own'), create: ['own'], update: ['own'] },
  },
  parent: {
    schoolProfile: read('all'),
    courses: read('published'),
    lessons: read('published'),
    quizzes: read('published'),
    instructors: read('all'),
    achievements: read('all'),
    userProgress: read('children'),
    userAchievements: read('children'),
    enrollments: read('children'),
    certificates: read('children'),
    streaks: read('children'),
    quizAttempts: read('children'),
    leaderboards: read('all'),
    progressStats: read('children'),
    users: { ...read('self', 'children'), update: ['self'], create: ['children'] },
    guardianLinks: read('own'),
    pairingCodes: { update: ['own'] },
    hifz: read('children'),
    hifzRecitations: { ...read('children'), delete: ['children'] },
  },
  teacher: {
    schoolProfile: read('all'),
    courses: { ...read('published', 'own'), create: ['all'], update: ['own'] },
    lessons: { ...read('published', 'own'), create: ['own'], update: ['own'], delete: ['own'] },
    quizzes: { ...read('all'), create: ['own'], update: ['own'], delete: ['own'] },
    instructors: read('all'),
    achievements: { ...read('all'), create: ['all'] },
    userAchievements: { ...read('students'), create: ['students'] },
    userProgress: read('students'),
    enrollments: read('students'),
    certificates: read('students'),
    streaks: read('students'),
    quizAttempts: read('students'),
    leaderboards: read('all'),
    progressStats: read('students'),
    analytics: read('own'),
    users: { ...read('self', 'students'), update: ['self'], create: ['students'] },
    guardianLinks: { ...read('students'), create: ['students'], delete: ['students'] },
    // 'students' here is narrower than elsewhere: students in a course the teacher owns, or whose hifz
    // plan names them (services/accounts/pairing-codes.ts), since a code opens a child's records to a parent.
    pairingCodes: { ...read('students'), create: ['students'], delete: ['students'] },
    hifz: { ...read('students'), create: ['students'], update: ['students'] },
    hifzRecitations: { ...read('students'), update: ['students'] },
    upload: { ...read('all'), create: ['all'], delete: ['own'] },
    // The learning record store: every learner's statements, for reports. Never students or parents.
    xapi: { find: ['all'] },
  },
  admin: '*',
};

/** The scopes in which `principal` may perform `action` on `resource`; empty when refused. */
export function scopesFor(principal: Principal, resource: Resource, action: Action): readonly Scope[] {
  const grants = PERMISSIONS[principal];
  if (grants === '*') return ['all'];
  return grants[resource]?.[action] ?? [];
}
