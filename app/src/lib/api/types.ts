// TEMPORARY: hand-written copies of the API's answer types. The worker is gaining `worker/contract/`, which
// derives these from its own schemas; once it lands, each type below becomes a re-export, e.g.
//   export type { PresentedUser as User } from '$contract/users';
// and this file shrinks to those lines. Nothing else in the app declares an API shape: import from here.

export type RoleType = 'student' | 'parent' | 'teacher' | 'admin';

export interface User {
  id: number;
  documentId: string;
  username: string;
  email: string | null;
  role: { type: RoleType; name: string };
  profile?: { fullName: string | null; ageTier: string | null; timeZone: string; locale: string };
}

export interface Tokens {
  jwt: string;
  refreshToken: string;
}

export interface AuthResponse extends Tokens {
  user: User;
}

/** Strapi v5's list envelope. */
export interface ListResponse<T> {
  data: T[];
  meta: { pagination?: { page: number; pageSize: number; pageCount: number; total: number } };
}

export interface MediaFile {
  id: number;
  documentId: string;
  name: string;
  url: string;
  mime: string;
  size: number;
  alternativeText: string | null;
}

export type LessonType = 'article' | 'video' | 'audio' | 'quiz' | 'interactive';

export interface Lesson {
  id: number;
  documentId: string;
  title: string;
  content: string | null;
  type: LessonType;
  order: number;
  duration: number | null;
  isLocked: boolean;
  media?: MediaFile | null;
  quiz?: Quiz | null;
  updatedAt: string;
}

/** As learners receive it: questions without `answer` or `explanation`. */
export interface Quiz {
  id: number;
  documentId: string;
  title: string;
  questions: unknown[];
  timeLimit: number | null;
  passingScore: number;
  randomizeQuestions: boolean;
  updatedAt: string;
}

export interface Course {
  id: number;
  documentId: string;
  title: string;
  description: string | null;
  category: 'quran' | 'hadith' | 'fiqh' | 'seerah' | 'aqeedah' | 'general';
  ageTier: 'children' | 'youth' | 'adults' | 'all';
  difficulty: 'beginner' | 'intermediate' | 'advanced';
  estimatedDuration: number | null;
  coverImage?: MediaFile | null;
  lessons?: Lesson[];
  updatedAt: string;
}

export interface Enrollment {
  id: number;
  documentId: string;
  status: 'enrolled' | 'in_progress' | 'completed' | 'dropped';
  progress: number;
  enrolledAt: string;
  completedAt: string | null;
  course?: Course | null;
}

/** One learning event, as the outbox sends it (`worker/services/learning/progress.ts`). */
export interface ProgressEvent {
  eventId: string;
  lesson: string;
  progress?: number;
  completed?: boolean;
  timeSpent?: number;
  occurredAt?: string;
}

export interface ProgressRecord {
  documentId: string;
  lesson: string;
  progress: number;
  completed: boolean;
  quizScore: number | null;
  timeSpent: number;
  lastAccessed: string;
}

export type EventOutcome =
  | { eventId: string; status: 'applied' | 'duplicate'; progress: ProgressRecord }
  | { eventId: string; status: 'rejected'; error: { status: number; name: string; message: string } };

/** What the public verification endpoint reveals about a certificate: no more than this. */
export interface CertificateVerification {
  valid: true;
  name: string;
  course: string;
  issuedAt: string;
  certificateNumber: string;
}
