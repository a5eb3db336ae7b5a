// The API's answer types, from the worker's own contract (worker/contract, imported type-only): the worker
// returns these and the app reads them, so a change on one side is a type error on the other.
import type { Lesson } from '$contract/documents';
import type { User } from '$contract/users';

export type { Course, Enrollment, Lesson, MediaFile, Quiz } from '$contract/documents';
export type { FlashcardsActivity, InteractiveActivity, OrderActivity } from '$contract/interactive';
export type { EventOutcome, ProgressEventInput as ProgressEvent, ProgressRecord } from '$contract/learning';
export type {
  AttemptQuestion,
  CorrectAnswer,
  GradedAttempt,
  LearningMeta,
  QuestionFeedback,
  StartedAttempt,
} from '$contract/learning';
export type { GradedOfflineAttempt, OfflineAttemptInput } from '$contract/offline-attempts';
export type {
  CertificateVerification,
  RefreshAnswer as Tokens,
  SignInAnswer as AuthResponse,
  User,
} from '$contract/users';
export type { ListAnswer as ListResponse } from '$contract/wire';

export type LessonType = Lesson['type'];
export type RoleType = User['role']['type'];
export type { Achievement, Certificate, Instructor, Streak, UserAchievement, UserProgress } from '$contract/documents';
export type { AchievementCriteria } from '$contract/achievement-criteria';
export type { LeaderboardAnswer, LeaderboardEntry, ProgressStats, StudentStats } from '$contract/stats';
export type { PublicSchoolSettings } from '$contract/school-settings';
