import type { NeonQueryFunction, Client, Pool } from '@neondatabase/serverless';
import {
  createTableRelationsHelpers,
  extractTablesRelationalConfig,
  type ExtractTablesWithRelations,
  type RelationalSchemaConfig,
} from 'drizzle-orm';
import { NeonHttpDatabase, NeonHttpDriver } from 'drizzle-orm/neon-http';
import { NeonDatabase, NeonDriver } from 'drizzle-orm/neon-serverless';
import { PgDialect } from 'drizzle-orm/pg-core';
import * as schema from './schema';

/**
 * Drizzle databases over a client, like `drizzle({ client, schema })`, but with the schema's relational
 * configuration worked out once per isolate instead of once per call: `drizzle()` walks every table and
 * relation of the schema each time, which cost a quarter of the worker's CPU per read request (a CPU
 * profile of the courses list under `npm run bench`). A request still gets a database of its own (its
 * client counts and batches its round trips); only the immutable description of the schema is shared.
 */
const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
const relational: RelationalSchemaConfig<ExtractTablesWithRelations<typeof schema>> = {
  fullSchema: schema,
  schema: tables.tables as ExtractTablesWithRelations<typeof schema>,
  tableNamesMap: tables.tableNamesMap,
};
// Stateless apart from a cache of names: safe to share between requests.
const dialect = new PgDialect();

export type HttpDatabase<C> = NeonHttpDatabase<typeof schema> & { $client: C };
export type SessionDatabase = NeonDatabase<typeof schema> & { $client: Client | Pool };

/** A database whose statements go over SQL-over-HTTP through `client` (a `neon()` function). */
export function httpDrizzle<A extends boolean, F extends boolean>(
  client: NeonQueryFunction<A, F>,
): HttpDatabase<NeonQueryFunction<A, F>> {
  const session = new NeonHttpDriver(client, dialect).createSession(relational);
  const db = new NeonHttpDatabase(dialect, session, relational) as HttpDatabase<NeonQueryFunction<A, F>>;
  db.$client = client;
  return db;
}

/** A database on a WebSocket session (`Client` or `Pool`). */
export function sessionDrizzle(client: Client | Pool): SessionDatabase {
  const session = new NeonDriver(client, dialect).createSession(relational);
  const db = new NeonDatabase(dialect, session, relational) as SessionDatabase;
  db.$client = client;
  return db;
}
