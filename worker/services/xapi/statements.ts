import type { Database } from '../../../db/client';
import { xapiStatements } from '../../../db/schema';
import {
  badgeActivity,
  courseActivity,
  EXTENSIONS,
  hifzMilestoneActivity,
  lessonActivity,
  questionActivity,
  quizActivity,
  quranRangeActivity,
} from './activities';
import { toIsoDuration } from './iso-duration';
import type { AccountAgent, Activity, Result, StatementContext, XapiStatement } from './statement-types';
import { VERBS, type Verb } from './verbs';

export type { XapiStatement } from './statement-types';

export interface DocumentRef {
  documentId: string;
  title: string;
}

/** Everything a learner does that we record, in our words; `buildStatements` turns each into xAPI. */
export type LearningEvent =
  | { kind: 'lesson_experienced'; lesson: DocumentRef; course: DocumentRef; progress: number; durationSeconds: number }
  | { kind: 'lesson_completed'; lesson: DocumentRef; course: DocumentRef; durationSeconds: number }
  | { kind: 'quiz_attempted'; quiz: DocumentRef; lesson: DocumentRef | null; attemptId: string }
  | {
      kind: 'question_answered';
      quiz: DocumentRef;
      attemptId: string;
      questionId: string;
      prompt: string;
      response: string;
      success: boolean;
      scaled: number;
    }
  | {
      kind: 'quiz_passed' | 'quiz_failed';
      quiz: DocumentRef;
      lesson: DocumentRef | null;
      attemptId: string;
      scorePercent: number;
      durationSeconds: number;
      late: boolean;
    }
  | { kind: 'course_completed'; course: DocumentRef }
  | { kind: 'badge_earned'; achievement: DocumentRef & { points: number } }
  | {
      kind: 'hifz_recited';
      range: { from: number; to: number; label: string };
      check: 'sabaq' | 'sabqi' | 'manzil';
      grade: string;
      passed: boolean;
    }
  | { kind: 'hifz_milestone'; key: string; title: string; range: { from: number; to: number; label: string } };

/** The learner: their numeric id for our foreign key, their documentId for the statement. */
export interface Actor {
  id: number;
  documentId: string;
}

export interface BuildOptions {
  /** The site's origin, e.g. "https://lms.attaqwamasjid.org": the namespace of every IRI we mint. */
  origin: string;
  /** When the events happened (the statement's `timestamp`). */
  timestamp: Date;
  /** Statement ids; tests pass a fixed sequence. */
  ids?: () => string;
}

export const XAPI_VERSION = '1.0.3';
const PLATFORM = 'AttaqwaMasjid LMS';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Learners are mostly children. A statement leaves our hands (exports, dashboards, other LRSs), so it
 * names the learner only by an opaque account — their documentId on our site — and never by their name,
 * username or e-mail address (no `name`, no `mbox`, no `mbox_sha1sum`: a hash of an e-mail is still a
 * lookup key for it). Only we can map the documentId back to a child.
 */
export function learnerAgent(origin: string, actor: Actor): AccountAgent {
  return { objectType: 'Agent', account: { homePage: origin, name: actor.documentId } };
}

/** The LMS itself vouches for every statement it stores. */
export function lmsAuthority(origin: string): AccountAgent {
  return { objectType: 'Agent', name: PLATFORM, account: { homePage: origin, name: 'attaqwamasjid-lms' } };
}

/**
 * A quiz's duration can come from two clocks (the database's start, the worker's submit) that disagree
 * by a few milliseconds: a negative duration is no time at all, not a reason to fail the learner's request.
 */
const duration = (seconds: number) => toIsoDuration(Math.max(0, seconds));

/** cmi5's progress is a whole percent, 0-100. */
const percent = (value: number) => Math.min(100, Math.max(0, Math.round(value)));

interface Parts {
  verb: Verb;
  object: Activity;
  result?: Result;
  parents?: Activity[];
  attemptId?: string;
}

function partsOf(origin: string, event: LearningEvent): Parts {
  switch (event.kind) {
    case 'lesson_experienced':
      return {
        verb: VERBS.experienced,
        object: lessonActivity(origin, event.lesson),
        result: {
          duration: duration(event.durationSeconds),
          extensions: { [EXTENSIONS.progress]: percent(event.progress) },
        },
        parents: [courseActivity(origin, event.course)],
      };
    case 'lesson_completed':
      return {
        verb: VERBS.completed,
        object: lessonActivity(origin, event.lesson),
        result: { completion: true, duration: duration(event.durationSeconds) },
        parents: [courseActivity(origin, event.course)],
      };
    case 'quiz_attempted':
      return {
        verb: VERBS.attempted,
        object: quizActivity(origin, event.quiz),
        parents: event.lesson ? [lessonActivity(origin, event.lesson)] : undefined,
        attemptId: event.attemptId,
      };
    case 'question_answered':
      return {
        verb: VERBS.answered,
        object: questionActivity(origin, event.quiz, event.questionId, event.prompt),
        result: { response: event.response, success: event.success, score: { scaled: event.scaled } },
        parents: [quizActivity(origin, event.quiz)],
        attemptId: event.attemptId,
      };
    case 'quiz_passed':
    case 'quiz_failed':
      return {
        verb: event.kind === 'quiz_passed' ? VERBS.passed : VERBS.failed,
        object: quizActivity(origin, event.quiz),
        result: {
          score: { scaled: event.scorePercent / 100, raw: event.scorePercent, min: 0, max: 100 },
          success: event.kind === 'quiz_passed',
          completion: true,
          duration: duration(event.durationSeconds),
          extensions: { [EXTENSIONS.late]: event.late },
        },
        parents: event.lesson ? [lessonActivity(origin, event.lesson)] : undefined,
        attemptId: event.attemptId,
      };
    case 'course_completed':
      return { verb: VERBS.completed, object: courseActivity(origin, event.course), result: { completion: true } };
    case 'hifz_recited':
      return {
        verb: event.passed ? VERBS.passed : VERBS.failed,
        object: quranRangeActivity(origin, event.range.label),
        result: {
          success: event.passed,
          completion: true,
          extensions: {
            [EXTENSIONS.hifzCheck]: event.check,
            [EXTENSIONS.hifzGrade]: event.grade,
            [EXTENSIONS.quranRange]: [event.range.from, event.range.to],
          },
        },
      };
    case 'hifz_milestone':
      return {
        verb: VERBS.completed,
        object: hifzMilestoneActivity(origin, event.key, event.title),
        result: { completion: true, extensions: { [EXTENSIONS.quranRange]: [event.range.from, event.range.to] } },
        parents: [quranRangeActivity(origin, event.range.label)],
      };
    case 'badge_earned':
      // The badge's points are its raw score: unbounded, so no min or max and no scaled.
      return {
        verb: VERBS.earned,
        object: badgeActivity(origin, event.achievement),
        result: { score: { raw: event.achievement.points } },
      };
  }
}

/**
 * The events don't carry a grandparent (a quiz's course, a question's lesson), so `grouping` is left
 * out rather than filled with a guess; the parent chain links each statement upwards.
 */
function contextOf(parts: Parts): StatementContext {
  const context: StatementContext = { platform: PLATFORM, language: 'en' };
  if (parts.parents) context.contextActivities = { parent: parts.parents };
  if (parts.attemptId !== undefined) {
    // xAPI requires `registration` to be a UUID; our attempt ids usually are documentIds, which travel
    // in an extension instead so the statements of one attempt can still be found together.
    if (UUID.test(parts.attemptId)) context.registration = parts.attemptId;
    context.extensions = { [EXTENSIONS.attempt]: parts.attemptId };
  }
  return context;
}

/** Builds the statements (pure) — tests call it directly. */
export function buildStatements(actor: Actor, events: LearningEvent[], options: BuildOptions): XapiStatement[] {
  // Normalised so that "https://x.org/" and "https://x.org" mint the same IRIs; throws on a non-URL.
  const origin = new URL(options.origin).origin;
  const nextId = options.ids ?? (() => crypto.randomUUID());
  const timestamp = options.timestamp.toISOString();
  return events.map((event) => {
    const parts = partsOf(origin, event);
    const statement: XapiStatement = {
      id: nextId(),
      actor: learnerAgent(origin, actor),
      verb: parts.verb,
      object: parts.object,
      context: contextOf(parts),
      timestamp,
      version: XAPI_VERSION,
    };
    if (parts.result) statement.result = parts.result;
    return statement;
  });
}

/** A statement as its row is stored: the LRS answers `statement`, the other columns find it. */
export interface StatementRow {
  id: string;
  userId: number;
  verb: string;
  activity: string;
  statement: XapiStatement;
  timestamp: Date;
  stored: Date;
}

/** The rows of the events' statements, stored now, with the LMS as their authority (pure but for ids and the clock). */
export function statementRows(
  actor: Actor,
  events: LearningEvent[],
  options: { origin: string; timestamp: Date },
): StatementRow[] {
  if (events.length === 0) return [];
  const origin = new URL(options.origin).origin;
  // Set here, not by the column default, so the row and the JSON the LRS answers agree to the millisecond.
  const stored = new Date();
  return buildStatements(actor, events, options).map((built) => {
    const statement: XapiStatement = { ...built, stored: stored.toISOString(), authority: lmsAuthority(origin) };
    return {
      id: statement.id,
      userId: actor.id,
      verb: statement.verb.id,
      activity: statement.object.id,
      statement,
      timestamp: options.timestamp,
      stored,
    };
  });
}

/** Inserts statement rows in ONE statement (a multi-row INSERT), none when there are none; never updates or deletes. */
export async function storeStatements(db: Database, rows: StatementRow[]): Promise<void> {
  if (rows.length) await db.insert(xapiStatements).values(rows);
}

/** Records the events' statements (storeStatements). */
export async function recordLearningEvents(
  db: Database,
  actor: Actor,
  events: LearningEvent[],
  options: { origin: string; timestamp: Date },
): Promise<void> {
  await storeStatements(db, statementRows(actor, events, options));
}
