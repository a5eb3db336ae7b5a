import type { PGlite } from '@electric-sql/pglite';
import { BackendConnection } from './backend-connection';
import { runStatement } from './run-statements';

/** The parameters Postgres reports to a client at startup (GUC_REPORT), read once from PGlite. */
const REPORTED_PARAMETERS = [
  'application_name',
  'client_encoding',
  'DateStyle',
  'default_transaction_read_only',
  'in_hot_standby',
  'integer_datetimes',
  'IntervalStyle',
  'is_superuser',
  'scram_iterations',
  'server_encoding',
  'server_version',
  'session_authorization',
  'standard_conforming_strings',
  'TimeZone',
];

/**
 * Connections to PGlite's one Postgres session, through its protocol entry point (no socket server: it
 * falls over with several clients at once). Every connection made here shares one queue of
 * calls into PGlite, so a connection given up mid-statement cannot interleave with the next one; the
 * pool lends at most one at a time, which is the lock that keeps clients out of each other's transactions.
 */
export function pgliteConnections(db: PGlite): () => Promise<BackendConnection> {
  let queue: Promise<unknown> = Promise.resolve();
  let baseline: Map<string, string> | undefined;

  return async () => {
    let connection: BackendConnection | undefined;
    const transport = {
      write: (bytes: Buffer) => {
        queue = queue.then(
          () =>
            db.execProtocolRaw(bytes).then(
              (out) => {
                if (!connection?.closed) connection?.receive(Buffer.from(out.buffer, out.byteOffset, out.byteLength));
              },
              (error: Error) => connection?.lost(error),
            ),
          () => {},
        );
      },
      close: () => {},
    };
    connection = new BackendConnection(transport, baseline ?? new Map());
    // The previous connection may have been given up in any state: start from a clean session.
    await connection.simpleQuery('ROLLBACK', 'DISCARD ALL');
    if (!baseline) {
      const settings = await runStatement(connection, {
        query: 'SELECT name, current_setting(name, true) FROM unnest($1::text[]) AS name',
        params: [`{${REPORTED_PARAMETERS.join(',')}}`],
      });
      baseline = new Map(settings.rows.filter((row) => row[1] !== null) as [string, string][]);
      connection = new BackendConnection(transport, baseline);
    }
    return connection;
  };
}
