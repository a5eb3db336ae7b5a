import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client';
import { roles, userProfiles, users } from '../../../db/schema';
import type { RoleType } from '../../../db/schema/enums';
import type { User } from '../../contract/users';
import type { Precondition } from '../../../db/request-database';
import type { AuthUser } from '../../env';
import { unauthorized } from '../../lib/errors';
import type { AccessClaims } from '../../lib/tokens';

/** The columns a user is read with everywhere; the password hash is deliberately not among them. */
export const userColumns = {
  id: users.id,
  documentId: users.documentId,
  username: users.username,
  email: users.email,
  provider: users.provider,
  confirmed: users.confirmed,
  blocked: users.blocked,
  tokenVersion: users.tokenVersion,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  role: roles.type,
  roleName: roles.name,
  fullName: userProfiles.fullName,
  ageTier: userProfiles.ageTier,
  dateOfBirth: userProfiles.dateOfBirth,
  timeZone: userProfiles.timeZone,
  locale: userProfiles.locale,
};

export type UserRecord = {
  id: number;
  documentId: string;
  username: string;
  email: string | null;
  provider: string;
  confirmed: boolean;
  blocked: boolean;
  tokenVersion: number;
  /** An admin reset the password: sign-in only allows choosing a new one (password-reset.ts). */
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
  role: RoleType;
  roleName: string;
  fullName: string | null;
  ageTier: string | null;
  dateOfBirth: string | null;
  timeZone: string | null;
  locale: string | null;
};

/** Users with their role and profile; `extra` adds columns for one caller (e.g. the hash, at sign-in). */
export function selectUsers<Extra extends Record<string, SQL | AnyPgColumn> = Record<never, never>>(
  db: Database,
  extra?: Extra,
) {
  return db
    .select({ ...userColumns, ...(extra as Extra) })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id));
}

export async function findUserById(db: Database, id: number): Promise<UserRecord | undefined> {
  const [row] = await selectUsers(db).where(eq(users.id, id));
  return row;
}

/**
 * An identifier as the database compares it: NFKC (full-width and compatibility forms fold to plain
 * letters), trimmed, then lower-cased by Postgres. Only SQL lower-cases identifiers, so the account a
 * sign-in finds and the key it is throttled under can never disagree (JavaScript and Postgres lower-case
 * some letters differently, e.g. U+0130 İ). Usernames are stored NFKC-normalised (routes/user-schemas.ts).
 */
export const normalizedIdentifier = (identifier: string): SQL => sql`lower(normalize(btrim(${identifier}), NFKC))`;

/** The account a username or e-mail names (also: whether a new username or e-mail is taken). */
export const matchesIdentifier = (identifier: string) => {
  const wanted = normalizedIdentifier(identifier);
  return sql`(lower(${users.username}) = ${wanted} OR lower(${users.email}) = ${wanted})`;
};

/**
 * Strapi's sanitized user. E-mail is shown to the user themself and to admins only: a teacher or a
 * parent never learns another person's address through the API.
 */
export function presentUser(user: UserRecord, viewer: { id: number; role: RoleType } | null): User {
  const mayReadEmail = viewer !== null && (viewer.id === user.id || viewer.role === 'admin');
  return {
    id: user.id,
    documentId: user.documentId,
    username: user.username,
    email: mayReadEmail ? user.email : null,
    provider: user.provider,
    confirmed: user.confirmed,
    blocked: user.blocked,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    role: { name: user.roleName, type: user.role },
    profile: {
      fullName: user.fullName,
      ageTier: user.ageTier,
      dateOfBirth: viewer !== null && (viewer.id === user.id || viewer.role !== 'student') ? user.dateOfBirth : null,
      timeZone: user.timeZone ?? 'UTC',
      locale: user.locale ?? 'en',
    },
  };
}

/** The acting user as the policy and the services see them. */
export function toAuthUser(user: UserRecord): AuthUser {
  return { id: user.id, documentId: user.documentId, role: user.role };
}

/** The database's word on an access token: its user exists, is not blocked, and is at the token's version. */
export function tokenStillValid(claims: AccessClaims): Precondition {
  return {
    text: 'SELECT 1 AS valid FROM users WHERE id = $1 AND token_version = $2 AND NOT blocked',
    params: [claims.userId, claims.tokenVersion],
    verify(rows) {
      if (rows.length !== 1) throw unauthorized('Invalid token');
    },
  };
}
