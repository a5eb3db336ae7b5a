import { index, integer, jsonb, numeric, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { documentId, id, timestamps } from './columns';

/** Strapi's media library: one row per stored object in R2. */
export const files = pgTable(
  'files',
  {
    id: id(),
    documentId: documentId(),
    name: varchar('name', { length: 255 }).notNull(),
    alternativeText: text('alternative_text'),
    caption: text('caption'),
    width: integer('width'),
    height: integer('height'),
    formats: jsonb('formats'),
    hash: varchar('hash', { length: 255 }).notNull(),
    ext: varchar('ext', { length: 16 }),
    mime: varchar('mime', { length: 127 }).notNull(),
    /** Size in kilobytes, as Strapi reports it. */
    size: numeric('size', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    url: text('url').notNull(),
    previewUrl: text('preview_url'),
    provider: varchar('provider', { length: 32 }).notNull().default('r2'),
    providerMetadata: jsonb('provider_metadata'),
    createdById: integer('created_by_id'),
    ...timestamps,
  },
  (t) => [
    index('files_created_by_idx').on(t.createdById),
    index('files_mime_idx').on(t.mime),
    index('files_created_at_idx').on(t.createdAt),
  ],
);
