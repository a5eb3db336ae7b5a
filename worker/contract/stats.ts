import type { enrollmentStatus } from '../../db/schema/enums';

type EnrollmentStatus = (typeof enrollmentStatus.enumValues)[number];

/** GET /api/progress-stats and GET /api/leaderboards: what each role's answer holds. */

export interface LearnerCourseStats {
  course: { documentId: string; title: string };
  status: EnrollmentStatus;
  progress: number;
  lessonsCompleted: number;
  lessonsTotal: number;
  /** Seconds. */
  timeSpent: number;
  averageQuizScore: number | null;
}

export interface LearnerTotals {
  /** Courses the learner is in now: a dropped course is listed but not counted here. */
  coursesEnrolled: number;
  coursesCompleted: number;
  lessonsCompleted: number;
  timeSpent: number;
  points: number;
  achievementsEarned: number;
}

export interface LearnerProgress {
  learner: { documentId: string; displayName: string };
  courses: LearnerCourseStats[];
  totals: LearnerTotals;
}

export interface LessonStats {
  lesson: { documentId: string; title: string; order: number };
  /** Learners who completed the lesson. */
  completedBy: number;
  averageQuizScore: number | null;
}

export interface CourseStats {
  course: { documentId: string; title: string };
  /** Every enrollment, whatever its status; the next three say how many are in progress, completed, dropped. */
  enrolled: number;
  inProgress: number;
  completed: number;
  dropped: number;
  /** Over enrollments that are not dropped: a learner who left says nothing about how the course goes. */
  averageProgress: number | null;
  averageQuizScore: number | null;
  lessons: LessonStats[];
}

export type SchoolTotals = {
  students: number;
  teachers: number;
  parents: number;
  courses: number;
  publishedCourses: number;
  enrollments: number;
  completions: number;
};

export interface LeaderboardEntry {
  rank: number;
  points: number;
  learner: { documentId: string; displayName: string };
  isMe: boolean;
}

/** GET /api/progress-stats for a student: their own courses and totals. */
export interface StudentStats {
  courses: LearnerCourseStats[];
  totals: LearnerTotals;
}

/** GET /api/progress-stats, by the caller's role. */
export type ProgressStats =
  | StudentStats // a student: their own
  | { children: LearnerProgress[] } // a parent: each linked child
  | { courses: CourseStats[] } // a teacher: the courses they own
  | { courses: CourseStats[]; school: SchoolTotals }; // an admin: every course and the school

export interface LeaderboardAnswer {
  data: LeaderboardEntry[];
  meta: {
    period: 'week' | 'month' | 'all';
    since: string | null;
    ageTier: 'children' | 'youth' | 'adults' | null;
    course: string | null;
    /** The caller's own place, even below the limit; null when they are not ranked. */
    me: { rank: number; points: number } | null;
  };
}
