// One document being edited: the form, the version it was loaded at, a draft on this device after
// every change, and a save that reports a newer save by someone else instead of overwriting it.
import { clearDraft, readDraft, writeDraft } from './drafts';
import { conflictOf, type Conflict, type Versioned } from './documents';

export interface DocumentEditorOptions<D, F> {
  /** localStorage key of this document's draft (drafts.ts `draftKey`). */
  draftKey: string;
  load: (signal: AbortSignal) => Promise<Versioned<D>>;
  toForm: (data: D) => F;
  /** Saves the form at `version` (null: whatever is there now). */
  save: (form: F, version: string | null) => Promise<Versioned<D>>;
}

export class DocumentEditor<D, F> {
  data = $state.raw<D | null>(null);
  form = $state<F | null>(null);
  version = $state.raw<string | null>(null);
  /** The form as last loaded or saved, to tell unsaved changes. */
  #baseline = $state.raw('');
  saving = $state(false);
  justSaved = $state(false);
  error = $state.raw<unknown>(null);
  conflict = $state.raw<Conflict | null>(null);
  /** When a draft kept on this device was put back into the form. */
  restoredFrom = $state.raw<string | null>(null);
  #loadedVersion: string | null = null;
  readonly #options: DocumentEditorOptions<D, F>;

  constructor(options: DocumentEditorOptions<D, F>) {
    this.#options = options;
  }

  get dirty(): boolean {
    return this.form !== null && JSON.stringify(this.form) !== this.#baseline;
  }

  async load(signal: AbortSignal, useDraft = true): Promise<void> {
    const loaded = await this.#options.load(signal);
    this.#accept(loaded);
    const draft = useDraft ? readDraft<F>(this.#options.draftKey) : null;
    if (draft && JSON.stringify(draft.form) !== this.#baseline) {
      this.form = draft.form;
      // The draft's edits started from its own version: saving them must still be checked against it.
      this.version = draft.version;
      this.restoredFrom = draft.savedAt;
    } else if (draft) {
      clearDraft(this.#options.draftKey);
    }
  }

  #accept(loaded: Versioned<D>) {
    this.data = loaded.data;
    this.version = loaded.version;
    this.#loadedVersion = loaded.version;
    const form = this.#options.toForm(loaded.data);
    this.#baseline = JSON.stringify(form);
    this.form = form;
  }

  /** Called by the page after every change (an $effect on the form). */
  keepDraft(): void {
    if (!this.form) return;
    if (!this.dirty) return clearDraft(this.#options.draftKey);
    writeDraft(this.#options.draftKey, {
      version: this.version,
      savedAt: new Date(Date.now()).toISOString(), // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp, not state
      form: $state.snapshot(this.form) as F,
    });
  }

  discardDraft(): void {
    clearDraft(this.#options.draftKey);
    this.restoredFrom = null;
    if (this.data) this.#accept({ data: this.data, version: this.#loadedVersion });
  }

  /** Saves the form; `overwrite` saves over a newer version the teacher chose to replace. */
  async save(overwrite = false): Promise<boolean> {
    if (!this.form) return false;
    this.saving = true;
    this.error = null;
    this.justSaved = false;
    const version = overwrite ? (this.conflict?.version ?? null) : this.version;
    try {
      const saved = await this.#options.save($state.snapshot(this.form) as F, version);
      this.conflict = null;
      this.restoredFrom = null;
      clearDraft(this.#options.draftKey);
      this.#accept(saved);
      this.justSaved = true;
      return true;
    } catch (error) {
      const conflict = conflictOf(error);
      if (conflict) this.conflict = conflict;
      else this.error = error;
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Drops this editor's changes and loads the version someone else saved. */
  async reload(signal: AbortSignal): Promise<void> {
    clearDraft(this.#options.draftKey);
    this.conflict = null;
    this.restoredFrom = null;
    await this.load(signal, false);
  }
}
