import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { documentId, id, timestamps, tstz } from './columns';
import { ageTier, roleType } from './enums';
import { files } from './media';

export const roles = pgTable('roles', {
  id: id(),
  name: varchar('name', { length: 64 }).notNull(),
  type: roleType('type').notNull().unique(),
  description: text('description'),
  ...timestamps,
});

export const users = pgTable(
  'users',
  {
    id: id(),
    documentId: documentId(),
    username: varchar('username', { length: 64 }).notNull(),
    /** Young children have no e-mail address: their account is a username made by a parent or teacher. */
    email: varchar('email', { length: 255 }),
    provider: varchar('provider', { length: 32 }).notNull().default('local'),
    /** `pbkdf2-sha256$<iterations>$<salt>$<hash>`: parameters travel with the hash so they can be raised. */
    password: text('password').notNull(),
    confirmed: boolean('confirmed').notNull().default(true),
    blocked: boolean('blocked').notNull().default(false),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id),
    /** Raised when a user is blocked or changes password: access tokens carry it and stop working. */
    tokenVersion: integer('token_version').notNull().default(0),
    /** Set when an admin resets the password: sign-in then only allows choosing a new one. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdById: integer('created_by_id'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_username_lower_key').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    index('users_role_idx').on(t.roleId),
    index('users_created_by_idx').on(t.createdById),
    index('users_created_at_idx').on(t.createdAt),
  ],
);

export const userProfiles = pgTable(
  'user_profiles',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    fullName: varchar('full_name', { length: 255 }),
    avatarId: integer('avatar_id').references(() => files.id, { onDelete: 'set null' }),
    bio: text('bio'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    phone: varchar('phone', { length: 32 }),
    ageTier: ageTier('age_tier'),
    /** IANA zone: streaks count days where the learner lives, not in UTC. */
    timeZone: varchar('time_zone', { length: 64 }).notNull().default('UTC'),
    locale: varchar('locale', { length: 8 }).notNull().default('en'),
    ...timestamps,
  },
  (t) => [index('user_profiles_avatar_idx').on(t.avatarId), index('user_profiles_age_tier_idx').on(t.ageTier)],
);

/** A parent follows their children: reads their progress, never writes it. */
export const guardianLinks = pgTable(
  'guardian_links',
  {
    parentId: integer('parent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    childId: integer('child_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    primaryKey({ columns: [t.parentId, t.childId] }),
    index('guardian_links_child_idx').on(t.childId),
    index('guardian_links_created_by_idx').on(t.createdById),
    check('guardian_links_not_self', sql`${t.parentId} <> ${t.childId}`),
  ],
);

/**
 * Refresh tokens: only a SHA-256 of each token is stored. Tokens rotate on use; presenting a token
 * that was already rotated means it leaked, so the whole family is revoked.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    expiresAt: tstz('expires_at').notNull(),
    rotatedAt: tstz('rotated_at'),
    revokedAt: tstz('revoked_at'),
    userAgent: varchar('user_agent', { length: 255 }),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    index('sessions_family_idx').on(t.familyId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Sign-in attempts not yet forgiven, per key (`account:<id>`, or `identifier:<sha-256 of the normalised
 * identifier>` when it names no account) in a 15-minute window: past ten, 429. Counted before the password
 * is judged; a right password deletes the row; expired rows are swept by later attempts.
 */
export const authThrottles = pgTable(
  'auth_throttles',
  {
    key: varchar('key', { length: 255 }).primaryKey(),
    /** Attempts in the window, the successful one included until it clears the row. */
    failures: integer('failures').notNull().default(0),
    windowStart: tstz('window_start').notNull().defaultNow(),
  },
  (t) => [index('auth_throttles_window_start_idx').on(t.windowStart)],
);
