// A report page's data: loaded again whenever the parameters its loader reads change, the previous
// request aborted. Chart pages only; nothing here runs on learner pages.
import { describeError } from '$lib/api/error-message';
import { i18n } from '$lib/i18n';

/** The answer is kept raw (not deeply reactive): it is replaced, never edited in place. */
export class Loaded<T> {
  data = $state.raw<T | null>(null);
  error = $state('');
  loading = $state(true);
}

/** Call during a component's setup; `load` reads the reactive parameters it depends on. */
export function loaded<T>(load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const state = new Loaded<T>();
  $effect(() => {
    const controller = new AbortController();
    state.loading = true;
    load(controller.signal).then(
      (data) => {
        state.data = data;
        state.error = '';
        state.loading = false;
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        state.error = describeError(error, i18n.m);
        state.loading = false;
      },
    );
    return () => controller.abort();
  });
  return state;
}

const DAY = 86_400_000;

/** A UTC day `days` before today, as the API writes days. */
export function daysAgo(days: number, now = Date.now()): string {
  return new Date(now - days * DAY).toISOString().slice(0, 10); // eslint-disable-line svelte/prefer-svelte-reactivity -- a value, not state
}
