import type { Activity } from './statement-types';
import type { DocumentRef } from './statements';

/** Registered activity types, so other tools know what each object is. */
export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  // cmi5 registers only "course" and "block"; Activity Streams' badge is the registry's type for badges.
  badge: 'http://activitystrea.ms/schema/1.0/badge',
} as const;

/** Extension IRIs. Ours live under the school's domain, which is what makes them globally unique. */
export const EXTENSIONS = {
  /** cmi5's registered progress extension: an integer percent, 0-100. */
  progress: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
  /** true when a timed quiz was submitted after its deadline. */
  late: 'https://attaqwamasjid.org/xapi/extensions/late',
  /** Our quiz attempt id, which is not a UUID and so cannot be the statement's `registration`. */
  attempt: 'https://attaqwamasjid.org/xapi/extensions/attempt',
} as const;

/** The IRI of one of our activities: `${origin}/xapi/activities/<segments…>`, each segment escaped. */
export function activityIri(origin: string, ...segments: string[]): string {
  return `${origin}/xapi/activities/${segments.map(encodeURIComponent).join('/')}`;
}

function activity(id: string, type: string, name: string): Activity {
  return { objectType: 'Activity', id, definition: { type, name: { 'en-US': name } } };
}

export const courseActivity = (origin: string, course: DocumentRef) =>
  activity(activityIri(origin, 'courses', course.documentId), ACTIVITY_TYPES.course, course.title);

export const lessonActivity = (origin: string, lesson: DocumentRef) =>
  activity(activityIri(origin, 'lessons', lesson.documentId), ACTIVITY_TYPES.lesson, lesson.title);

export const quizActivity = (origin: string, quiz: DocumentRef) =>
  activity(activityIri(origin, 'quizzes', quiz.documentId), ACTIVITY_TYPES.assessment, quiz.title);

export const questionActivity = (origin: string, quiz: DocumentRef, questionId: string, prompt: string) =>
  activity(activityIri(origin, 'quizzes', quiz.documentId, 'questions', questionId), ACTIVITY_TYPES.question, prompt);

export const badgeActivity = (origin: string, achievement: DocumentRef) =>
  activity(activityIri(origin, 'badges', achievement.documentId), ACTIVITY_TYPES.badge, achievement.title);
