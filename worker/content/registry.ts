import { sql } from 'drizzle-orm';
import {
  achievements,
  coursePrerequisites,
  courses,
  files,
  instructors,
  lessonAttachments,
  lessons,
  quizzes,
} from '../../db/schema';
import { PRIVATE_COLUMNS } from '../contract/documents';
import type { AuthUser } from '../env';
import { attributesOf, col, inverse, owner, tableName, through } from './attributes';
import { LEARNING_TYPES } from './learning-types';
import type { ContentType } from './types';
import { courseVisibility, everyone, lessonVisibility, quizVisibility } from './visibility';

const staff = (user: AuthUser | null) => user?.role === 'teacher' || user?.role === 'admin';

/** Learners see questions, never answers or explanations, until their attempt is graded. */
function questionsFor(alias: string, user: AuthUser | null) {
  const questions = col(alias, quizzes.questions);
  if (staff(user)) return questions;
  return sql`(SELECT coalesce(jsonb_agg(q - 'answer' - 'explanation'), '[]'::jsonb) FROM jsonb_array_elements(${questions}) q)`;
}

/**
 * The content types of the Strapi API. Attributes come from the tables (db/schema) minus the private
 * columns of contract/documents.ts; what is written here by hand is what a table cannot say: relations,
 * who sees which rows, the default order, and projections.
 */
export const CONTENT_TYPES: Record<string, ContentType> = {
  courses: {
    name: 'courses',
    table: tableName(courses),
    resource: 'courses',
    attributes: attributesOf(courses, PRIVATE_COLUMNS.courses),
    relations: {
      instructor: { target: 'instructors', many: false, link: owner(courses.instructorId) },
      coverImage: { target: 'files', many: false, link: owner(courses.coverImageId) },
      lessons: { target: 'lessons', many: true, link: inverse(lessons.courseId) },
      prerequisites: {
        target: 'courses',
        many: true,
        link: through(coursePrerequisites, coursePrerequisites.courseId, coursePrerequisites.prerequisiteId),
      },
    },
    visibility: courseVisibility,
    defaultSort: [{ attribute: 'createdAt', direction: 'desc' }],
    publishedAttribute: 'isPublished',
  },
  lessons: {
    name: 'lessons',
    table: tableName(lessons),
    resource: 'lessons',
    attributes: attributesOf(lessons, PRIVATE_COLUMNS.lessons),
    relations: {
      course: { target: 'courses', many: false, link: owner(lessons.courseId) },
      media: { target: 'files', many: false, link: owner(lessons.mediaId) },
      quiz: { target: 'quizzes', many: false, link: inverse(quizzes.lessonId) },
      attachments: {
        target: 'files',
        many: true,
        link: through(
          lessonAttachments,
          lessonAttachments.lessonId,
          lessonAttachments.fileId,
          lessonAttachments.position,
        ),
      },
    },
    visibility: lessonVisibility,
    defaultSort: [{ attribute: 'order', direction: 'asc' }],
  },
  quizzes: {
    name: 'quizzes',
    table: tableName(quizzes),
    resource: 'quizzes',
    attributes: attributesOf(quizzes, PRIVATE_COLUMNS.quizzes, { questions: { project: questionsFor } }),
    relations: {
      lesson: { target: 'lessons', many: false, link: owner(quizzes.lessonId) },
    },
    visibility: quizVisibility,
    defaultSort: [{ attribute: 'createdAt', direction: 'desc' }],
  },
  instructors: {
    name: 'instructors',
    table: tableName(instructors),
    resource: 'instructors',
    // Staff contact details are for staff.
    attributes: attributesOf(instructors, PRIVATE_COLUMNS.instructors, { email: { readable: staff } }),
    relations: {
      photo: { target: 'files', many: false, link: owner(instructors.photoId) },
      courses: { target: 'courses', many: true, link: inverse(courses.instructorId) },
    },
    visibility: everyone,
    defaultSort: [{ attribute: 'name', direction: 'asc' }],
  },
  achievements: {
    name: 'achievements',
    table: tableName(achievements),
    resource: 'achievements',
    attributes: attributesOf(achievements, PRIVATE_COLUMNS.achievements),
    relations: {
      icon: { target: 'files', many: false, link: owner(achievements.iconId) },
    },
    visibility: everyone,
    defaultSort: [{ attribute: 'points', direction: 'asc' }],
  },
  files: {
    name: 'files',
    table: tableName(files),
    resource: 'upload',
    attributes: attributesOf(files, PRIVATE_COLUMNS.files),
    relations: {},
    // Media reached through a readable document is public (a course cover, a lesson's audio).
    readableThroughRelations: true,
    visibility: everyone,
    defaultSort: [{ attribute: 'createdAt', direction: 'desc' }],
  },
  ...LEARNING_TYPES,
};

export function contentType(name: string): ContentType {
  const type = Object.hasOwn(CONTENT_TYPES, name) ? CONTENT_TYPES[name] : undefined;
  if (!type) throw new Error(`unknown content type ${name}`);
  return type;
}
