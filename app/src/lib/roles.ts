import type { RoleType } from '$lib/api';

/** Where each role lands after signing in, and what `/` sends them to. */
export const HOME: Record<RoleType, '/learn' | '/family' | '/teach' | '/admin'> = {
  student: '/learn',
  parent: '/family',
  teacher: '/teach',
  admin: '/admin',
};
