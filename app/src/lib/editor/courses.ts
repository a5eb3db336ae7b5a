// The course editor's reads and writes (teachers: their own courses; admins: every course).
import type { ApiClient, Course, ListResponse, MediaFile } from '$lib/api';
import type { CourseStats } from '$contract/stats';
import { readVersioned, saveVersioned, type Versioned } from './documents';

export type Category = Course['category'];
export type AgeTier = Course['ageTier'];
export type Difficulty = Course['difficulty'];
export const CATEGORIES: Category[] = ['quran', 'hadith', 'fiqh', 'seerah', 'aqeedah', 'general'];
export const AGE_TIERS: AgeTier[] = ['children', 'youth', 'adults', 'all'];
export const DIFFICULTIES: Difficulty[] = ['beginner', 'intermediate', 'advanced'];

export const COURSE_POPULATE = {
  instructor: { fields: ['name'] },
  coverImage: true,
  prerequisites: { fields: ['title'] },
  lessons: { sort: ['order:asc'], fields: ['title', 'type', 'order', 'isLocked', 'duration'] },
};

/** The courses this person may edit, newest first: a teacher's own, or every course for an admin. */
export async function fetchEditableCourses(api: ApiClient, signal?: AbortSignal): Promise<Course[]> {
  const stats = await api.get<{ data: { courses: CourseStats[] } }>('/progress-stats', undefined, signal);
  const ids = stats.data.courses.map((c) => c.course.documentId);
  if (!ids.length) return [];
  const { data } = await api.get<ListResponse<Course>>(
    '/courses',
    {
      filters: { documentId: { $in: ids } },
      fields: ['title', 'category', 'isPublished', 'updatedAt'],
      populate: { lessons: { fields: ['title'] } },
      sort: ['updatedAt:desc'],
      pagination: { pageSize: 100 },
    },
    signal,
  );
  return data;
}

export async function createCourse(api: ApiClient, title: string): Promise<Course> {
  const { data } = await api.post<{ data: Course }>('/courses', { data: { title, category: 'general' } });
  return data;
}

export const fetchCourse = (api: ApiClient, documentId: string, signal?: AbortSignal) =>
  readVersioned<Course>(api, `/courses/${documentId}`, { populate: COURSE_POPULATE }, signal);

/** What the course form edits, as inputs hold it. */
export interface CourseForm {
  title: string;
  description: string;
  category: Category;
  ageTier: AgeTier;
  difficulty: Difficulty;
  instructor: string;
  coverImage: Pick<MediaFile, 'id' | 'url' | 'name' | 'alternativeText'> | null;
  estimatedDuration: string;
  tags: string;
  prerequisites: string[];
  isPublished: boolean;
}

export function courseForm(course: Course): CourseForm {
  const cover = course.coverImage;
  return {
    title: course.title,
    description: course.description ?? '',
    category: course.category,
    ageTier: course.ageTier,
    difficulty: course.difficulty,
    instructor: course.instructor?.documentId ?? '',
    coverImage: cover
      ? { id: cover.id, url: cover.url, name: cover.name, alternativeText: cover.alternativeText }
      : null,
    estimatedDuration: course.estimatedDuration == null ? '' : String(course.estimatedDuration),
    tags: course.tags.join(', '),
    prerequisites: (course.prerequisites ?? []).map((p) => p.documentId),
    isPublished: course.isPublished,
  };
}

export function courseBody(form: CourseForm): Record<string, unknown> {
  const minutes = String(form.estimatedDuration ?? '').trim();
  return {
    title: form.title,
    description: form.description || null,
    category: form.category,
    ageTier: form.ageTier,
    difficulty: form.difficulty,
    instructor: form.instructor || null,
    coverImage: form.coverImage?.id ?? null,
    estimatedDuration: minutes === '' ? null : Number(minutes),
    tags: [
      ...new Set(
        form.tags
          .split(/[,،]/)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ],
    prerequisites: { set: form.prerequisites },
    isPublished: form.isPublished,
  };
}

export const saveCourse = (api: ApiClient, documentId: string, form: CourseForm, version: string | null) =>
  saveVersioned<Course>(api, `/courses/${documentId}`, courseBody(form), version, { populate: COURSE_POPULATE });

export interface Choice {
  documentId: string;
  label: string;
}

/** Instructors and other courses, for the form's choices. */
export async function fetchChoices(api: ApiClient, signal?: AbortSignal) {
  const [instructors, courses] = await Promise.all([
    api.get<ListResponse<{ documentId: string; name: string }>>(
      '/instructors',
      { fields: ['name'], sort: ['name:asc'], pagination: { pageSize: 100 } },
      signal,
    ),
    api.get<ListResponse<Course>>(
      '/courses',
      { fields: ['title'], sort: ['title:asc'], pagination: { pageSize: 100 } },
      signal,
    ),
  ]);
  return {
    instructors: instructors.data.map((i): Choice => ({ documentId: i.documentId, label: i.name })),
    courses: courses.data.map((c): Choice => ({ documentId: c.documentId, label: c.title })),
  };
}

export type { Versioned };
