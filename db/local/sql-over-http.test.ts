import { neon, NeonDbError, type NeonQueryFunction } from '@neondatabase/serverless';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalDatabase } from './local-database';
import { describeOnBackends } from '../../tests/support/describe-on-backends';
import { startBackend } from '../../tests/support/local-backends';

describeOnBackends('the Neon driver over the local SQL-over-HTTP endpoint', (kind) => {
  let database: LocalDatabase;
  let sql: NeonQueryFunction<false, false>;

  beforeAll(async () => {
    database = await startBackend(kind);
    sql = neon(database.databaseUrl);
    await sql`CREATE TABLE http_notes (
      id serial PRIMARY KEY, slug text NOT NULL UNIQUE, body jsonb, views bigint, rank integer,
      created_at timestamptz NOT NULL DEFAULT now())`;
  });
  afterAll(() => database?.stop());

  it('reads every common type back as the driver types it', async () => {
    const when = new Date('2026-03-20T18:45:12.345Z');
    const [row] = await sql`SELECT
      12345678901234567890.125::numeric AS amount,
      ${{ title: 'الفاتحة', verses: [1, 2] }}::jsonb AS doc,
      '{"a": null}'::json AS plain_json,
      ARRAY[1, NULL, 3]::int[] AS numbers,
      ${['a,b', 'quote"d', 'back\\slash', null]}::text[] AS words,
      ${when}::timestamptz AS at,
      ${Buffer.from([0, 1, 254, 255])}::bytea AS bytes,
      NULL::text AS nothing,
      true AS yes, false AS no,
      9007199254740993::int8 AS big,
      ${'بِسْمِ اللَّهِ'}::text AS arabic`;
    expect(row).toEqual({
      amount: '12345678901234567890.125',
      doc: { title: 'الفاتحة', verses: [1, 2] },
      plain_json: { a: null },
      numbers: [1, null, 3],
      words: ['a,b', 'quote"d', 'back\\slash', null],
      at: when,
      bytes: Buffer.from([0, 1, 254, 255]),
      nothing: null,
      yes: true,
      no: false,
      big: '9007199254740993',
      arabic: 'بِسْمِ اللَّهِ',
    });
  });

  it('answers fields, command, rowCount and array mode as Neon does', async () => {
    const slug = `shape-${kind}`;
    const inserted = await sql.query(
      'INSERT INTO http_notes (slug, rank) VALUES ($1, 1), ($2, 2) RETURNING id',
      [slug, `${slug}-2`],
      {
        fullResults: true,
      },
    );
    expect(inserted).toMatchObject({ command: 'INSERT', rowCount: 2, rowAsArray: false });
    expect(inserted.fields[0]).toMatchObject({ name: 'id', dataTypeID: 23, format: 'text' });
    const updated = await sql.query('UPDATE http_notes SET rank = rank + 10 WHERE slug LIKE $1', [`${slug}%`], {
      fullResults: true,
    });
    expect(updated).toMatchObject({ command: 'UPDATE', rowCount: 2, rows: [], fields: [] });
    const rows = await sql.query('SELECT slug, rank FROM http_notes WHERE slug LIKE $1 ORDER BY rank', [`${slug}%`], {
      arrayMode: true,
    });
    expect(rows).toEqual([
      [slug, 11],
      [`${slug}-2`, 12],
    ]);
    const created = await sql.query('CREATE TEMP TABLE IF NOT EXISTS scratch_shape (x int)', [], { fullResults: true });
    expect(created).toMatchObject({ command: 'CREATE', rowCount: null });
  });

  it('keeps the Postgres code and fields of an error', async () => {
    await sql`INSERT INTO http_notes (slug) VALUES ('taken')`;
    const duplicate = await sql`INSERT INTO http_notes (slug) VALUES ('taken')`.catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(NeonDbError);
    expect(duplicate).toMatchObject({
      code: '23505',
      constraint: 'http_notes_slug_key',
      table: 'http_notes',
      detail: 'Key (slug)=(taken) already exists.',
      severity: 'ERROR',
    });
    const syntax = await sql.query('SELEC 1').catch((e: unknown) => e);
    expect(syntax).toMatchObject({ code: '42601', position: '1' });
    const badParam = await sql.query('SELECT $1::int', ['not a number']).catch((e: unknown) => e);
    expect(badParam).toMatchObject({ code: '22P02' });
  });

  it('runs a batch in one transaction: a failing statement undoes the others', async () => {
    const results = await sql.transaction((tx) => [
      tx`INSERT INTO http_notes (slug) VALUES ('batch-kept') RETURNING slug`,
      tx`SELECT count(*)::int AS n FROM http_notes WHERE slug = 'batch-kept'`,
    ]);
    expect(results).toEqual([[{ slug: 'batch-kept' }], [{ n: 1 }]]);

    const failed = await sql
      .transaction((tx) => [
        tx`INSERT INTO http_notes (slug) VALUES ('batch-undone')`,
        tx`INSERT INTO http_notes (slug) VALUES ('batch-kept')`,
        tx`INSERT INTO http_notes (slug) VALUES ('batch-never')`,
      ])
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: '23505' });
    const left = await sql`SELECT slug FROM http_notes WHERE slug IN ('batch-undone', 'batch-never')`;
    expect(left).toEqual([]);
  });

  it('honours a batch isolation level, read-only and deferrable', async () => {
    const [isolation, readOnly, deferrable] = await sql.transaction(
      (tx) => [
        tx`SELECT current_setting('transaction_isolation') AS v`,
        tx`SELECT current_setting('transaction_read_only') AS v`,
        tx`SELECT current_setting('transaction_deferrable') AS v`,
      ],
      { isolationLevel: 'Serializable', readOnly: true, deferrable: true },
    );
    expect([isolation, readOnly, deferrable]).toEqual([[{ v: 'serializable' }], [{ v: 'on' }], [{ v: 'on' }]]);

    const [[repeatable]] = (await sql.transaction((tx) => [tx`SELECT current_setting('transaction_isolation') AS v`], {
      isolationLevel: 'RepeatableRead',
    })) as [[{ v: string }]];
    expect(repeatable).toEqual({ v: 'repeatable read' });

    const write = await sql
      .transaction((tx) => [tx`INSERT INTO http_notes (slug) VALUES ('read-only')`], { readOnly: true })
      .catch((e: unknown) => e);
    expect(write).toMatchObject({ code: '25006' });
  });

  it('leaves no transaction or session setting behind for the next request', async () => {
    await sql`BEGIN`;
    await sql`INSERT INTO http_notes (slug) VALUES ('left-open')`;
    await sql`ROLLBACK`;
    await sql`SET application_name = 'leaked'`;
    // Had BEGIN stayed open on its pooled connection, the insert would have been inside it and undone.
    const [state] = await sql`SELECT current_setting('application_name') AS app,
      (SELECT count(*)::int FROM http_notes WHERE slug = 'left-open') AS kept`;
    expect(state).toMatchObject({ kept: 1 });
    expect(state!.app).not.toBe('leaked');
  });

  it('refuses a wrong password and a host it does not serve', async () => {
    const url = new URL(database.databaseUrl);
    url.password = 'wrong';
    const wrong = await neon(url.toString())`SELECT 1`.catch((e: unknown) => e);
    // A trust-auth server has no password to check; the embedded one checks its own.
    if (kind === 'embedded') expect(wrong).toMatchObject({ code: '28P01' });
    const elsewhere = await neon('postgres://postgres@db.example.invalid:5432/postgres')`SELECT 1`.catch(
      (e: unknown) => e,
    );
    expect((elsewhere as Error).message).toContain('does not serve a database at db.example.invalid:5432');
  });
});
