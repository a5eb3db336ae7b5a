import { neon, type NeonQueryFunction } from '@neondatabase/serverless';
import { eq, sql as drizzleSql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/neon-http';
import { bigint, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalDatabase } from './local-database';
import { describeOnBackends } from '../../tests/support/describe-on-backends';
import { startBackend } from '../../tests/support/local-backends';

// A file of its own: drizzle's neon-http driver replaces the Neon driver's global type parsers (timestamps,
// dates and intervals stay strings), which would change what plain neon() returns in the other tests.

const notes = pgTable('http_notes', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  body: jsonb('body').$type<{ words: string[] }>(),
  views: bigint('views', { mode: 'bigint' }),
  rank: integer('rank'),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
});

describeOnBackends('drizzle neon-http over the local SQL-over-HTTP endpoint', (kind) => {
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

  it('serves drizzle neon-http: typed reads, writes and an atomic db.batch', async () => {
    const db = drizzle({ client: sql });
    const [created] = await db
      .insert(notes)
      .values({ slug: 'drizzle-1', body: { words: ['salaam'] }, views: 2n ** 62n, rank: 7 })
      .returning();
    expect(created).toMatchObject({ slug: 'drizzle-1', body: { words: ['salaam'] }, views: 2n ** 62n, rank: 7 });
    expect(created!.createdAt).toBeInstanceOf(Date);

    const found = await db.select().from(notes).where(eq(notes.slug, 'drizzle-1'));
    expect(found).toEqual([created]);

    const failed = await db
      .batch([
        db.update(notes).set({ rank: 8 }).where(eq(notes.slug, 'drizzle-1')),
        db.insert(notes).values({ slug: 'drizzle-1' }),
      ])
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: '23505' });
    const [after] = await db.select({ rank: notes.rank }).from(notes).where(eq(notes.slug, 'drizzle-1'));
    expect(after).toEqual({ rank: 7 });

    const executed = await db.execute(drizzleSql`SELECT ${'x'}::text AS v`);
    expect(executed.rows).toEqual([{ v: 'x' }]);
  });
});
