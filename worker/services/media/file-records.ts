import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { files } from '../../../db/schema';
import type { AuthUser } from '../../env';
import { notFound } from '../../lib/errors';
import type { Scope } from '../../policy/permissions';
import { keyFromPath } from './object-names';
import type { FileRecord } from './prepare-upload';

export type FileRow = typeof files.$inferSelect;

/** Strapi v5's file object, as its upload plugin answers it. */
export function presentFile(row: FileRow) {
  return {
    id: row.id,
    documentId: row.documentId,
    name: row.name,
    alternativeText: row.alternativeText,
    caption: row.caption,
    width: row.width,
    height: row.height,
    formats: row.formats,
    hash: row.hash,
    ext: row.ext,
    mime: row.mime,
    size: row.size,
    url: row.url,
    previewUrl: row.previewUrl,
    provider: row.provider,
    provider_metadata: row.providerMetadata,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Which files a caller may see: every file for 'all', their own uploads for 'own'. */
export function fileScopePredicate(viewer: AuthUser | null, scopes: readonly Scope[]): SQL | undefined {
  if (scopes.includes('all')) return undefined;
  if (scopes.includes('own') && viewer) return eq(files.createdById, viewer.id);
  return sql`false`;
}

/** Teachers delete only what they uploaded themselves; admins delete anything. */
export function mayDeleteFile(actor: AuthUser, deleteScopes: readonly Scope[], file: FileRow): boolean {
  return deleteScopes.includes('all') || (deleteScopes.includes('own') && file.createdById === actor.id);
}

/** One statement for all rows, so a multi-file upload is recorded entirely or not at all. */
export async function recordUploads(db: Database, owner: AuthUser, records: readonly FileRecord[]): Promise<FileRow[]> {
  const rows = await db
    .insert(files)
    .values(records.map((r) => ({ ...r, createdById: owner.id })))
    .returning();
  // Answer in the order the files were sent; the hashes are unique.
  return records.map((r) => {
    const row = rows.find((candidate) => candidate.hash === r.hash);
    if (!row) throw new Error(`insert returned no row for ${r.hash}`);
    return row;
  });
}

export async function listFiles(
  db: Database,
  viewer: AuthUser | null,
  scopes: readonly Scope[],
  page: { page: number; pageSize: number },
): Promise<FileRow[]> {
  return db
    .select()
    .from(files)
    .where(fileScopePredicate(viewer, scopes))
    .orderBy(desc(files.createdAt), desc(files.id))
    .offset((page.page - 1) * page.pageSize)
    .limit(page.pageSize);
}

const MAX_INTEGER = 2_147_483_647;

/** A file by its numeric id (Strapi's upload plugin uses those) or by its documentId. */
export async function findFile(
  db: Database,
  viewer: AuthUser | null,
  scopes: readonly Scope[],
  idOrDocumentId: string,
): Promise<FileRow> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(fileKeyPredicate(idOrDocumentId), fileScopePredicate(viewer, scopes)));
  if (!row) throw notFound('File not found');
  return row;
}

function fileKeyPredicate(idOrDocumentId: string): SQL {
  if (!/^\d+$/.test(idOrDocumentId)) return eq(files.documentId, idOrDocumentId);
  // documentIds start with a letter, so digits are an id; one past the integer column's range would be
  // a database error rather than a miss.
  const id = Number(idOrDocumentId);
  return id <= MAX_INTEGER ? eq(files.id, id) : sql`false`;
}

/** The R2 key of a file's object. */
export function storedKey(row: FileRow): string | null {
  const metadata = row.providerMetadata as { key?: unknown } | null;
  return typeof metadata?.key === 'string' ? metadata.key : keyFromPath(row.url);
}

/**
 * Removes the row and its object. The object goes while the row's deletion is still uncommitted: if
 * R2 fails, the row stays and the delete can be retried; the other order could leave an object that
 * is still publicly served after its file was "deleted".
 */
export async function deleteFile(db: Database, bucket: R2Bucket, file: FileRow): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(files).where(eq(files.id, file.id));
    const key = storedKey(file);
    if (key) await bucket.delete(key);
  });
}
