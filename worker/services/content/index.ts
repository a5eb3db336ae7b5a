import { achievementWriter } from './achievements';
import { courseWriter } from './courses';
import type { DocumentWriter } from './document-writer';
import { instructorWriter } from './instructors';
import { lessonWriter } from './lessons';
import { quizWriter } from './quizzes';

/** The writable content types, by their path under /api: each gets Strapi's five routes. */
export const CONTENT_WRITERS: Record<string, DocumentWriter> = {
  courses: courseWriter,
  lessons: lessonWriter,
  quizzes: quizWriter,
  instructors: instructorWriter,
  achievements: achievementWriter,
};
