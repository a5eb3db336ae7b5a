import { sql, type SQL } from 'drizzle-orm';
import { achievementCategory, ageTier, badgeType, courseCategory, difficulty, lessonType } from '../../db/schema/enums';
import type { AuthUser } from '../env';
import type { Scope } from '../policy/permissions';
import type { ContentType } from './types';
import { LEARNING_TYPES } from './learning-types';

import { base, col } from './attributes';

const staff = (user: AuthUser | null) => user?.role === 'teacher' || user?.role === 'admin';

function anyOf(parts: (SQL | undefined)[]): SQL {
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length ? sql`(${sql.join(present, sql` OR `)})` : sql`false`;
}

/** Which courses a viewer may see: published ones, plus a teacher's own drafts, or all for admins. */
export function courseVisibility(alias: string, user: AuthUser | null, scopes: readonly Scope[]): SQL | undefined {
  if (scopes.includes('all')) return undefined;
  return anyOf([
    scopes.includes('published') ? sql`${col(alias, 'is_published')} = true` : undefined,
    scopes.includes('own') && user ? sql`${col(alias, 'created_by_id')} = ${user.id}` : undefined,
  ]);
}

/** Lessons are as visible as their course. */
function lessonVisibility(alias: string, user: AuthUser | null, scopes: readonly Scope[]): SQL | undefined {
  if (scopes.includes('all')) return undefined;
  const course = courseVisibility('vis_c', user, scopes);
  return sql`EXISTS (SELECT 1 FROM "courses" "vis_c" WHERE "vis_c"."id" = ${col(alias, 'course_id')} AND ${course ?? sql`true`})`;
}

/** Quizzes are as visible as their lesson's course; a teacher also sees the quizzes they wrote. */
function quizVisibility(alias: string, user: AuthUser | null, scopes: readonly Scope[]): SQL | undefined {
  if (scopes.includes('all')) return undefined;
  const course = courseVisibility('vis_c', user, scopes);
  return anyOf([
    sql`EXISTS (SELECT 1 FROM "lessons" "vis_l" JOIN "courses" "vis_c" ON "vis_c"."id" = "vis_l"."course_id" WHERE "vis_l"."id" = ${col(alias, 'lesson_id')} AND ${course ?? sql`true`})`,
    scopes.includes('own') && user ? sql`${col(alias, 'created_by_id')} = ${user.id}` : undefined,
  ]);
}

const everyone = () => undefined;

/** Students see questions, never answers or explanations, until grading (issue 4) returns them. */
function questionsFor(alias: string, user: AuthUser | null): SQL {
  if (staff(user)) return col(alias, 'questions');
  return sql`(SELECT coalesce(jsonb_agg(q - 'answer' - 'explanation'), '[]'::jsonb) FROM jsonb_array_elements(${col(alias, 'questions')}) q)`;
}

export const CONTENT_TYPES: Record<string, ContentType> = {
  courses: {
    name: 'courses',
    table: 'courses',
    resource: 'courses',
    attributes: {
      ...base,
      title: { column: 'title', type: 'string' },
      description: { column: 'description', type: 'text' },
      category: { column: 'category', type: 'enum', enum: courseCategory.enumValues },
      ageTier: { column: 'age_tier', type: 'enum', enum: ageTier.enumValues },
      difficulty: { column: 'difficulty', type: 'enum', enum: difficulty.enumValues },
      isPublished: { column: 'is_published', type: 'boolean' },
      estimatedDuration: { column: 'estimated_duration', type: 'integer' },
      tags: { column: 'tags', type: 'json' },
      publishedAt: { column: 'published_at', type: 'datetime' },
    },
    relations: {
      instructor: { target: 'instructors', many: false, link: { kind: 'owner', column: 'instructor_id' } },
      coverImage: { target: 'files', many: false, link: { kind: 'owner', column: 'cover_image_id' } },
      lessons: { target: 'lessons', many: true, link: { kind: 'inverse', column: 'course_id' } },
      prerequisites: {
        target: 'courses',
        many: true,
        link: { kind: 'joinTable', table: 'course_prerequisites', from: 'course_id', to: 'prerequisite_id' },
      },
    },
    visibility: courseVisibility,
    defaultSort: [{ attribute: 'createdAt', direction: 'desc' }],
    publishedAttribute: 'isPublished',
  },
  lessons: {
    name: 'lessons',
    table: 'lessons',
    resource: 'lessons',
    attributes: {
      ...base,
      title: { column: 'title', type: 'string' },
      content: { column: 'content', type: 'text' },
      type: { column: 'type', type: 'enum', enum: lessonType.enumValues },
      order: { column: 'order', type: 'integer' },
      duration: { column: 'duration', type: 'integer' },
      isLocked: { column: 'is_locked', type: 'boolean' },
    },
    relations: {
      course: { target: 'courses', many: false, link: { kind: 'owner', column: 'course_id' } },
      media: { target: 'files', many: false, link: { kind: 'owner', column: 'media_id' } },
      quiz: { target: 'quizzes', many: false, link: { kind: 'inverse', column: 'lesson_id' } },
      attachments: {
        target: 'files',
        many: true,
        link: {
          kind: 'joinTable',
          table: 'lesson_attachments',
          from: 'lesson_id',
          to: 'file_id',
          orderColumn: 'position',
        },
      },
    },
    visibility: lessonVisibility,
    defaultSort: [{ attribute: 'order', direction: 'asc' }],
  },
  quizzes: {
    name: 'quizzes',
    table: 'quizzes',
    resource: 'quizzes',
    attributes: {
      ...base,
      title: { column: 'title', type: 'string' },
      questions: { column: 'questions', type: 'json', project: questionsFor },
      timeLimit: { column: 'time_limit', type: 'integer' },
      passingScore: { column: 'passing_score', type: 'integer' },
      randomizeQuestions: { column: 'randomize_questions', type: 'boolean' },
    },
    relations: {
      lesson: { target: 'lessons', many: false, link: { kind: 'owner', column: 'lesson_id' } },
    },
    visibility: quizVisibility,
    defaultSort: [{ attribute: 'createdAt', direction: 'desc' }],
  },
  instructors: {
    name: 'instructors',
    table: 'instructors',
    resource: 'instructors',
    attributes: {
      ...base,
      name: { column: 'name', type: 'string' },
      bio: { column: 'bio', type: 'text' },
      qualifications: { column: 'qualifications', type: 'json' },
      // Staff contact details are for staff.
      email: { column: 'email', type: 'string', readable: staff },
    },
    relations: {
      photo: { target: 'files', many: false, link: { kind: 'owner', column: 'photo_id' } },
      courses: { target: 'courses', many: true, link: { kind: 'inverse', column: 'instructor_id' } },
    },
    visibility: everyone,
    defaultSort: [{ attribute: 'name', direction: 'asc' }],
  },
  achievements: {
    name: 'achievements',
    table: 'achievements',
    resource: 'achievements',
    attributes: {
      ...base,
      title: { column: 'title', type: 'string' },
      description: { column: 'description', type: 'text' },
      criteria: { column: 'criteria', type: 'json' },
      points: { column: 'points', type: 'integer' },
      badgeType: { column: 'badge_type', type: 'enum', enum: badgeType.enumValues },
      category: { column: 'category', type: 'enum', enum: achievementCategory.enumValues },
    },
    relations: {
      icon: { target: 'files', many: false, link: { kind: 'owner', column: 'icon_id' } },
    },
    visibility: everyone,
    defaultSort: [{ attribute: 'points', direction: 'asc' }],
  },
  files: {
    name: 'files',
    table: 'files',
    resource: 'upload',
    attributes: {
      ...base,
      name: { column: 'name', type: 'string' },
      alternativeText: { column: 'alternative_text', type: 'text' },
      caption: { column: 'caption', type: 'text' },
      width: { column: 'width', type: 'integer' },
      height: { column: 'height', type: 'integer' },
      formats: { column: 'formats', type: 'json' },
      hash: { column: 'hash', type: 'string' },
      ext: { column: 'ext', type: 'string' },
      mime: { column: 'mime', type: 'string' },
      size: { column: 'size', type: 'number' },
      url: { column: 'url', type: 'string' },
      previewUrl: { column: 'preview_url', type: 'string' },
      provider: { column: 'provider', type: 'string' },
    },
    relations: {},
    // Media reached through a readable document is public (a course cover, a lesson's audio).
    readableThroughRelations: true,
    visibility: everyone,
    defaultSort: [{ attribute: 'createdAt', direction: 'desc' }],
  },
};

Object.assign(CONTENT_TYPES, LEARNING_TYPES);

export function contentType(name: string): ContentType {
  const type = CONTENT_TYPES[name];
  if (!type) throw new Error(`unknown content type ${name}`);
  return type;
}

export { col };
