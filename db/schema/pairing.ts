import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, varchar } from 'drizzle-orm/pg-core';
import { documentId, id, timestamps, tstz } from './columns';
import { users } from './users';

/**
 * One-time codes that link a parent to a child (the way Canvas pairs observers): a teacher of the child or
 * an admin issues one, a parent redeems it once within 48 hours. Only an HMAC of the code is stored.
 */
export const pairingCodes = pgTable(
  'pairing_codes',
  {
    id: id(),
    documentId: documentId(),
    codeHash: varchar('code_hash', { length: 64 }).notNull().unique(),
    childId: integer('child_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    usedById: integer('used_by_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: tstz('revoked_at'),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index('pairing_codes_child_idx').on(t.childId),
    index('pairing_codes_created_by_idx').on(t.createdById),
    index('pairing_codes_used_by_idx').on(t.usedById),
    check('pairing_codes_expiry_after_creation', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

/** Failed redemptions, per parent and per address: enough of them in an hour answer 429. */
export const pairingFailures = pgTable(
  'pairing_failures',
  {
    id: id(),
    parentId: integer('parent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    address: varchar('address', { length: 64 }).notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    index('pairing_failures_parent_idx').on(t.parentId, t.at),
    index('pairing_failures_address_idx').on(t.address, t.at),
    index('pairing_failures_at_idx').on(t.at),
  ],
);
