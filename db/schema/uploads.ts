import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, varchar } from 'drizzle-orm/pg-core';
import { documentId, id, timestamps, tstz } from './columns';
import { users } from './users';

/**
 * A resumable upload (a phone's recording sent part by part): parts of PART_BYTES go straight into an R2
 * multipart upload, created when part 1 shows what the file is. Completed, it becomes a `files` row;
 * left alone, it expires and its parts are aborted.
 */
export const uploadSessions = pgTable(
  'upload_sessions',
  {
    id: id(),
    documentId: documentId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileName: varchar('file_name', { length: 255 }).notNull(),
    alternativeText: text('alternative_text'),
    caption: text('caption'),
    /** Bytes the whole file will have, as declared when the session starts. */
    size: integer('size').notNull(),
    /** Set by part 1: the sniffed type and where the object goes. */
    mime: varchar('mime', { length: 127 }),
    hash: varchar('hash', { length: 255 }),
    ext: varchar('ext', { length: 16 }),
    key: varchar('key', { length: 255 }),
    uploadId: text('upload_id'),
    width: integer('width'),
    height: integer('height'),
    expiresAt: tstz('expires_at').notNull(),
    ...timestamps,
  },
  (t) => [
    index('upload_sessions_user_idx').on(t.userId),
    index('upload_sessions_expires_at_idx').on(t.expiresAt),
    check('upload_sessions_size_positive', sql`${t.size} > 0`),
  ],
);

/** The parts of a resumable upload that R2 holds; sending a part again replaces it. */
export const uploadParts = pgTable(
  'upload_parts',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => uploadSessions.id, { onDelete: 'cascade' }),
    partNumber: integer('part_number').notNull(),
    etag: text('etag').notNull(),
    bytes: integer('bytes').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.partNumber] })],
);
