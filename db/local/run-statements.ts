import type { BackendConnection } from './backend-connection';
import { STALE_STATEMENT_CODES } from './prepared-statements';
import {
  decodeDataRow,
  decodeError,
  decodeRowDescription,
  frontend,
  PostgresError,
  type FieldDescription,
} from './postgres-messages';

export interface Statement {
  query: string;
  /** In Postgres text format; null is SQL NULL. */
  params: (string | null)[];
}

export interface StatementResult {
  fields: FieldDescription[];
  /** Values in Postgres text format, as the server sent them. */
  rows: (string | null)[][];
  /** The command tag's first word: SELECT, INSERT, CREATE... */
  command: string;
  /** The count the command tag carries (rows returned or changed), if any. */
  rowCount: number | null;
  /** The whole command tag ("DECLARE CURSOR"): tells whether session state may have changed. */
  tag: string;
}

export type IsolationLevel = 'ReadUncommitted' | 'ReadCommitted' | 'RepeatableRead' | 'Serializable';

export interface TransactionOptions {
  isolationLevel?: IsolationLevel;
  readOnly?: boolean;
  deferrable?: boolean;
}

const ISOLATION_SQL: Record<IsolationLevel, string> = {
  ReadUncommitted: 'READ UNCOMMITTED',
  ReadCommitted: 'READ COMMITTED',
  RepeatableRead: 'REPEATABLE READ',
  Serializable: 'SERIALIZABLE',
};

/** One statement in its own implicit transaction, one round trip: Parse, Bind, Describe, Execute, Sync. */
export async function runStatement(connection: BackendConnection, statement: Statement): Promise<StatementResult> {
  const [result] = await runPipeline(connection, [{ ...statement, describe: true }]);
  return result!;
}

/**
 * Statements in one transaction with the given isolation and access mode, still one round trip: BEGIN,
 * the statements and COMMIT are sent before a single Sync, so the first error makes the server skip
 * everything after it (COMMIT included) and nothing of the batch is kept. The caller rolls back the
 * failed transaction block before the connection is lent again (BackendConnection.reset).
 */
export async function runTransaction(
  connection: BackendConnection,
  statements: Statement[],
  options: TransactionOptions,
): Promise<StatementResult[]> {
  const modes = [
    options.isolationLevel && `ISOLATION LEVEL ${ISOLATION_SQL[options.isolationLevel]}`,
    options.readOnly && 'READ ONLY',
    options.deferrable && 'DEFERRABLE',
  ].filter(Boolean);
  const begin = { query: ['BEGIN', modes.join(', ')].join(' ').trim(), params: [], describe: false };
  const commit = { query: 'COMMIT', params: [], describe: false };
  const results = await runPipeline(connection, [begin, ...statements.map((s) => ({ ...s, describe: true })), commit]);
  return results.slice(1, -1);
}

async function runPipeline(
  connection: BackendConnection,
  steps: (Statement & { describe: boolean })[],
): Promise<StatementResult[]> {
  try {
    return await runPipelineOnce(connection, steps);
  } catch (error) {
    const usedPrepared = connection.prepared.size > 0;
    if (!(error instanceof PostgresError) || !STALE_STATEMENT_CODES.has(error.fields.code ?? '') || !usedPrepared)
      throw error;
    // Nothing of the pipeline was kept (one transaction, ended by the error): start clean and send it again.
    await connection.reset({ discardAll: true });
    return await runPipelineOnce(connection, steps);
  }
}

/**
 * The steps before one Sync. Statements the connection has prepared are only bound; new ones are parsed
 * under a name and kept once the server confirms them (ParseComplete), even if a later step fails.
 */
async function runPipelineOnce(
  connection: BackendConnection,
  steps: (Statement & { describe: boolean })[],
): Promise<StatementResult[]> {
  const { prepared } = connection;
  const parsing: { query: string; name: string }[] = [];
  const bytes = Buffer.concat([
    ...prepared.takeClosing().map(frontend.closeStatement),
    ...steps.flatMap((step) => {
      // BEGIN and COMMIT stay unnamed: nothing to plan.
      let name = step.describe ? prepared.lookup(step.query) : '';
      const parse = name === undefined;
      if (name === undefined) name = prepared.nextName();
      if (parse || name === '') parsing.push({ query: step.query, name });
      return [
        ...(parse || name === '' ? [frontend.parse(step.query, name)] : []),
        frontend.bind(step.params, name),
        ...(step.describe ? [frontend.describePortal()] : []),
        frontend.execute(),
      ];
    }),
    frontend.sync(),
  ]);
  const messages = await connection.send(bytes, 1);
  const results: StatementResult[] = [];
  let current: StatementResult | undefined;
  let parsed = 0;
  let failure: PostgresError | undefined;
  for (const message of messages) {
    switch (message.type) {
      case '1': {
        // ParseComplete, in the order the Parse messages went
        const step = parsing[parsed++];
        if (step?.name) prepared.prepared(step.query, step.name);
        break;
      }
      case '2': // BindComplete: the next step begins
        current = { fields: [], rows: [], command: '', rowCount: null, tag: '' };
        results.push(current);
        break;
      case 'T':
        current!.fields = decodeRowDescription(message.body);
        break;
      case 'D':
        current!.rows.push(decodeDataRow(message.body));
        break;
      case 'C':
        Object.assign(current!, parseCommandTag(message.body.toString('utf8', 0, message.body.length - 1)));
        break;
      case 'E':
        failure = new PostgresError(decodeError(message.body));
        break;
    }
  }
  if (failure) throw failure;
  return results;
}

/** As Neon's proxy reads a tag: "INSERT 0 5" is INSERT 5, "SELECT 3" is SELECT 3, "CREATE TABLE" is CREATE. */
export function parseCommandTag(tag: string): { command: string; rowCount: number | null; tag: string } {
  const [command = '', ...rest] = tag.split(' ');
  const count = command === 'INSERT' ? rest[1] : rest[0];
  return { command, rowCount: count !== undefined && /^\d+$/.test(count) ? Number(count) : null, tag };
}
