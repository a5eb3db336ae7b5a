// Sizes of downloads as the learner reads them: megabytes in the locale's digits and unit.
import { formatNumber } from '$lib/i18n';

export const formatMegabytes = (bytes: number) =>
  formatNumber(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: bytes < 1e7 ? 1 : 0 });
