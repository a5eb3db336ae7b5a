// What the learner home offers first: the lesson to continue, then the next lessons of each course.
import type { CourseSummary, LessonSummary } from './enrolled-courses';

export interface RecentLesson {
  lesson: string;
  completed: boolean;
  progress: number;
  lastAccessed: string;
}

export interface LessonPick {
  course: Pick<CourseSummary, 'documentId' | 'title' | 'progress'>;
  lesson: LessonSummary;
  /** The learner's progress in this lesson so far, 0-100. */
  progress: number;
  /** True when it is a lesson already started; false when it is simply the next one. */
  started: boolean;
}

/**
 * The lesson to continue: the one touched last and not finished; when the last one touched was
 * finished, the next unfinished lesson of that course; else the first unfinished lesson of the first
 * course. Null when everything is done (or there is nothing to do).
 */
export function pickContinue(courses: CourseSummary[], recent: RecentLesson[]): LessonPick | null {
  const latest = [...recent].sort((a, b) => b.lastAccessed.localeCompare(a.lastAccessed));
  for (const record of latest) {
    const course = courses.find((c) => c.lessons.some((l) => l.documentId === record.lesson));
    if (!course) continue;
    const lesson = course.lessons.find((l) => l.documentId === record.lesson)!;
    if (!record.completed && !lesson.completed) return { course, lesson, progress: record.progress, started: true };
    const next = nextInCourse(course, lesson.documentId);
    if (next) return { course, lesson: next, progress: 0, started: false };
  }
  for (const course of courses) {
    const next = course.lessons.find((l) => !l.completed);
    if (next) return { course, lesson: next, progress: 0, started: false };
  }
  return null;
}

/** The first unfinished lesson after `after` in the course, wrapping to earlier ones left undone. */
function nextInCourse(course: CourseSummary, after: string): LessonSummary | undefined {
  const at = course.lessons.findIndex((l) => l.documentId === after);
  const rest = [...course.lessons.slice(at + 1), ...course.lessons.slice(0, at)];
  return rest.find((l) => !l.completed);
}

/** Up to `limit` next lessons, one per course in turn, skipping the one offered to continue. */
export function nextLessons(courses: CourseSummary[], skip: string | undefined, limit = 3): LessonPick[] {
  const queues = courses.map((course) => ({
    course,
    lessons: course.lessons.filter((l) => !l.completed && l.documentId !== skip),
  }));
  const picks: LessonPick[] = [];
  for (let round = 0; picks.length < limit; round++) {
    const found = queues.filter((q) => q.lessons[round]);
    if (found.length === 0) break;
    for (const q of found) {
      if (picks.length < limit)
        picks.push({ course: q.course, lesson: q.lessons[round]!, progress: 0, started: false });
    }
  }
  return picks;
}
