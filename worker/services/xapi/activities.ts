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
  // A range of the Quran recited to a teacher is ADL's "performance" (an attempted task); a milestone
  // ("Juz 30 memorised") is an "objective" reached.
  performance: 'http://adlnet.gov/expapi/activities/performance',
  objective: 'http://adlnet.gov/expapi/activities/objective',
} as const;

/** Extension IRIs. Ours live under the school's domain, which is what makes them globally unique. */
export const EXTENSIONS = {
  /** cmi5's registered progress extension: an integer percent, 0-100. */
  progress: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
  /** true when a timed quiz was submitted after its deadline. */
  late: 'https://attaqwamasjid.org/xapi/extensions/late',
  /** Our quiz attempt id, which is not a UUID and so cannot be the statement's `registration`. */
  attempt: 'https://attaqwamasjid.org/xapi/extensions/attempt',
  /** The hifz check a recitation answered: sabaq, sabqi or manzil. */
  hifzCheck: 'https://attaqwamasjid.org/xapi/extensions/hifz-check',
  /** The teacher's grade on the school's scale (excellent … needs repeat). */
  hifzGrade: 'https://attaqwamasjid.org/xapi/extensions/hifz-grade',
  /** The range as global ayah ids [from, to], 1..6236 in mushaf order. */
  quranRange: 'https://attaqwamasjid.org/xapi/extensions/quran-range',
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

/** A range of the Quran, named the way people write it ("78:1-40"): the same IRI for every learner. */
export const quranRangeActivity = (origin: string, label: string) =>
  activity(activityIri(origin, 'quran', label), ACTIVITY_TYPES.performance, `Quran ${label}`);

/** A hifz milestone: a surah or juz memorised, or a count of whole juz. */
export const hifzMilestoneActivity = (origin: string, key: string, title: string) =>
  activity(activityIri(origin, 'hifz-milestones', key), ACTIVITY_TYPES.objective, title);
