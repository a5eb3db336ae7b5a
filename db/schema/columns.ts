import { integer, timestamp, varchar } from 'drizzle-orm/pg-core';
import { newDocumentId } from './document-id';

/** Surrogate key used by joins; never the public identifier of a content document. */
export const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();

/** Strapi v5 exposes a stable, public documentId alongside the numeric id. */
export const documentId = () => varchar('document_id', { length: 24 }).notNull().unique().$defaultFn(newDocumentId);

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
