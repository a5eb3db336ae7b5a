import { and, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client';
import { courseEnrollments, courses, guardianLinks, hifzPlans, pairingCodes, users } from '../../../db/schema';
import type { PairingCodeInfo, PairingRefusal } from '../../contract/families';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors';
import { toHex } from '../../lib/ids';
import { normalizeReadableCode, readableCode } from '../../lib/readable-codes';
import type { Scope } from '../../policy/permissions';
import { recordActivity, type AuditContext } from '../audit/activity-log';
import { linkRecord } from './guardian-links';
import { checkPairingThrottle, recordPairingFailure } from './pairing-throttle';
import { findUserById, selectUsers, type UserRecord } from './user-records';
import { parseUserKey } from './users';

export const PAIRING_CODE_HOURS = 48;

/**
 * Codes are kept as HMAC-SHA256 under the worker's secret: with 40 bits a bare hash could be reversed by
 * trying every code, so a copy of the database alone must not give them away. (Rotating JWT_SECRET voids
 * the codes still open; they last two days anyway.)
 */
async function codeHash(secret: string, code: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`pairing-code:${normalizeReadableCode(code)}`),
  );
  return toHex(mac);
}

/**
 * The students a teacher may issue codes for: those enrolled (and not dropped) in a course the teacher
 * owns, or whose hifz plan names them. A code opens a child's records to a parent, so "any student", the
 * reach teachers have for reading, is too wide here.
 */
function taughtBy(teacherId: number): SQL {
  return sql`(EXISTS (SELECT 1 FROM ${courseEnrollments} e JOIN ${courses} c ON c.id = e.course_id
      WHERE e.user_id = ${users.id} AND e.status <> 'dropped' AND c.created_by_id = ${teacherId})
    OR EXISTS (SELECT 1 FROM ${hifzPlans} p WHERE p.student_id = ${users.id} AND p.teacher_id = ${teacherId}))`;
}

export function pairableScope(actorId: number, scopes: readonly Scope[]): SQL {
  if (scopes.includes('all')) return sql`true`;
  if (scopes.includes('students')) return taughtBy(actorId);
  return sql`false`;
}

/** A student the actor may issue codes for; anyone else is a 404, as if they did not exist. */
export async function findPairableChild(
  db: Database,
  audit: AuditContext,
  scopes: readonly Scope[],
  childKey: string,
): Promise<UserRecord> {
  const [child] = await selectUsers(db).where(and(parseUserKey(childKey), pairableScope(audit.actor.id, scopes)));
  if (!child || child.role !== 'student') throw notFound('No student you may issue a pairing code for');
  return child;
}

/** A new code for a child: answered once, in clear, to be read to or printed for a parent. */
export async function createPairingCode(
  db: Database,
  audit: AuditContext,
  scopes: readonly Scope[],
  childKey: string,
  secret: string,
): Promise<PairingCodeInfo & { code: string }> {
  const [child, issuer] = await Promise.all([
    findPairableChild(db, audit, scopes, childKey),
    findUserById(db, audit.actor.id),
  ]);
  const code = readableCode(2, 4);
  const expiresAt = new Date(Date.now() + PAIRING_CODE_HOURS * 3600_000);
  const hash = await codeHash(secret, code);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pairingCodes)
      .values({ codeHash: hash, childId: child.id, createdById: audit.actor.id, expiresAt })
      .returning({ documentId: pairingCodes.documentId, createdAt: pairingCodes.createdAt });
    await recordActivity(tx, audit, {
      action: 'pairing_code_create',
      entityType: 'pairingCodes',
      entityDocumentId: row!.documentId,
      summary: `pairing code issued for student ${child.documentId}`,
    });
    return {
      code,
      documentId: row!.documentId,
      child: { documentId: child.documentId, username: child.username },
      createdBy: issuer ? { documentId: issuer.documentId, username: issuer.username } : null,
      createdAt: row!.createdAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
  });
}

const creator = alias(users, 'creator');

/** Codes still open (not used, withdrawn or expired) for the students the actor may pair, optionally one child's. */
export async function listOpenPairingCodes(
  db: Database,
  audit: AuditContext,
  scopes: readonly Scope[],
  childKey?: string,
): Promise<PairingCodeInfo[]> {
  const rows = await db
    .select({
      documentId: pairingCodes.documentId,
      child: { documentId: users.documentId, username: users.username },
      createdBy: { documentId: creator.documentId, username: creator.username },
      createdAt: pairingCodes.createdAt,
      expiresAt: pairingCodes.expiresAt,
    })
    .from(pairingCodes)
    .innerJoin(users, eq(users.id, pairingCodes.childId))
    .leftJoin(creator, eq(creator.id, pairingCodes.createdById))
    .where(
      and(
        isNull(pairingCodes.usedAt),
        isNull(pairingCodes.revokedAt),
        gt(pairingCodes.expiresAt, sql`now()`),
        pairableScope(audit.actor.id, scopes),
        childKey === undefined ? undefined : parseUserKey(childKey),
      ),
    )
    .orderBy(sql`${pairingCodes.createdAt} DESC`)
    .limit(100);
  return rows.map((row) => ({
    ...row,
    createdBy: row.createdBy?.documentId ? row.createdBy : null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  })) as PairingCodeInfo[];
}

/** Withdraws an open code (e.g. printed for the wrong family). */
export async function revokePairingCode(
  db: Database,
  audit: AuditContext,
  scopes: readonly Scope[],
  documentId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(pairingCodes)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(pairingCodes.documentId, documentId),
          isNull(pairingCodes.usedAt),
          isNull(pairingCodes.revokedAt),
          sql`${pairingCodes.childId} IN (SELECT ${users.id} FROM ${users} WHERE ${pairableScope(audit.actor.id, scopes)})`,
        ),
      )
      .returning({ documentId: pairingCodes.documentId });
    if (!revoked) throw notFound('No open pairing code with this id that you may withdraw');
    await recordActivity(tx, audit, {
      action: 'pairing_code_revoke',
      entityType: 'pairingCodes',
      entityDocumentId: documentId,
      summary: 'pairing code withdrawn',
    });
  });
}

/** A refusal's `details.reason`, so the app can say it in the parent's language. */
const because = (reason: PairingRefusal) => ({ reason });

/** Why a code did not work, for the parent; each reason counts towards the rate limit all the same. */
async function refusal(db: Database, hash: string) {
  const [code] = await db
    .select({
      usedAt: pairingCodes.usedAt,
      revokedAt: pairingCodes.revokedAt,
      expired: sql<boolean>`${pairingCodes.expiresAt} <= now()`,
    })
    .from(pairingCodes)
    .where(eq(pairingCodes.codeHash, hash));
  if (!code) return badRequest('No such pairing code: check it and try again', because('unknown'));
  if (code.usedAt)
    return conflict('This pairing code has already been used: ask the teacher for a new one', because('used'));
  if (code.revokedAt)
    return badRequest('This pairing code was withdrawn: ask the teacher for a new one', because('withdrawn'));
  return badRequest(
    `This pairing code has expired (codes last ${PAIRING_CODE_HOURS} hours): ask the teacher for a new one`,
    because('expired'),
  );
}

/**
 * A parent spends a code: the code is marked used and the parent linked to the child in one transaction,
 * by one conditional UPDATE, so of two parents redeeming the same code at once exactly one wins. Failed
 * attempts are counted per parent and per address (pairing-throttle.ts).
 */
export async function redeemPairingCode(
  db: Database,
  audit: AuditContext,
  input: { code: string; address: string },
  secret: string,
): Promise<UserRecord> {
  const parent = audit.actor;
  if (parent.role !== 'parent') throw forbidden('Only a parent account can redeem a pairing code');
  await checkPairingThrottle(db, parent.id, input.address);
  const hash = await codeHash(secret, input.code);
  const childId = await db.transaction(async (tx) => {
    const [code] = await tx
      .update(pairingCodes)
      .set({ usedAt: sql`now()`, usedById: parent.id })
      .where(
        and(
          eq(pairingCodes.codeHash, hash),
          isNull(pairingCodes.usedAt),
          isNull(pairingCodes.revokedAt),
          gt(pairingCodes.expiresAt, sql`now()`),
        ),
      )
      .returning({ childId: pairingCodes.childId, createdById: pairingCodes.createdById });
    if (!code) return null;
    const [child] = await selectUsers(tx).where(eq(users.id, code.childId));
    if (child?.role !== 'student')
      throw conflict('This pairing code is for an account that is no longer a student', because('not-a-student'));
    const linked = await tx
      .insert(guardianLinks)
      .values({ parentId: parent.id, childId: code.childId, createdById: code.createdById })
      .onConflictDoNothing()
      .returning();
    // Thrown inside the transaction: the code is not spent on a link that already exists.
    if (!linked.length) throw conflict('You are already linked to this child', because('already-linked'));
    await recordActivity(tx, audit, {
      ...linkRecord('link', parent.documentId, child.documentId),
      action: 'pairing_code_redeem',
      summary: `linked to parent ${parent.documentId} by a pairing code`,
    });
    return child.id;
  });
  if (childId === null) {
    const reason = await refusal(db, hash);
    await recordPairingFailure(db, parent.id, input.address);
    throw reason;
  }
  const [child] = await selectUsers(db).where(eq(users.id, childId));
  return child!;
}
