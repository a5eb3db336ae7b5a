import type { Database } from '../../../db/client';
import type { AuthUser } from '../../env';
import { forbidden } from '../../lib/errors';
import { scopesFor, type Scope } from '../../policy/permissions';
import { deleteFile, findFile, mayDeleteFile, recordUploads, type FileRow } from './file-records';
import type { ReceivedUpload } from './receive-upload';
import { deleteQuietly } from './store';

/** Records the files of an upload already in R2; when the database refuses them, the objects go too. */
export async function recordReceivedUpload(
  db: Database,
  bucket: R2Bucket,
  uploader: AuthUser,
  upload: ReceivedUpload,
): Promise<FileRow[]> {
  try {
    return await recordUploads(db, uploader, upload.records);
  } catch (error) {
    await deleteQuietly(bucket, upload.keys);
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
