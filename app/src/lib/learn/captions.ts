// Caption tracks of a recording or video (WCAG 2.2 1.2.2): the lesson's attachments that are WebVTT files.
// A file says its language by the suffix before .vtt (talk.ar.vtt, talk.en-GB.vtt); without one it is in
// the school's default language. Pure: the lesson loader and "Download for offline" use it.

export interface CaptionFile {
  url: string;
  name: string;
  mime: string;
}

export interface CaptionTrack {
  url: string;
  /** A BCP 47 tag, as `<track srclang>` wants it. */
  srclang: string;
}

const VTT_NAME = /\.vtt$/i;
const LANGUAGE_SUFFIX = /\.([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\.vtt$/i;

export function isCaptionFile(file: Pick<CaptionFile, 'name' | 'mime'>): boolean {
  return file.mime === 'text/vtt' || (file.mime === '' && VTT_NAME.test(file.name));
}

/** The language a caption file's name states (`talk.ar.vtt` → `ar`), or null when it states none. */
export function captionLanguage(name: string): string | null {
  const tag = name.match(LANGUAGE_SUFFIX)?.[1];
  if (!tag) return null;
  const [primary, ...rest] = tag.split('-');
  return [primary!.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
}

/** Whether any caption file needs the school's default language (so the loader asks for it only then). */
export function needsDefaultLanguage(files: readonly Pick<CaptionFile, 'name' | 'mime'>[]): boolean {
  return files.some((f) => isCaptionFile(f) && captionLanguage(f.name) === null);
}

/** One track per language, in the order the teacher attached them; other attachments are left out. */
export function captionTracks(files: readonly CaptionFile[], defaultLanguage: string): CaptionTrack[] {
  const tracks: CaptionTrack[] = [];
  for (const file of files) {
    if (!isCaptionFile(file)) continue;
    const srclang = captionLanguage(file.name) ?? defaultLanguage;
    if (!tracks.some((t) => t.srclang === srclang)) tracks.push({ url: file.url, srclang });
  }
  return tracks;
}

/** The track shown by default: the one in the page's language (`ar` matches `ar-EG`), else none. */
export function defaultTrack(tracks: readonly CaptionTrack[], uiLanguage: string): number {
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();
  const exact = tracks.findIndex((t) => t.srclang.toLowerCase() === uiLanguage.toLowerCase());
  return exact >= 0 ? exact : tracks.findIndex((t) => primary(t.srclang) === primary(uiLanguage));
}

/** A track's label in the page's language ("Arabic", "العربية"), as the browser names languages. */
export function trackLabel(srclang: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(srclang) ?? srclang;
  } catch {
    return srclang;
  }
}
