/** A resumable upload as its owner sees it (POST/GET /api/upload/sessions). */
export interface UploadSession {
  documentId: string;
  name: string;
  /** Bytes of the whole file. */
  size: number;
  /** Every part but the last has exactly this many bytes. */
  partSize: number;
  partCount: number;
  /** Known once part 1 has arrived (the type is read from its bytes). */
  mime: string | null;
  /** Parts R2 holds, by number: a client resuming sends the others. */
  receivedParts: number[];
  receivedBytes: number;
  expiresAt: string;
}

/** PUT /api/upload/sessions/:documentId/parts/:partNumber. */
export interface UploadedPart {
  partNumber: number;
  size: number;
}
