import type { InferSelectModel, Table } from 'drizzle-orm';
import type {
  achievements,
  certificates,
  courseEnrollments,
  courses,
  files,
  hifzMilestones,
  instructors,
  lessons,
  quizAttempts,
  quizzes,
  streaks,
  userAchievements,
  userProgresses,
} from '../../db/schema';
import type { InteractiveActivity } from './interactive';
import type { QuizQuestion } from './quiz-questions';
import type { Wire } from './wire';

/**
 * The columns of each document table that are NOT attributes in the API: foreign keys (the API shows
 * them as relations) and bookkeeping. Every other column of the table is an attribute, under its Drizzle
 * name; the content registry derives its attributes from the same lists.
 */
export const PRIVATE_COLUMNS = {
  courses: ['instructorId', 'coverImageId', 'createdById'],
  lessons: ['courseId', 'mediaId'],
  quizzes: ['lessonId', 'createdById'],
  instructors: ['photoId', 'userId'],
  achievements: ['iconId', 'createdById'],
  files: ['providerMetadata', 'createdById'],
  enrollments: ['userId', 'courseId'],
  userProgresses: ['userId', 'lessonId'],
  userAchievements: ['userId', 'achievementId'],
  streaks: ['userId'],
  certificates: ['userId', 'courseId', 'hifzMilestoneId'],
  hifzMilestones: ['studentId', 'checkId'],
  quizAttempts: ['userId', 'quizId', 'layout'],
} as const;

type Private<K extends keyof typeof PRIVATE_COLUMNS> = (typeof PRIVATE_COLUMNS)[K][number];
type Attributes<T extends Table, K extends keyof typeof PRIVATE_COLUMNS> = Wire<Omit<InferSelectModel<T>, Private<K>>>;

export type MediaFile = Attributes<typeof files, 'files'>;

export interface Instructor extends Omit<Attributes<typeof instructors, 'instructors'>, 'email'> {
  /** Staff contact details: only teachers and admins receive it. */
  email?: string | null;
  photo?: MediaFile | null;
  courses?: Course[];
}

export interface Course extends Attributes<typeof courses, 'courses'> {
  instructor?: Instructor | null;
  coverImage?: MediaFile | null;
  lessons?: Lesson[];
  prerequisites?: Course[];
}

export interface Lesson extends Omit<Attributes<typeof lessons, 'lessons'>, 'interactive'> {
  /** The activity of an interactive lesson (checked when written); null for other types. */
  interactive: InteractiveActivity | null;
  course?: Course | null;
  media?: MediaFile | null;
  quiz?: Quiz | null;
  attachments?: MediaFile[];
}

/** A question as learners and parents receive it: the answer and explanation come only after grading. */
export type QuestionView = QuizQuestion extends infer Q
  ? Q extends unknown
    ? Omit<Q, 'answer' | 'explanation'>
    : never
  : never;

export interface Quiz extends Omit<Attributes<typeof quizzes, 'quizzes'>, 'questions'> {
  /** Staff receive whole questions; everyone else receives QuestionView. */
  questions: (QuestionView | QuizQuestion)[];
  lesson?: Lesson | null;
}

export interface Achievement extends Attributes<typeof achievements, 'achievements'> {
  icon?: MediaFile | null;
}

/** The learner named on a learning record: never more than this. */
export interface Learner {
  id: number;
  documentId: string;
  username: string;
}

export interface Enrollment extends Attributes<typeof courseEnrollments, 'enrollments'> {
  user?: Learner | null;
  course?: Course | null;
}

export interface UserProgress extends Attributes<typeof userProgresses, 'userProgresses'> {
  user?: Learner | null;
  lesson?: Lesson | null;
}

export interface UserAchievement extends Attributes<typeof userAchievements, 'userAchievements'> {
  user?: Learner | null;
  achievement?: Achievement | null;
}

export interface Streak extends Attributes<typeof streaks, 'streaks'> {
  user?: Learner | null;
}

/** A hifz milestone reached (a surah, a juz, every fifth juz), as a certificate names it. */
export type HifzMilestoneRecord = Attributes<typeof hifzMilestones, 'hifzMilestones'>;

/** For a completed course or a hifz milestone: exactly one of the two is set. */
export interface Certificate extends Attributes<typeof certificates, 'certificates'> {
  user?: Learner | null;
  course?: Course | null;
  hifzMilestone?: HifzMilestoneRecord | null;
}

export interface QuizAttempt extends Attributes<typeof quizAttempts, 'quizAttempts'> {
  user?: Learner | null;
  quiz?: Quiz | null;
}
