// Media times as the learner reads them: m:ss (h:mm:ss past an hour) in the locale's digits.
import { formatNumber } from '$lib/i18n';

export function formatClock(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => formatNumber(n, { minimumIntegerDigits: 2, useGrouping: false });
  return h ? `${formatNumber(h)}:${two(m)}:${two(s)}` : `${formatNumber(m)}:${two(s)}`;
}
