import { bigint, index, integer, jsonb, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * Who created, changed, published, deleted or graded what, and when: one row per change, written in the
 * transaction of the change itself. Append-only: a trigger (migration 0005) refuses UPDATE, DELETE and
 * TRUNCATE. No foreign keys on purpose: deleting a user must not rewrite (or cascade into) the record of
 * what they did, so actor and entity are kept as plain values.
 */
export const activityLog = pgTable(
  'activity_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: tstz('at').notNull().defaultNow(),
    /** users.id at the time; the user may since have been deleted. */
    actorId: integer('actor_id'),
    actorDocumentId: varchar('actor_document_id', { length: 24 }),
    actorRole: varchar('actor_role', { length: 16 }),
    /** One of ACTIVITY_ACTIONS (worker/contract/activity.ts). */
    action: varchar('action', { length: 32 }).notNull(),
    /** The API's name of the thing changed: courses, users, guardianLinks, schoolSettings, files … */
    entityType: varchar('entity_type', { length: 32 }).notNull(),
    /** Its documentId (a school setting: its key). */
    entityDocumentId: varchar('entity_document_id', { length: 64 }),
    /** A short human line. Never a password, a token, or a child's private data (names, birth dates, scores). */
    summary: text('summary').notNull(),
    /** Names of the fields that changed, never their values. */
    changedFields: jsonb('changed_fields').$type<string[]>().notNull().default([]),
    requestId: varchar('request_id', { length: 64 }),
  },
  (t) => [
    index('activity_log_at_idx').on(t.at),
    index('activity_log_actor_idx').on(t.actorId, t.at),
    index('activity_log_entity_idx').on(t.entityType, t.entityDocumentId, t.at),
    index('activity_log_action_idx').on(t.action, t.at),
  ],
);
