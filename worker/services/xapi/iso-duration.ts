/**
 * Seconds as an ISO 8601 duration, the form xAPI's `result.duration` requires: 3723 → "PT1H2M3S",
 * 0 → "PT0S". Hours are not folded into days because a day is not always 24 hours long in ISO 8601.
 * xAPI keeps durations to 0.01 s, so fractions are rounded to hundredths.
 */
export function toIsoDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new RangeError(`A duration must be a finite number of seconds ≥ 0, got ${seconds}`);
  const hundredths = Math.round(seconds * 100);
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6_000);
  const rest = (hundredths % 6_000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (rest || out === 'PT') out += `${rest}S`;
  return out;
}
