// Unsaved editor work kept on this device (localStorage), per user and document, so a reload, a crash
// or a closed tab never loses it. A draft remembers the version it was based on: saving it later still
// sends that version, so a save made meanwhile by someone else is reported, not overwritten.

export interface Draft<T> {
  /** The document version the edits started from. */
  version: string | null;
  /** When the draft was last written (ISO). */
  savedAt: string;
  form: T;
}

const PREFIX = 'lms.editor.draft';

export function draftKey(user: string, kind: string, documentId: string): string {
  return `${PREFIX}.${user}.${kind}.${documentId}`;
}

export function readDraft<T>(key: string, storage: Storage = localStorage): Draft<T> | null {
  try {
    const value = JSON.parse(storage.getItem(key) ?? 'null') as Draft<T> | null;
    return value && typeof value === 'object' && 'form' in value && typeof value.savedAt === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function writeDraft<T>(key: string, draft: Draft<T>, storage: Storage = localStorage): void {
  try {
    storage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the leave warning still protects the work in this tab.
  }
}

export function clearDraft(key: string, storage: Storage = localStorage): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}
