/** What the media library accepts, and how large each kind may be. */

export type MediaKind = 'image' | 'audio' | 'video' | 'pdf' | 'captions';

/** Limits are in binary megabytes (1 MB = 1,048,576 bytes). */
export const MB = 1024 * 1024;

/**
 * Per-file limits. Cloudflare refuses request bodies over 100 MB on the Free and Pro plans (200 MB on
 * Business) before the worker runs, so a video near the limit may not get through in production;
 * the whole form is also held in the isolate's 128 MB of memory while it is read.
 */
export const IMAGE_LIMIT_BYTES = 10 * MB;
export const AUDIO_LIMIT_BYTES = 50 * MB;
export const PDF_LIMIT_BYTES = 20 * MB;
export const VIDEO_LIMIT_BYTES = 100 * MB;
/** An hour of captions is about 100 KB; a megabyte leaves room for long lessons and two scripts. */
export const CAPTIONS_LIMIT_BYTES = 1 * MB;

export const SIZE_LIMITS: Record<MediaKind, number> = {
  image: IMAGE_LIMIT_BYTES,
  audio: AUDIO_LIMIT_BYTES,
  pdf: PDF_LIMIT_BYTES,
  video: VIDEO_LIMIT_BYTES,
  captions: CAPTIONS_LIMIT_BYTES,
};

/** A whole upload request may hold the largest single file plus the multipart envelope around it. */
export const MAX_UPLOAD_REQUEST_BYTES = Math.max(...Object.values(SIZE_LIMITS)) + 1 * MB;

export interface MediaType {
  mime: string;
  kind: MediaKind;
  /** The first is used when the uploaded name has none of them. */
  extensions: readonly string[];
}

/**
 * Only formats that browsers show as media, never as a document that runs script: no SVG (see
 * sniff-mime.ts), no HTML, no XML. WebVTT captions are plain text that a <track> reads; opened on its
 * own, a .vtt file downloads (uploads-serving.ts).
 */
export const MEDIA_TYPES = {
  png: { mime: 'image/png', kind: 'image', extensions: ['.png'] },
  jpeg: { mime: 'image/jpeg', kind: 'image', extensions: ['.jpg', '.jpeg'] },
  gif: { mime: 'image/gif', kind: 'image', extensions: ['.gif'] },
  webp: { mime: 'image/webp', kind: 'image', extensions: ['.webp'] },
  mp3: { mime: 'audio/mpeg', kind: 'audio', extensions: ['.mp3'] },
  m4a: { mime: 'audio/mp4', kind: 'audio', extensions: ['.m4a', '.m4b', '.mp4'] },
  ogg: { mime: 'audio/ogg', kind: 'audio', extensions: ['.ogg', '.oga', '.opus'] },
  wav: { mime: 'audio/wav', kind: 'audio', extensions: ['.wav'] },
  mp4: { mime: 'video/mp4', kind: 'video', extensions: ['.mp4', '.m4v'] },
  webm: { mime: 'video/webm', kind: 'video', extensions: ['.webm'] },
  pdf: { mime: 'application/pdf', kind: 'pdf', extensions: ['.pdf'] },
  vtt: { mime: 'text/vtt', kind: 'captions', extensions: ['.vtt'] },
} as const satisfies Record<string, MediaType>;

export const ACCEPTED_TYPES_DESCRIPTION =
  'PNG, JPEG, GIF or WebP images; MP3, M4A, OGG or WAV audio; MP4 or WebM video; PDF; WebVTT captions';

export function formatLimit(bytes: number): string {
  return `${Math.round((bytes / MB) * 100) / 100} MB`;
}

export function describeKind(kind: MediaKind): string {
  return { image: 'images', audio: 'audio', video: 'video', pdf: 'PDF documents', captions: 'captions' }[kind];
}
