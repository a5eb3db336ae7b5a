import { z } from 'zod';
import type { enrollmentStatus, lessonType } from '../../db/schema/enums';
import type { QuizQuestion } from './quiz-questions';

type EnrollmentStatus = (typeof enrollmentStatus.enumValues)[number];
type LessonType = (typeof lessonType.enumValues)[number];

// ---- requests --------------------------------------------------------------------------------------

/** The widest window a report covers: two years of days keeps every statement bounded. */
export const MAX_REPORT_DAYS = 731;
/** A report without `from` covers the 90 days up to `to` (today by default). */
export const DEFAULT_REPORT_DAYS = 90;

const documentKey = z.string().min(1).max(24);
const day = z.iso.date();
const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/**
 * The parameters every report shares: a window of UTC days (`to` included), one course, and the
 * format (JSON by default; `csv`, or an Accept header asking for text/csv).
 */
export const reportParameters = {
  from: day.optional(),
  to: day.optional(),
  course: documentKey.optional(),
  format: z.enum(['json', 'csv']).optional(),
};

/** The window must run forwards and stay within MAX_REPORT_DAYS; checked with the defaults applied. */
export function checkWindow(query: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  const to = query.to ?? today();
  if (query.from === undefined) return;
  if (query.from > to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' });
  else if (daysBetween(query.from, to) >= MAX_REPORT_DAYS)
    ctx.addIssue({ code: 'custom', path: ['from'], message: `a report covers at most ${MAX_REPORT_DAYS} days` });
}

const reportQuery = <T extends z.ZodRawShape>(extra: T) =>
  z
    .object({ ...reportParameters, ...extra })
    .strict()
    .superRefine((q, ctx) => checkWindow(q as { from?: string; to?: string }, ctx));

export const completionQuery = reportQuery({});
export const engagementQuery = reportQuery({ interval: z.enum(['day', 'week']).default('day') });
export const quizPerformanceQuery = reportQuery({
  attempts: z.enum(['first', 'last', 'best', 'all']).default('first'),
});
export const itemAnalysisQuery = quizPerformanceQuery;
export const popularityQuery = reportQuery({
  by: z.enum(['course', 'lesson']).default('course'),
  sort: z.enum(['learners', 'timeSpent', 'enrollments']).default('learners'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const retentionQuery = reportQuery({ weeks: z.coerce.number().int().min(1).max(26).default(8) });
export const liveEnrollmentsQuery = z
  .object({
    course: documentKey.optional(),
    minutes: z.coerce.number().int().min(1).max(1440).default(60),
    format: reportParameters.format,
  })
  .strict();

export const PROGRESS_GRID_SORTS = [
  'name',
  'progress',
  'lastActive',
  'timeSpent',
  'lessonsCompleted',
  'averageQuizScore',
  'enrolledAt',
] as const;

export const progressGridQuery = z
  .object({
    sort: z
      .string()
      .regex(new RegExp(`^(${PROGRESS_GRID_SORTS.join('|')})(:(asc|desc))?$`), 'sort is <column>[:asc|:desc]')
      .default('name:asc'),
    status: z
      .string()
      .regex(/^(enrolled|in_progress|completed|dropped)(,(enrolled|in_progress|completed|dropped))*$/)
      .optional(),
    search: z.string().trim().min(1).max(100).optional(),
    /** Only learners not active in the course for at least this many days (or never). */
    inactiveDays: z.coerce.number().int().min(1).max(365).optional(),
    'pagination[page]': z.coerce.number().int().min(1).default(1),
    'pagination[pageSize]': z.coerce.number().int().min(1).max(500).default(200),
    format: reportParameters.format,
  })
  .strict();

export const apiUsageQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    /** A route pattern, as listed (e.g. /api/courses/:documentId). */
    route: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\w/:*{}.+-]+$/, 'route is a route pattern such as /api/courses/:documentId')
      .optional(),
    format: reportParameters.format,
  })
  .strict()
  .superRefine((q, ctx) => checkWindow(q, ctx));

export const systemHealthQuery = z.object({ refresh: z.enum(['true', 'false']).optional() }).strict();

// ---- answers ---------------------------------------------------------------------------------------

export type ColumnUnit = 'count' | 'percent' | 'index' | 'seconds' | 'days' | 'ms' | 'date' | 'datetime' | 'text';

/** A column of a report's table: the key is a dotted path into a row; the CSV export uses the same list. */
export interface ReportColumn {
  key: string;
  label: string;
  unit: ColumnUnit;
}

export interface CourseRef {
  documentId: string;
  title: string;
}

export interface LessonRef {
  documentId: string;
  title: string;
  order: number;
  type: LessonType;
}

export interface ReportMeta {
  columns: ReportColumn[];
  /** The courses the figures cover: one course, the teacher's own, or the whole school. */
  scope: { course: CourseRef | null; courses: number | 'all' };
  /** UTC days, both included; null when the report is not limited in time. */
  period: { from: string | null; to: string | null };
  generatedAt: string;
}

export interface ReportAnswer<Row, Extra = object> {
  data: Row[];
  meta: ReportMeta & Extra;
}

/** GET /api/analytics/completion: enrollments made in the window, per course. */
export interface CompletionRow {
  course: CourseRef;
  enrolled: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  dropped: number;
  /** Percent of the window's enrollments completed by now. */
  completionRate: number;
  dropRate: number;
  /** Over enrollments not dropped. */
  averageProgress: number | null;
  medianDaysToComplete: number | null;
}
export type CompletionTotals = Omit<CompletionRow, 'course'>;

/** GET /api/analytics/engagement: learners active per UTC day or ISO week (Monday). */
export interface EngagementRow {
  /** The first day of the day or week. */
  period: string;
  activeStudents: number;
  /** Progress events and quiz attempts started. */
  activities: number;
  /** Seconds, as reported by progress events. */
  timeSpent: number;
}

/** GET /api/analytics/quizzes: each quiz's results over the counted attempts. */
export interface QuizPerformanceRow {
  quiz: { documentId: string; title: string };
  lesson: { documentId: string; title: string } | null;
  course: CourseRef | null;
  /** Graded attempts in the window, all of them. */
  gradedAttempts: number;
  /** Learners with a counted attempt. */
  learners: number;
  averageScore: number | null;
  medianScore: number | null;
  passRate: number | null;
  averageDuration: number | null;
}

export type AttemptPolicy = 'first' | 'last' | 'best' | 'all';

/** GET /api/analytics/quizzes/:quiz/items: classical item analysis of each question. */
export interface ItemAnalysisRow {
  question: { id: string; position: number; type: QuizQuestion['type']; prompt: string; points: number };
  /** Counted attempts that were asked this question. */
  attempts: number;
  /** Percent of those attempts that scored the question fully. */
  facility: number | null;
  /** Mean share of the question's points earned, percent (differs from facility with partial credit). */
  averageScore: number | null;
  /** Facility in the top third of attempts by total score minus facility in the bottom third, -1 to 1. */
  discrimination: number | null;
  /** The wrong answer chosen most often; null when none was, or for ordering questions. */
  mostChosenWrong: { answer: string; option: number | null; count: number; share: number } | null;
  /** Attempts that left the question unanswered. */
  unanswered: number;
}

export interface ItemAnalysisMeta {
  quiz: { documentId: string; title: string; passingScore: number };
  attemptsCounted: AttemptPolicy;
  /** Attempts in the analysis (after the policy), and the size of each third compared. */
  attempts: number;
  groupSize: number;
}

/** GET /api/analytics/popularity?by=course */
export interface CoursePopularityRow {
  course: CourseRef;
  activeLearners: number;
  timeSpent: number;
  newEnrollments: number;
}

/** GET /api/analytics/popularity?by=lesson */
export interface LessonPopularityRow {
  lesson: LessonRef;
  course: CourseRef;
  activeLearners: number;
  activities: number;
  timeSpent: number;
}

/** GET /api/analytics/retention: enrollments grouped by the ISO week they were made in. */
export interface RetentionRow {
  /** Monday of the cohort's week. */
  cohort: string;
  size: number;
  /** retained[k]: enrollments whose learner was active in that course k weeks after the cohort week; null: not yet. */
  retained: (number | null)[];
  rates: (number | null)[];
}

/** GET /api/analytics/enrollments/live: cheap to poll (one indexed statement). */
export interface LiveEnrollments {
  today: number;
  thisWeek: number;
  lastMinutes: { minutes: number; count: number };
  latestAt: string | null;
  /** When today (UTC) and this ISO week began. */
  since: { today: string; week: string };
  asOf: string;
}

/** One cell of the progress grid: null when the learner has not opened the lesson. */
export type ProgressCell = [progress: number, completed: 0 | 1, quizScore: number | null] | null;

export interface GridStudent {
  documentId: string;
  username: string;
  /** Teachers see their own students' names; contact details (e-mail, phone, birth date) are never shown. */
  fullName: string | null;
  status: EnrollmentStatus;
  progress: number;
  enrolledAt: string;
  completedAt: string | null;
  lastActive: string | null;
  timeSpent: number;
  lessonsCompleted: number;
  averageQuizScore: number | null;
}

/** GET /api/analytics/courses/:course/progress: students x lessons, cells[i][j] for students[i] in lessons[j]. */
export interface ProgressGrid {
  course: CourseRef;
  lessons: (LessonRef & { quiz: string | null })[];
  students: GridStudent[];
  cells: ProgressCell[][];
}

export interface ProgressGridMeta {
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
  sort: string;
  filters: { status: EnrollmentStatus[] | null; search: string | null; inactiveDays: number | null };
  /** How to read a cell. */
  cell: ['progress', 'completed', 'quizScore'];
}

export interface AttemptAnswer {
  questionId: string;
  prompt: string;
  type: QuizQuestion['type'];
  /** The learner's answer in words (option texts), or null when left blank. */
  given: string | null;
  correct: boolean;
  earned: number;
  points: number;
}

export interface AttemptDetail {
  documentId: string;
  quiz: { documentId: string; title: string };
  lesson: { documentId: string; title: string } | null;
  startedAt: string;
  submittedAt: string | null;
  durationSeconds: number | null;
  score: number | null;
  passed: boolean | null;
  late: boolean;
  answers: AttemptAnswer[];
}

export interface ActivityEntry {
  lesson: { documentId: string; title: string };
  occurredAt: string;
  receivedAt: string;
  progress: number;
  completed: boolean;
  timeSpent: number;
  /** Sent from the offline outbox: it reached the server well after it happened on the device. */
  offline: boolean;
}

/** GET /api/analytics/courses/:course/students/:student */
export interface StudentDetail {
  student: { documentId: string; username: string; fullName: string | null };
  course: CourseRef;
  enrollment: { status: EnrollmentStatus; progress: number; enrolledAt: string; completedAt: string | null };
  summary: {
    lessonsCompleted: number;
    lessonsTotal: number;
    timeSpent: number;
    lastActive: string | null;
    averageQuizScore: number | null;
    attempts: number;
    offlineActivities: number;
  };
  lessons: (LessonRef & {
    progress: number;
    completed: boolean;
    quizScore: number | null;
    timeSpent: number;
    lastAccessed: string | null;
  })[];
  attempts: AttemptDetail[];
  /** The latest progress events in the course, newest first. */
  activity: ActivityEntry[];
  badges: { documentId: string; title: string; badgeType: string; points: number; earnedAt: string }[];
  streaks: { type: string; current: number; longest: number; lastActivityDate: string | null }[];
}

export type UsageSource = 'analytics-engine' | 'memory' | 'off';

/** GET /api/observability/api-usage: per route pattern, method and UTC day. */
export interface ApiUsageRow {
  day: string;
  route: string;
  method: string;
  requests: number;
  clientErrors: number;
  serverErrors: number;
  /** Percent of requests answered 5xx. */
  errorRate: number;
  /** Percent answered 4xx. */
  clientErrorRate: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface ApiUsageMeta {
  columns: ReportColumn[];
  period: { from: string; to: string };
  source: UsageSource;
  /** False when the store cannot be read (e.g. no Analytics Engine token); `note` says why. */
  available: boolean;
  note: string | null;
  generatedAt: string;
}

/** GET /api/observability/health */
export interface SystemHealth {
  status: 'ok' | 'degraded' | 'down';
  checkedAt: string;
  database: { reachable: boolean; latencyMs: number | null; serverVersion: string | null; error: string | null };
  migrations: {
    /** Migrations this build of the worker knows (its journal). */
    expected: number;
    applied: number;
    pending: string[];
    /** Applied in the database but unknown to this build: the database is ahead of the code. */
    unknown: number;
    latestApplied: string | null;
    upToDate: boolean;
  } | null;
  storage: {
    bound: boolean;
    objects: number;
    bytes: number;
    byPrefix: { prefix: string; objects: number; bytes: number }[];
    listedAt: string | null;
    /** Stopped after the listing limit: the figures are a lower bound. */
    truncated: boolean;
  };
  backups: {
    /** The newest object under backups/ in R2, when backups are written there. */
    lastBackupAt: string | null;
    /** Neon keeps a history to restore to any moment within its retention window. */
    pointInTimeRestore: boolean;
    note: string;
  };
  apiUsage: { source: UsageSource };
}

export type ProgressGridQuery = z.output<typeof progressGridQuery>;
