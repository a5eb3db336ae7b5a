import type { Database } from '../../../db/client';
import { recordActivity, type AuditContext } from '../audit/activity-log';
import { forbidden } from '../../lib/errors';
import { scopesFor, type Scope } from '../../policy/permissions';
import { deleteFile, findFile, mayDeleteFile, recordUploads, type FileRow } from './file-records';
import type { ReceivedUpload } from './receive-upload';
import { deleteQuietly } from './store';

const fileRecord = (action: 'upload' | 'delete', file: FileRow) => ({
  action,
  entityType: 'files' as const,
  entityDocumentId: file.documentId,
  summary: `${file.mime} file ${action === 'upload' ? 'uploaded' : 'deleted'} (${file.size} KB)`,
});

/**
 * Records the files of an upload already in R2, with their activity-log entries, in one transaction; when
 * the database refuses them, the objects go too, so nothing stays in R2 without its record.
 */
export async function recordReceivedUpload(
  db: Database,
  bucket: R2Bucket,
  audit: AuditContext,
  upload: ReceivedUpload,
): Promise<FileRow[]> {
  try {
    return await db.transaction(async (tx) => {
      const rows = await recordUploads(tx, audit.actor, upload.records);
      await recordActivity(tx, audit, ...rows.map((row) => fileRecord('upload', row)));
      return rows;
    });
  } catch (error) {
    await deleteQuietly(bucket, upload.keys);
    throw error;
  }
}

/** Teachers delete the files they uploaded; admins any. The R2 object goes with the record. */
export async function deleteFileAs(
  db: Database,
  bucket: R2Bucket,
  audit: AuditContext,
  deleteScopes: readonly Scope[],
  key: string,
): Promise<FileRow> {
  const { actor } = audit;
  const file = await findFile(db, actor, scopesFor(actor.role, 'upload', 'findOne'), key);
  if (!mayDeleteFile(actor, deleteScopes, file)) throw forbidden('You may only delete the files you uploaded');
  // The entry first: if R2 then fails, the deletion and its entry roll back together.
  await db.transaction(async (tx) => {
    await recordActivity(tx, audit, fileRecord('delete', file));
    await deleteFile(tx, bucket, file);
  });
  return file;
}
