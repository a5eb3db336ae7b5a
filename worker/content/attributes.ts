import { sql } from 'drizzle-orm';
import type { Attribute } from './types';

/** A column of a table alias, quoted; names come from the registry, never from a request. */
export const col = (alias: string, column: string) => sql.raw(`"${alias}"."${column}"`);

/** Every document type has these, as Strapi v5 documents do. */
export const base: Record<'id' | 'documentId' | 'createdAt' | 'updatedAt', Attribute> = {
  id: { column: 'id', type: 'integer' },
  documentId: { column: 'document_id', type: 'string' },
  createdAt: { column: 'created_at', type: 'datetime' },
  updatedAt: { column: 'updated_at', type: 'datetime' },
};
