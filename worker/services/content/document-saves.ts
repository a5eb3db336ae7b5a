import { getTableColumns, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { achievements, activityLog, courses, instructors, lessons, quizzes, users } from '../../../db/schema';
import type { ActivityEntityType } from '../../contract/activity';
import { ApiError } from '../../lib/errors';
import { entityTag, ifMatchAccepts, type IfMatch } from '../../lib/entity-tags';
import type { Scope } from '../../policy/permissions';
import { quoted, recordActivity, type ActivityRecord, type AuditContext } from '../audit/activity-log';
import type { DocumentWriter } from './document-writer';
import { findWritable } from './relations';

/** The tables of the writable types, and the column that names a document in the activity log. */
const TABLES = {
  courses: { table: courses, label: 'title', noun: 'course' },
  lessons: { table: lessons, label: 'title', noun: 'lesson' },
  quizzes: { table: quizzes, label: 'title', noun: 'quiz' },
  instructors: { table: instructors, label: 'name', noun: 'instructor' },
  achievements: { table: achievements, label: 'title', noun: 'achievement' },
} as const;
export type WritableType = keyof typeof TABLES;

/** What the saver must find before writing: an If-Match header, a `data.updatedAt`, or both. */
export interface Precondition {
  ifMatch?: IfMatch;
  /** The version (ms) the editor loaded, from `data.updatedAt`. */
  updatedAt?: number;
}

export interface SaveRequest {
  type: WritableType;
  writer: DocumentWriter;
  scopes: readonly Scope[];
  audit: AuditContext;
}

type Row = Record<string, unknown> & { id: number; version: number };

const versionColumn = sql.raw(`floor(extract(epoch FROM updated_at) * 1000)::float8 AS "__version"`);

function toRow(raw: Record<string, unknown> | undefined): Row | undefined {
  if (!raw) return undefined;
  const { __version, ...rest } = raw;
  return { ...rest, id: Number(raw.id), version: Number(__version) } as Row;
}

async function readDocument(db: Database, type: WritableType, documentId: string, lock: boolean) {
  const { table } = TABLES[type];
  const rows = await db.execute(
    sql`SELECT *, ${versionColumn} FROM ${table} WHERE document_id = ${documentId}${lock ? sql` FOR UPDATE` : sql``}`,
  );
  return toRow(rows.rows[0]);
}

/**
 * Moves the version forward: to now, and at least one millisecond past the version read before the
 * write, so that a save always yields a version no earlier save had.
 */
async function advanceVersion(db: Database, type: WritableType, before: Row): Promise<Row> {
  const { table } = TABLES[type];
  const next = sql`greatest(date_trunc('milliseconds', clock_timestamp()), 'epoch'::timestamptz + ${before.version + 1} * interval '1 millisecond')`;
  const rows = await db.execute(
    sql`UPDATE ${table} SET updated_at = ${next} WHERE id = ${before.id} RETURNING *, ${versionColumn}`,
  );
  return toRow(rows.rows[0])!;
}

/** The last person whose save (or creation) is recorded for the document, from the activity log. */
async function lastSavedBy(db: Database, type: WritableType, documentId: string) {
  const rows = await db.execute<{
    documentId: string | null;
    username: string | null;
    role: string | null;
    at: string;
  }>(sql`
    SELECT l.actor_document_id AS "documentId", u.username, l.actor_role AS role,
           to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
    FROM ${activityLog} l LEFT JOIN ${users} u ON u.id = l.actor_id
    WHERE l.entity_type = ${type} AND l.entity_document_id = ${documentId}
      AND l.action IN ('create', 'update', 'publish', 'unpublish')
    ORDER BY l.id DESC LIMIT 1`);
  return rows.rows[0] ?? null;
}

async function checkPrecondition(db: Database, type: WritableType, current: Row, precondition: Precondition) {
  const stale =
    (precondition.ifMatch !== undefined && !ifMatchAccepts(precondition.ifMatch, current.version)) ||
    (precondition.updatedAt !== undefined && precondition.updatedAt !== current.version);
  if (!stale) return;
  const documentId = String(current.document_id);
  const savedBy = await lastSavedBy(db, type, documentId);
  const updatedAt = new Date(current.version).toISOString();
  const who = savedBy?.username ? ` by ${savedBy.username}` : '';
  throw new ApiError(
    412,
    'PreconditionFailedError',
    `This ${TABLES[type].noun} was changed${who} at ${updatedAt} since you opened it; reload it and apply your changes again`,
    {
      current: {
        documentId,
        version: entityTag(current.version),
        updatedAt,
        updatedBy: savedBy && { documentId: savedBy.documentId, username: savedBy.username, role: savedBy.role },
      },
    },
    { ETag: entityTag(current.version) },
  );
}

/** Drizzle's names of the columns whose values differ; foreign keys under their relation's name. */
function changedAttributes(type: WritableType, before: Row, after: Row, submitted: string[]): string[] {
  const changed = new Set<string>();
  for (const [key, column] of Object.entries(getTableColumns(TABLES[type].table))) {
    if (['id', 'documentId', 'createdAt', 'updatedAt'].includes(key)) continue;
    if (JSON.stringify(before[column.name]) !== JSON.stringify(after[column.name]))
      changed.add(key.endsWith('Id') ? key.slice(0, -2) : key);
  }
  // To-many relations live in join tables: a submitted one counts as changed. (To-one relations were
  // compared above, through their foreign key.)
  const columns = getTableColumns(TABLES[type].table);
  for (const key of submitted) if (!(key in columns) && !(`${key}Id` in columns)) changed.add(key);
  return [...changed].sort();
}

function publishAction(before: Row | undefined, after: Row): 'publish' | 'unpublish' | undefined {
  if (!('is_published' in after)) return undefined;
  if (after.is_published && !before?.is_published) return 'publish';
  if (before?.is_published && !after.is_published) return 'unpublish';
  return undefined;
}

type ContentAction = 'create' | 'update' | 'publish' | 'unpublish' | 'delete';
const PAST: Record<ContentAction, string> = {
  create: 'created',
  update: 'updated',
  publish: 'published',
  unpublish: 'unpublished',
  delete: 'deleted',
};

const entry = (type: WritableType, row: Row, action: ContentAction, changedFields: string[]): ActivityRecord => ({
  action,
  entityType: type satisfies ActivityEntityType,
  entityDocumentId: String(row.document_id),
  summary: `${TABLES[type].noun} ${quoted(row[TABLES[type].label] as string)} ${PAST[action]}`,
  changedFields,
});

/** Creates a document and records it, in one transaction. Answers its documentId and version. */
export async function createDocument(db: Database, request: SaveRequest, data: Record<string, unknown>) {
  const { type, writer, scopes, audit } = request;
  return db.transaction(async (tx) => {
    const documentId = await writer.create(tx, audit.actor, scopes, data);
    const row = (await readDocument(tx, type, documentId, false))!;
    const records = [entry(type, row, 'create', Object.keys(data).sort())];
    if (publishAction(undefined, row) === 'publish') records.push(entry(type, row, 'publish', ['isPublished']));
    await recordActivity(tx, audit, ...records);
    return { documentId, version: row.version };
  });
}

/**
 * Saves changes to a document unless the editor's copy is stale: the row is locked, its version compared
 * with the precondition (a 412 names the current version and who saved it), then written, moved to a new
 * version and recorded, all in one transaction. Without a precondition, the last save wins, as in Strapi.
 */
export async function updateDocument(
  db: Database,
  request: SaveRequest,
  documentId: string,
  data: Record<string, unknown>,
  precondition: Precondition,
) {
  const { type, writer, scopes, audit } = request;
  return db.transaction(async (tx) => {
    // Who may not write it is told so (404/403) before being told whether their copy is current.
    await findWritable(tx, type, documentId, audit.actor, scopes);
    const before = (await readDocument(tx, type, documentId, true))!;
    await checkPrecondition(tx, type, before, precondition);
    await writer.update(tx, audit.actor, scopes, documentId, data);
    const after = await advanceVersion(tx, type, before);
    const changed = changedAttributes(type, before, after, Object.keys(data));
    await recordActivity(tx, audit, entry(type, after, publishAction(before, after) ?? 'update', changed));
    return { version: after.version };
  });
}

/** Deletes a document (honouring a precondition too) and records it, in one transaction. */
export async function deleteDocument(
  db: Database,
  request: SaveRequest,
  documentId: string,
  precondition: Precondition,
) {
  const { type, writer, scopes, audit } = request;
  await db.transaction(async (tx) => {
    await findWritable(tx, type, documentId, audit.actor, scopes);
    const before = (await readDocument(tx, type, documentId, true))!;
    await checkPrecondition(tx, type, before, precondition);
    await writer.remove(tx, audit.actor, scopes, documentId);
    await recordActivity(tx, audit, entry(type, before, 'delete', []));
  });
}

export function isWritableType(name: string): name is WritableType {
  return Object.hasOwn(TABLES, name);
}
