import type { Database } from '../../../db/client';
import type { AuthUser } from '../../env';
import { forbidden } from '../../lib/errors';
import { scopesFor, type Scope } from '../../policy/permissions';
import { deleteFile, findFile, mayDeleteFile, recordUploads, type FileRow } from './file-records';
import { prepareUpload, type FileInfo, type PreparedUpload } from './prepare-upload';
import { deleteQuietly, putAll } from './store';

/**
 * Stores an upload: every file is checked before any is stored (one refused file refuses the whole
 * upload), and nothing stays in R2 when the database refuses the records.
 */
export async function storeUploads(
  db: Database,
  bucket: R2Bucket,
  uploader: AuthUser,
  files: File[],
  infos: FileInfo[],
): Promise<FileRow[]> {
  const uploads: PreparedUpload[] = [];
  for (const [index, file] of files.entries()) uploads.push(await prepareUpload(file, infos[index] ?? {}, index));
  await putAll(bucket, uploads);
  try {
    return await recordUploads(
      db,
      uploader,
      uploads.map((u) => u.record),
    );
  } catch (error) {
    await deleteQuietly(
      bucket,
      uploads.map((u) => u.key),
    );
    throw error;
  }
}

/** Teachers delete the files they uploaded; admins any. The R2 object goes with the record. */
export async function deleteFileAs(
  db: Database,
  bucket: R2Bucket,
  actor: AuthUser,
  deleteScopes: readonly Scope[],
  key: string,
): Promise<FileRow> {
  const file = await findFile(db, actor, scopesFor(actor.role, 'upload', 'findOne'), key);
  if (!mayDeleteFile(actor, deleteScopes, file)) throw forbidden('You may only delete the files you uploaded');
  await deleteFile(db, bucket, file);
  return file;
}
