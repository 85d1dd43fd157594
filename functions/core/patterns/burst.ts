/**
 * A burst: a category's count in the current window exceeds what its recent past makes normal.
 *
 *   baseline  = mean count of the previous `baselineWindows` windows (a window with no counter
 *               counted nothing, so it is 0, not left out: a quiet category stays quiet)
 *   threshold = max(minimum, baseline × factor)
 *   burst     = count > threshold
 *
 * `minimum` keeps a category that is usually silent from escalating on its second complaint.
 */

export interface BurstSettings {
  /** A window's count must exceed this, whatever the baseline. */
  minimum: number;
  /** …and exceed the baseline times this. */
  factor: number;
  /** How many previous windows the baseline averages. */
  baselineWindows: number;
}

export interface BurstDecision {
  burst: boolean;
  count: number;
  baseline: number;
  threshold: number;
}

/** Mean over `windows` windows; counts of windows that have none are missing, so they count as 0. */
export function baselineOf(previousCounts: readonly number[], windows: number): number {
  if (windows <= 0) return 0;
  const total = previousCounts.reduce((sum, count) => sum + count, 0);
  return total / windows;
}

export function burstThreshold(baseline: number, settings: Pick<BurstSettings, 'minimum' | 'factor'>): number {
  return Math.max(settings.minimum, baseline * settings.factor);
}

export function decideBurst(count: number, previousCounts: readonly number[], settings: BurstSettings): BurstDecision {
  const baseline = baselineOf(previousCounts, settings.baselineWindows);
  const threshold = burstThreshold(baseline, settings);
  return { burst: count > threshold, count, baseline, threshold };
}

/**
 * Whether the baseline needs reading at all: no baseline can lower the threshold below
 * `minimum`, so a count at or under it is never a burst (the hot path then skips the Query).
 */
export function mayBeBurst(count: number, settings: Pick<BurstSettings, 'minimum'>): boolean {
  return count > settings.minimum;
}
