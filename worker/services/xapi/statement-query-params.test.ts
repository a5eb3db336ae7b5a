import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/errors';
import { encodeCursor } from './cursor';
import { MAX_LIMIT, parseStatementQuery } from './statement-query-params';

const account = (name: string) =>
  JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.example.org', name } });

function refusal(params: Record<string, string>): ApiError {
  try {
    parseStatementQuery(params);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(params)}`);
}

/** The path of the first problem reported, e.g. ['agent', 'mbox']. */
const firstPath = (params: Record<string, string>) =>
  (refusal(params).details.errors as { path: unknown[] }[])[0]?.path;

describe('GET /xapi/statements parameters', () => {
  it('default to the newest 100, every learner, verb and activity', () => {
    expect(parseStatementQuery({})).toEqual({ filters: { limit: 100, ascending: false } });
  });

  it('read every filter', () => {
    const cursor = { stored: '2026-03-01T10:20:30.456789Z', id: '0f8fad5b-d9cb-469f-a165-70867728950e' };
    const query = parseStatementQuery({
      agent: account('kid0000000000000000000001'),
      verb: 'http://adlnet.gov/expapi/verbs/passed',
      activity: 'https://lms.example.org/xapi/activities/quizzes/q1',
      since: '2026-03-01T00:00:00Z',
      until: '2026-03-02T00:00:00.123456+02:00',
      limit: '7',
      ascending: 'true',
      cursor: encodeCursor(cursor),
    });
    expect(query).toEqual({
      filters: {
        learner: 'kid0000000000000000000001',
        verb: 'http://adlnet.gov/expapi/verbs/passed',
        activity: 'https://lms.example.org/xapi/activities/quizzes/q1',
        since: '2026-03-01T00:00:00Z',
        until: '2026-03-02T00:00:00.123456+02:00',
        limit: 7,
        ascending: true,
        after: cursor,
      },
    });
  });

  it('treat limit 0 as the server maximum and cap larger limits there', () => {
    expect(parseStatementQuery({ limit: '0' })).toMatchObject({ filters: { limit: MAX_LIMIT } });
    expect(parseStatementQuery({ limit: '100000' })).toMatchObject({ filters: { limit: MAX_LIMIT } });
  });

  it('look up one statement by statementId', () => {
    expect(parseStatementQuery({ statementId: '0f8fad5b-d9cb-469f-a165-70867728950e' })).toEqual({
      statementId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    });
  });

  it('refuse an agent that is not JSON, a Group, or has no account', () => {
    expect(refusal({ agent: '{not json' }).details.errors).toEqual([
      expect.objectContaining({ path: ['agent'], message: expect.stringMatching(/JSON Agent/) }),
    ]);
    expect(refusal({ agent: '"kid"' }).status).toBe(400);
    expect(
      refusal({ agent: JSON.stringify({ objectType: 'Group', account: { homePage: 'https://x.org', name: 'n' } }) })
        .message,
    ).toMatch(/^agent\.objectType: .*Group/);
    expect(refusal({ agent: JSON.stringify({ objectType: 'Agent' }) }).message).toMatch(/^agent\.account: .*required/);
    expect(firstPath({ agent: JSON.stringify({ account: { homePage: 'not a url', name: 'n' } }) })).toEqual([
      'agent',
      'account',
      'homePage',
    ]);
  });

  it('say plainly that mbox, mbox_sha1sum and openid are not supported', () => {
    const r = refusal({ agent: JSON.stringify({ mbox: 'mailto:zaid@example.org' }) });
    expect(r.status).toBe(400);
    expect(r.name).toBe('ValidationError');
    expect(r.message).toBe(
      'agent.mbox: mbox is not supported: this LRS identifies learners only by account { homePage, name }',
    );
    expect(refusal({ agent: JSON.stringify({ mbox_sha1sum: 'abc' }) }).message).toMatch(
      /mbox_sha1sum is not supported/,
    );
    expect(refusal({ agent: JSON.stringify({ openid: 'https://id.example.org/me' }) }).message).toMatch(
      /openid is not supported/,
    );
  });

  it('refuse relative IRIs, timestamps without a zone, and bad limits, ascending values and cursors', () => {
    expect(firstPath({ verb: 'completed' })).toEqual(['verb']);
    expect(firstPath({ activity: '/xapi/activities/x' })).toEqual(['activity']);
    expect(firstPath({ since: '2026-03-01T00:00:00' })).toEqual(['since']);
    expect(firstPath({ until: 'yesterday' })).toEqual(['until']);
    expect(firstPath({ limit: '-1' })).toEqual(['limit']);
    expect(refusal({ limit: '2.5' }).status).toBe(400);
    expect(firstPath({ ascending: 'yes' })).toEqual(['ascending']);
    expect(firstPath({ cursor: 'bm9wZQ' })).toEqual(['cursor']);
    expect(firstPath({ statementId: 'not-a-uuid' })).toEqual(['statementId']);
  });

  it('refuse parameters it does not support, naming them', () => {
    expect(refusal({ registration: '0f8fad5b-d9cb-469f-a165-70867728950e' }).message).toMatch(
      /not supported: registration/,
    );
  });

  it('refuse filters next to statementId, as the spec asks', () => {
    const r = refusal({
      statementId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      verb: 'http://adlnet.gov/expapi/verbs/passed',
    });
    expect(r.details.errors).toEqual([
      expect.objectContaining({ path: ['verb'], message: 'cannot be combined with statementId' }),
    ]);
  });
});
