import { describe, expect, it } from 'vitest';
import { buildStatements, type Actor, type LearningEvent, type XapiStatement } from './statements';

const ORIGIN = 'https://lms.example.org';
const actor: Actor = { id: 42, documentId: 'kid0000000000000000000001' };
const when = new Date('2026-03-01T10:20:30.456Z');
const course = { documentId: 'course000000000000000001', title: 'Seerah for Beginners' };
const lesson = { documentId: 'lesson000000000000000001', title: 'The Year of the Elephant' };
const quiz = { documentId: 'quiz00000000000000000001', title: 'Early Makkah' };
const attemptId = 'attempt00000000000000001';
const activity = (path: string) => `${ORIGIN}/xapi/activities/${path}`;

function build(event: LearningEvent, origin = ORIGIN): XapiStatement {
  const [statement] = buildStatements(actor, [event], {
    origin,
    timestamp: when,
    ids: () => '11111111-2222-4333-8444-555555555555',
  });
  return statement!;
}

describe('buildStatements: every statement', () => {
  const all: LearningEvent[] = [
    { kind: 'lesson_experienced', lesson, course, progress: 40, durationSeconds: 95 },
    { kind: 'lesson_completed', lesson, course, durationSeconds: 3723 },
    { kind: 'quiz_attempted', quiz, lesson, attemptId },
    {
      kind: 'question_answered',
      quiz,
      attemptId,
      questionId: 'q1',
      prompt: 'Who was the Prophet’s grandfather?',
      response: 'Abd al-Muttalib',
      success: true,
      scaled: 1,
    },
    { kind: 'quiz_passed', quiz, lesson, attemptId, scorePercent: 80, durationSeconds: 300, late: false },
    { kind: 'quiz_failed', quiz, lesson: null, attemptId, scorePercent: 30, durationSeconds: 0, late: true },
    { kind: 'course_completed', course },
    { kind: 'badge_earned', achievement: { documentId: 'badge0000000000000000001', title: 'First Steps', points: 50 } },
  ];
  const statements = buildStatements(actor, all, { origin: ORIGIN, timestamp: when });

  it('is one statement per event, in order, each with its own UUID v4', () => {
    expect(statements).toHaveLength(all.length);
    const ids = statements.map((s) => s.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the learner only by an account on our site: no name, mbox, sha1sum or openid (children’s privacy)', () => {
    for (const s of statements) {
      expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: ORIGIN, name: actor.documentId } });
      expect(Object.keys(s.actor).sort()).toEqual(['account', 'objectType']);
      expect(JSON.stringify(s)).not.toMatch(/mbox|openid/);
    }
  });

  it('declares version 1.0.3, the ISO 8601 timestamp, our platform and language; stored and authority are left to the LRS', () => {
    for (const s of statements) {
      expect(s.version).toBe('1.0.3');
      expect(s.timestamp).toBe('2026-03-01T10:20:30.456Z');
      expect(s.context).toMatchObject({ platform: 'AttaqwaMasjid LMS', language: 'en' });
      expect(s).not.toHaveProperty('stored');
      expect(s).not.toHaveProperty('authority');
    }
  });

  it('gives every verb an en-US display', () => {
    for (const s of statements) expect(s.verb.display['en-US']).toEqual(expect.any(String));
  });

  it('survives a JSON round trip unchanged (it is stored as jsonb)', () => {
    expect(JSON.parse(JSON.stringify(statements))).toEqual(statements);
  });
});

describe('buildStatements: per event', () => {
  it('lesson_experienced: experienced the lesson, in its course, with progress and time spent', () => {
    const s = build({ kind: 'lesson_experienced', lesson, course, progress: 40, durationSeconds: 95 });
    expect(s.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } });
    expect(s.object).toEqual({
      objectType: 'Activity',
      id: activity(`lessons/${lesson.documentId}`),
      definition: { type: 'http://adlnet.gov/expapi/activities/lesson', name: { 'en-US': lesson.title } },
    });
    expect(s.result).toEqual({
      duration: 'PT1M35S',
      extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': 40 },
    });
    expect(s.context.contextActivities).toEqual({
      parent: [
        {
          objectType: 'Activity',
          id: activity(`courses/${course.documentId}`),
          definition: { type: 'http://adlnet.gov/expapi/activities/course', name: { 'en-US': course.title } },
        },
      ],
    });
    expect(s.context).not.toHaveProperty('registration');
  });

  it('lesson_completed: completed the lesson, with completion and duration', () => {
    const s = build({ kind: 'lesson_completed', lesson, course, durationSeconds: 3723 });
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(s.object.id).toBe(activity(`lessons/${lesson.documentId}`));
    expect(s.result).toEqual({ completion: true, duration: 'PT1H2M3S' });
    expect(s.context.contextActivities?.parent?.[0]?.id).toBe(activity(`courses/${course.documentId}`));
  });

  it('quiz_attempted: attempted the assessment, its lesson as parent, the attempt id in an extension', () => {
    const s = build({ kind: 'quiz_attempted', quiz, lesson, attemptId });
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/attempted');
    expect(s.object.id).toBe(activity(`quizzes/${quiz.documentId}`));
    expect(s.object.definition.type).toBe('http://adlnet.gov/expapi/activities/assessment');
    expect(s).not.toHaveProperty('result');
    expect(s.context.contextActivities?.parent?.map((a) => a.id)).toEqual([activity(`lessons/${lesson.documentId}`)]);
    expect(s.context.extensions).toEqual({ 'https://attaqwamasjid.org/xapi/extensions/attempt': attemptId });
  });

  it('quiz_attempted without a lesson has no context activities', () => {
    const s = build({ kind: 'quiz_attempted', quiz, lesson: null, attemptId });
    expect(s.context).not.toHaveProperty('contextActivities');
  });

  it('sets registration only when the attempt id is a UUID, as xAPI requires', () => {
    expect(build({ kind: 'quiz_attempted', quiz, lesson: null, attemptId }).context).not.toHaveProperty('registration');
    const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(build({ kind: 'quiz_attempted', quiz, lesson: null, attemptId: uuid }).context.registration).toBe(uuid);
  });

  it('question_answered: answered the interaction, with the response, success and scaled score, its quiz as parent', () => {
    const s = build({
      kind: 'question_answered',
      quiz,
      attemptId,
      questionId: 'q 1/b',
      prompt: 'Which year?',
      response: '570',
      success: false,
      scaled: 0.5,
    });
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
    // The question id is escaped so that it can never add path segments to the IRI.
    expect(s.object.id).toBe(activity(`quizzes/${quiz.documentId}/questions/q%201%2Fb`));
    expect(s.object.definition).toEqual({
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      name: { 'en-US': 'Which year?' },
    });
    expect(s.result).toEqual({ response: '570', success: false, score: { scaled: 0.5 } });
    expect(s.context.contextActivities?.parent?.map((a) => a.id)).toEqual([activity(`quizzes/${quiz.documentId}`)]);
  });

  it('quiz_passed: passed, with the score as scaled, raw, min and max, success, completion and duration', () => {
    const s = build({
      kind: 'quiz_passed',
      quiz,
      lesson,
      attemptId,
      scorePercent: 80,
      durationSeconds: 300,
      late: false,
    });
    expect(s.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } });
    expect(s.object.id).toBe(activity(`quizzes/${quiz.documentId}`));
    expect(s.result).toEqual({
      score: { scaled: 0.8, raw: 80, min: 0, max: 100 },
      success: true,
      completion: true,
      duration: 'PT5M',
      extensions: { 'https://attaqwamasjid.org/xapi/extensions/late': false },
    });
    expect(s.context.contextActivities?.parent?.map((a) => a.id)).toEqual([activity(`lessons/${lesson.documentId}`)]);
  });

  it('quiz_failed: failed, success false, and a late submission says so', () => {
    const s = build({
      kind: 'quiz_failed',
      quiz,
      lesson: null,
      attemptId,
      scorePercent: 30,
      durationSeconds: 0,
      late: true,
    });
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
    expect(s.result).toMatchObject({ score: { scaled: 0.3, raw: 30 }, success: false, duration: 'PT0S' });
    expect(s.result?.extensions).toEqual({ 'https://attaqwamasjid.org/xapi/extensions/late': true });
    expect(s.context).not.toHaveProperty('contextActivities');
  });

  it('course_completed: completed the course', () => {
    const s = build({ kind: 'course_completed', course });
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(s.object).toMatchObject({
      id: activity(`courses/${course.documentId}`),
      definition: { type: 'http://adlnet.gov/expapi/activities/course' },
    });
    expect(s.result).toEqual({ completion: true });
  });

  it('badge_earned: earned the badge, its points as the raw score', () => {
    const s = build({
      kind: 'badge_earned',
      achievement: { documentId: 'badge0000000000000000001', title: 'First Steps', points: 50 },
    });
    expect(s.verb).toEqual({ id: 'http://id.tincanapi.com/verb/earned', display: { 'en-US': 'earned' } });
    expect(s.object).toEqual({
      objectType: 'Activity',
      id: activity('badges/badge0000000000000000001'),
      definition: { type: 'http://activitystrea.ms/schema/1.0/badge', name: { 'en-US': 'First Steps' } },
    });
    expect(s.result).toEqual({ score: { raw: 50 } });
  });
});

describe('buildStatements: options', () => {
  it('uses the ids it is given', () => {
    const ids = ['a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002'];
    const statements = buildStatements(
      actor,
      [
        { kind: 'course_completed', course },
        { kind: 'course_completed', course },
      ],
      { origin: ORIGIN, timestamp: when, ids: () => ids.shift()! },
    );
    expect(statements.map((s) => s.id)).toEqual([
      'a0000000-0000-4000-8000-000000000001',
      'a0000000-0000-4000-8000-000000000002',
    ]);
  });

  it('mints the same IRIs whether or not the origin has a trailing slash or a path', () => {
    expect(build({ kind: 'course_completed', course }, `${ORIGIN}/`).object.id).toBe(
      activity(`courses/${course.documentId}`),
    );
    expect(build({ kind: 'course_completed', course }, `${ORIGIN}/api/x`).actor.account.homePage).toBe(ORIGIN);
  });

  it('refuses an origin that is not a URL', () => {
    expect(() => build({ kind: 'course_completed', course }, 'not a url')).toThrow();
  });

  it('records a negative duration (two clocks disagreeing) as no time, and keeps progress within 0-100', () => {
    expect(
      build({
        kind: 'quiz_passed',
        quiz,
        lesson: null,
        attemptId,
        scorePercent: 90,
        durationSeconds: -0.004,
        late: false,
      }).result?.duration,
    ).toBe('PT0S');
    const progress = (value: number) =>
      build({ kind: 'lesson_experienced', lesson, course, progress: value, durationSeconds: 1 }).result?.extensions;
    expect(progress(140)).toEqual({ 'https://w3id.org/xapi/cmi5/result/extensions/progress': 100 });
    expect(progress(33.4)).toEqual({ 'https://w3id.org/xapi/cmi5/result/extensions/progress': 33 });
  });

  it('returns nothing for no events', () => {
    expect(buildStatements(actor, [], { origin: ORIGIN, timestamp: when })).toEqual([]);
  });
});
