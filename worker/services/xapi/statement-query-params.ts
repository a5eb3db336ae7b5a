import { z } from 'zod';
import { parseWith } from '../../lib/validation';
import { isStorableDate, MAX_YEAR, MIN_YEAR } from '../../lib/postgres-values';
import { decodeCursor, type Cursor } from './cursor';

/** The LRS's own maximum page: `limit=0` and anything above it mean this many. */
export const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 100;

export interface StatementFilters {
  /** documentId of the learner (the Agent's account name). */
  learner?: string;
  verb?: string;
  activity?: string;
  /** ISO 8601, exclusive, on `stored`. */
  since?: string;
  /** ISO 8601, inclusive, on `stored`. */
  until?: string;
  limit: number;
  ascending: boolean;
  after?: Cursor;
}

export type StatementQuery = { statementId: string } | { filters: StatementFilters };

const SUPPORTED = ['statementId', 'agent', 'verb', 'activity', 'since', 'until', 'limit', 'ascending', 'cursor'];

function isAbsoluteIri(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

const iri = z
  .string()
  .refine(isAbsoluteIri, { error: 'must be an absolute IRI, e.g. http://adlnet.gov/expapi/verbs/completed' });
const timestamp = z.iso
  .datetime({
    offset: true,
    error: 'must be an ISO 8601 timestamp with a time zone, e.g. 2026-03-01T10:00:00Z (encode "+" as %2B)',
  })
  .refine((text) => isStorableDate(new Date(text)), `years run from ${MIN_YEAR} to ${MAX_YEAR}`);

const json = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.issues.push({
      code: 'custom',
      message: 'must be a JSON Agent object, e.g. {"account":{"homePage":"…","name":"…"}}',
      input: text,
    });
    return z.NEVER;
  }
});

/**
 * Learners are identified by account only (their e-mail is never in a statement, see learnerAgent), so an
 * Agent given by mbox, mbox_sha1sum or openid could never match: say so rather than answer nothing.
 * The account's homePage is not compared, so statements stay findable if the site moves to a new domain.
 */
const agent = json.pipe(
  z
    .looseObject(
      {
        objectType: z.literal('Agent', { error: 'only an Agent is supported here, not a Group' }).optional(),
        name: z.string().optional(),
        account: z.object({ homePage: z.url(), name: z.string().min(1).max(64) }).optional(),
      },
      { error: 'must be a JSON Agent object, e.g. {"account":{"homePage":"…","name":"…"}}' },
    )
    .superRefine((value, ctx) => {
      const byOtherIds = ['mbox', 'mbox_sha1sum', 'openid'].filter((key) => key in value);
      for (const key of byOtherIds) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${key} is not supported: this LRS identifies learners only by account { homePage, name }`,
        });
      }
      if (!byOtherIds.length && !value.account)
        ctx.addIssue({ code: 'custom', path: ['account'], message: 'an account { homePage, name } is required' });
    })
    .transform((value) => value.account!.name),
);

const cursor = z.string().transform((text, ctx) => {
  const decoded = decodeCursor(text);
  if (decoded) return decoded;
  ctx.issues.push({
    code: 'custom',
    message: 'is not a cursor this server issued; follow `more` as given',
    input: text,
  });
  return z.NEVER;
});

const schema = z
  .strictObject(
    {
      statementId: z.guid({ error: 'must be a UUID' }).optional(),
      agent: agent.optional(),
      verb: iri.optional(),
      activity: iri.optional(),
      since: timestamp.optional(),
      until: timestamp.optional(),
      limit: z
        .string()
        .regex(/^\d+$/, { error: 'must be a whole number ≥ 0 (0 means the server maximum)' })
        .transform(Number)
        .optional(),
      ascending: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
      cursor: cursor.optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `not supported: ${issue.keys.join(', ')} (supported: ${SUPPORTED.join(', ')})`
          : undefined,
    },
  )
  .superRefine((query, ctx) => {
    // The spec: with statementId, only `attachments` and `format` may accompany it (neither is supported here).
    if (query.statementId === undefined) return;
    for (const key of Object.keys(query)) {
      if (key !== 'statementId')
        ctx.addIssue({ code: 'custom', path: [key], message: 'cannot be combined with statementId' });
    }
  });

/** The query string of GET /xapi/statements, checked; every problem is a 400 naming the parameter. */
export function parseStatementQuery(params: Record<string, string>): StatementQuery {
  const query = parseWith(schema, params);
  if (query.statementId !== undefined) return { statementId: query.statementId };
  const requested = query.limit ?? DEFAULT_LIMIT;
  return {
    filters: {
      learner: query.agent,
      verb: query.verb,
      activity: query.activity,
      since: query.since,
      until: query.until,
      limit: requested === 0 ? MAX_LIMIT : Math.min(requested, MAX_LIMIT),
      ascending: query.ascending === 'true',
      after: query.cursor,
    },
  };
}
