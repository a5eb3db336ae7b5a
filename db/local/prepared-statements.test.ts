import { neon, type NeonQueryFunction } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnBackends } from '../../tests/support/describe-on-backends';
import { startBackend } from '../../tests/support/local-backends';
import type { LocalDatabase } from './local-database';
import { PreparedStatements } from './prepared-statements';

describe('the statements a pooled connection keeps prepared', () => {
  it('closes the least recently used statement past its bound', () => {
    const statements = new PreparedStatements(2);
    statements.prepared('SELECT 1', 'a');
    statements.prepared('SELECT 2', 'b');
    expect(statements.lookup('SELECT 1')).toBe('a'); // now the most recently used
    statements.prepared('SELECT 3', 'c');
    expect(statements.lookup('SELECT 2')).toBeUndefined();
    expect(statements.takeClosing()).toEqual(['b']);
    expect(statements.takeClosing()).toEqual([]);
    expect(statements.size).toBe(2);
  });

  it('never hands out a name twice', () => {
    const names = new Set(
      [new PreparedStatements(), new PreparedStatements()].flatMap((s) => [s.nextName(), s.nextName()]),
    );
    expect(names.size).toBe(4);
  });
});

// One pooled connection, so every request below lands on the same Postgres session.
describeOnBackends('prepared statements of the SQL-over-HTTP endpoint', (kind) => {
  let database: LocalDatabase;
  let sql: NeonQueryFunction<false, false>;
  const preparedTexts = async (like: string) =>
    (await sql.query('SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE $1', [like])) as {
      name: string;
      statement: string;
    }[];

  beforeAll(async () => {
    database = await startBackend(kind, { max: 1 });
    sql = neon(database.databaseUrl);
  });
  afterAll(() => database?.stop());

  it('parses a statement once and only binds it afterwards', async () => {
    for (const n of [1, 2, 3])
      expect(await sql.query('SELECT $1::int + 40 AS answer', [n])).toEqual([{ answer: n + 40 }]);
    const prepared = await preparedTexts('SELECT $1::int + 40%');
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toMatch(/^lms_proxy_\d+$/);
  });

  it('sends a statement again after a schema change altered its result', async () => {
    await sql`CREATE TABLE prepared_notes (id int)`;
    await sql`INSERT INTO prepared_notes VALUES (1)`;
    expect(await sql`SELECT * FROM prepared_notes`).toEqual([{ id: 1 }]);
    await sql`ALTER TABLE prepared_notes ADD COLUMN body text DEFAULT 'added'`;
    // Postgres refuses the cached plan (0A000); the proxy prepares it anew instead of failing the read.
    expect(await sql`SELECT * FROM prepared_notes`).toEqual([{ id: 1, body: 'added' }]);
  });

  it('forgets its statements when a client deallocates them', async () => {
    await sql`SELECT 7 AS seven`;
    await sql`DEALLOCATE ALL`;
    expect(await preparedTexts('SELECT 7 AS seven')).toEqual([]);
    expect(await sql`SELECT 7 AS seven`).toEqual([{ seven: 7 }]);
  });

  it('keeps the statements that succeeded in a batch that failed', async () => {
    await expect(
      sql.transaction([sql`SELECT 8 AS eight`, sql`SELECT * FROM no_such_table_here`]),
    ).rejects.toMatchObject({ code: '42P01' });
    expect(await preparedTexts('SELECT 8 AS eight')).toHaveLength(1);
    expect(await sql`SELECT 8 AS eight`).toEqual([{ eight: 8 }]);
    expect(await preparedTexts('SELECT 8 AS eight')).toHaveLength(1);
  });
});
