/**
 * Order statistics for the report. Percentiles interpolate linearly between the two nearest
 * ranks (the "inclusive" method of spreadsheets' PERCENTILE.INC and numpy's default), so the
 * median of an even count is the mean of the middle two.
 */

/** The p-th percentile (0 ≤ p ≤ 1) of `values`; undefined for no values. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be between 0 and 1, not ${p}`);
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return undefined;
  const sorted = [...finite].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower]!;
  const high = sorted[upper]!;
  return low + (high - low) * (rank - lower);
}

export function median(values: readonly number[]): number | undefined {
  return percentile(values, 0.5);
}

export function p90(values: readonly number[]): number | undefined {
  return percentile(values, 0.9);
}

export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Milliseconds as an ISO-8601 duration in days, hours, minutes and seconds (rounded to the
 * second, negative clamped to zero): 93_784_000 → P1DT2H3M4S, 0 → PT0S.
 */
export function isoDurationOf(ms: number): string {
  let seconds = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3_600);
  seconds -= hours * 3_600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** "1d 2h", "3h 20m", "45m", "12s": the two largest units, for terminal output. */
export function shortDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const units: Array<[string, number]> = [
    ['d', Math.floor(total / 86_400)],
    ['h', Math.floor((total % 86_400) / 3_600)],
    ['m', Math.floor((total % 3_600) / 60)],
    ['s', total % 60],
  ];
  const first = units.findIndex(([, amount]) => amount > 0);
  if (first < 0) return '0s';
  return units
    .slice(first, first + 2)
    .filter(([, amount]) => amount > 0)
    .map(([unit, amount]) => `${amount}${unit}`)
    .join(' ');
}
