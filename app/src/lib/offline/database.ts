// One IndexedDB database per signed-in user (its name carries the user's documentId), so a family phone
// shared by siblings never shows one child's courses or unsent work to another.
//
// Versioning rule: a released `version(n)` is never edited. A change is `version(n + 1)` with the new
// stores and, when rows must change shape, an `.upgrade(tx => ...)` that rewrites them.
import { Dexie, type EntityTable } from 'dexie';
import type { Course, GradedOfflineAttempt, Lesson, OfflineAttemptInput, ProgressEvent, Quiz } from '$lib/api/types';
import type { HifzRecitationInput, HifzSessionInput } from '$contract/hifz';

/** A course the learner is enrolled in, as last read from the API (without its lessons, stored apart). */
export interface CachedCourse extends Omit<Course, 'lessons'> {
  enrollmentStatus: 'enrolled' | 'in_progress' | 'completed' | 'dropped';
  enrollmentProgress: number;
  cachedAt: string;
}

export interface CachedLesson extends Omit<Lesson, 'quiz' | 'course'> {
  /** The course's documentId. */
  course: string;
  quiz: string | null;
  cachedAt: string;
}

/** A quiz as learners receive it: never the answers (the API strips them before they leave the server). */
export interface CachedQuiz extends Omit<Quiz, 'lesson'> {
  lesson: string;
  cachedAt: string;
}

/** The learner's progress in a lesson as this phone knows it: the server's, plus what waits in the outbox. */
export interface LocalProgress {
  lesson: string;
  course: string;
  progress: number;
  completed: boolean;
  timeSpent: number;
  lastAccessed: string;
}

export type DownloadState = 'queued' | 'downloading' | 'complete' | 'failed';

/** "Download for offline", per course: its media files kept in the Cache API, tracked here. */
export interface CourseDownload {
  course: string;
  state: DownloadState;
  files: { url: string; size: number; stored: boolean }[];
  totalBytes: number;
  storedBytes: number;
  updatedAt: string;
  error?: string;
}

export type OutboxState = 'pending' | 'sent' | 'refused';

/** One change made on this phone that the server has not confirmed yet (or has, or refused). */
interface OutboxEntry {
  /** Auto-incremented: the order in which items are sent. */
  seq?: number;
  /** Unique per item: the event's eventId, the attempt's clientId, the device's id of a sitting or recording. */
  id: string;
  /** What the learner sees in the list, e.g. the lesson's title. */
  title: string;
  state: OutboxState;
  createdAt: string;
  sentAt?: string;
  refusal?: { status: number; name: string; message: string };
}

export interface ProgressOutboxItem extends OutboxEntry {
  kind: 'progress';
  payload: ProgressEvent;
}

/** A quiz attempt taken offline (POST /api/quizzes/:quiz/offline-attempts), and its lesson. */
export interface QuizAttemptPayload extends OfflineAttemptInput {
  quiz: string;
  lesson: string;
}

export interface QuizAttemptOutboxItem extends OutboxEntry {
  kind: 'quiz_attempt';
  payload: QuizAttemptPayload;
  /** The graded attempt, once the server answered. */
  result?: GradedOfflineAttempt;
}

/** A hifz sitting recorded by a teacher (POST /api/hifz/sessions), maybe in a classroom without a connection. */
export interface HifzSessionOutboxItem extends OutboxEntry {
  kind: 'hifz_session';
  payload: HifzSessionInput;
}

/** A recitation recorded at home; its audio waits in `recordings` until the school holds it. */
export interface HifzRecitationOutboxItem extends OutboxEntry {
  kind: 'hifz_recitation';
  payload: HifzRecitationInput;
}

export type OutboxItem = ProgressOutboxItem | QuizAttemptOutboxItem | HifzSessionOutboxItem | HifzRecitationOutboxItem;

/** A recitation's audio on the phone, kept until it is uploaded (then deleted in the same step). */
export interface StoredRecording {
  /** The recording's device id (the outbox item's id). */
  clientId: string;
  audio: Blob;
  input: HifzRecitationInput;
  createdAt: string;
}

/** A GET answer kept for revalidation with If-None-Match. */
export interface StoredResponse {
  key: string;
  etag: string | null;
  body: unknown;
  storedAt: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export class UserDatabase extends Dexie {
  courses!: EntityTable<CachedCourse, 'documentId'>;
  lessons!: EntityTable<CachedLesson, 'documentId'>;
  quizzes!: EntityTable<CachedQuiz, 'documentId'>;
  progress!: EntityTable<LocalProgress, 'lesson'>;
  downloads!: EntityTable<CourseDownload, 'course'>;
  outbox!: EntityTable<OutboxItem, 'seq'>;
  responses!: EntityTable<StoredResponse, 'key'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  recordings!: EntityTable<StoredRecording, 'clientId'>;

  constructor(userDocumentId: string) {
    super(databaseName(userDocumentId));
    this.version(1).stores({
      courses: 'documentId',
      lessons: 'documentId, course, [course+order]',
      quizzes: 'documentId, lesson',
      progress: 'lesson, course',
      downloads: 'course, state',
      outbox: '++seq, &id, [state+seq]',
      responses: 'key',
      meta: 'key',
    });
    // Version 2: recitations recorded offline keep their audio here until uploaded.
    this.version(2).stores({ recordings: 'clientId' });
  }
}

const PREFIX = 'lms-user-';

export function databaseName(userDocumentId: string): string {
  return PREFIX + userDocumentId;
}

export function openUserDatabase(userDocumentId: string): UserDatabase {
  return new UserDatabase(userDocumentId);
}

/** Deletes the user's database. Other users' databases on the phone are untouched. */
export function deleteUserDatabase(userDocumentId: string): Promise<void> {
  return Dexie.delete(databaseName(userDocumentId));
}
