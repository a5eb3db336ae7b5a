/** The parts of an xAPI 1.0.3 Statement that this LMS writes (the spec's "Statement" data model). */

export type LanguageMap = Record<string, string>;

/**
 * Always identified by an account, never by mbox/openid: see `learnerAgent` for why. `name` is only ever
 * set on the LMS's own authority agent, never on a learner.
 */
export interface AccountAgent {
  objectType: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
}

export interface Activity {
  objectType: 'Activity';
  id: string;
  definition: { type: string; name: LanguageMap };
}

export interface Score {
  /** -1..1; ours are always 0..1. */
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface Result {
  score?: Score;
  success?: boolean;
  completion?: boolean;
  response?: string;
  /** ISO 8601 duration, e.g. "PT1H2M3S". */
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface StatementContext {
  /** Must be a UUID; set only when the attempt id is one. */
  registration?: string;
  contextActivities?: { parent?: Activity[]; grouping?: Activity[] };
  platform: string;
  language: string;
  extensions?: Record<string, unknown>;
}

export interface XapiStatement {
  id: string;
  actor: AccountAgent;
  verb: { id: string; display: LanguageMap };
  object: Activity;
  result?: Result;
  context: StatementContext;
  timestamp: string;
  version: '1.0.3';
  /** Set by the LRS (here: when recorded), never by the one who builds the statement. */
  stored?: string;
  authority?: AccountAgent;
}
