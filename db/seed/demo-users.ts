export const DEMO_PASSWORD = 'salaam-demo-2026';

export interface DemoUser {
  username: string;
  email: string | null;
  role: 'student' | 'parent' | 'teacher' | 'admin';
  fullName: string;
  ageTier?: 'children' | 'youth' | 'adults';
  dateOfBirth?: string;
  parent?: string;
  note: string;
}

/** Every role, including a young child with no e-mail address who signs in with a username. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', email: 'admin@attaqwa.test', role: 'admin', fullName: 'School Administrator', note: 'admin' },
  {
    username: 'teacher.amina',
    email: 'amina@attaqwa.test',
    role: 'teacher',
    fullName: 'Amina Rahman',
    note: 'teacher',
  },
  { username: 'teacher.yusuf', email: 'yusuf@attaqwa.test', role: 'teacher', fullName: 'Yusuf Ali', note: 'teacher' },
  {
    username: 'parent.fatima',
    email: 'fatima@attaqwa.test',
    role: 'parent',
    fullName: 'Fatima Hassan',
    note: 'parent of zaid and maryam',
  },
  {
    username: 'zaid',
    email: null,
    role: 'student',
    fullName: 'Zaid Hassan',
    ageTier: 'children',
    dateOfBirth: '2018-04-12',
    parent: 'parent.fatima',
    note: 'child, 8, no e-mail',
  },
  {
    username: 'maryam',
    email: 'maryam@attaqwa.test',
    role: 'student',
    fullName: 'Maryam Hassan',
    ageTier: 'youth',
    dateOfBirth: '2012-09-03',
    parent: 'parent.fatima',
    note: 'child, 14',
  },
  {
    username: 'ali',
    email: 'ali@attaqwa.test',
    role: 'student',
    fullName: 'Ali Khan',
    ageTier: 'adults',
    note: 'student',
  },
  {
    username: 'huda',
    email: 'huda@attaqwa.test',
    role: 'student',
    fullName: 'Huda Ahmed',
    ageTier: 'youth',
    note: 'student',
  },
  {
    username: 'omar',
    email: 'omar@attaqwa.test',
    role: 'student',
    fullName: 'Omar Farouk',
    ageTier: 'adults',
    note: 'student',
  },
];
