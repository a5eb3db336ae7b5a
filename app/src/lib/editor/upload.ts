// Uploads through the API's resumable sessions (POST /api/upload/sessions, PUT parts, complete):
// each part goes by XMLHttpRequest, whose upload events give a real progress bar, and a part that fails
// on a dropped connection is sent again before the upload gives up.
import type { ApiClient, MediaFile } from '$lib/api';
import { ApiError, NetworkError } from '$lib/api';
import type { UploadSession } from '$contract/uploads';

export interface UploadOptions {
  /** Bytes sent so far of the whole file, and its size. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
  /** The bearer token for the part requests (they bypass the JSON client). */
  token: () => string | null;
}

const RETRIES = 3;

function putPart(url: string, body: Blob, token: string | null, onSent: (bytes: number) => void, signal?: AbortSignal) {
  return new Promise<void>((done, fail) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => onSent(event.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return done();
      let message = xhr.statusText;
      try {
        message = (JSON.parse(xhr.responseText) as { error: { message: string } }).error.message;
      } catch {
        // Not the API's envelope: keep the status text.
      }
      fail(new ApiError(xhr.status, 'ApiError', message));
    };
    xhr.onerror = () => fail(new NetworkError('the upload was interrupted'));
    xhr.onabort = () => fail(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** Uploads `file` and answers the media library's record of it. */
export async function uploadFile(api: ApiClient, file: File, options: UploadOptions): Promise<MediaFile> {
  const { data: session } = await api.post<{ data: UploadSession }>(
    '/upload/sessions',
    { data: { name: file.name, size: file.size } },
    options.signal,
  );
  const path = `/upload/sessions/${session.documentId}`;
  let confirmed = 0;
  try {
    for (let part = 1; part <= session.partCount; part++) {
      const start = (part - 1) * session.partSize;
      const blob = file.slice(start, Math.min(file.size, start + session.partSize));
      for (let attempt = 1; ; attempt++) {
        try {
          await putPart(
            `/api${path}/parts/${part}`,
            blob,
            options.token(),
            (sent) => options.onProgress?.(confirmed + sent, file.size),
            options.signal,
          );
          break;
        } catch (error) {
          if (!(error instanceof NetworkError) || attempt >= RETRIES) throw error;
        }
      }
      confirmed += blob.size;
      options.onProgress?.(confirmed, file.size);
    }
    return await api.post<MediaFile>(`${path}/complete`, { data: {} }, options.signal);
  } catch (error) {
    // Leave nothing half-stored behind an upload the teacher gave up on.
    void api.delete(path).catch(() => undefined);
    throw error;
  }
}
