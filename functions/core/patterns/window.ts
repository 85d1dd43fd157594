/**
 * Fixed counting windows for category counters: a time falls into the window that starts at the
 * last multiple of the window's length since the Unix epoch (P1D windows start at 00:00 UTC,
 * PT1H windows on the hour). The start, as an ISO string, is the counter's sort key, so
 * lexicographic order is time order and a range of windows is one Query.
 */
import { durationToMs } from '../duration.ts';

export interface CountWindow {
  /** Inclusive. */
  start: string;
  /** Exclusive: the next window's start. */
  end: string;
}

export function windowOf(at: string, window: string): CountWindow {
  const length = windowLength(window);
  const time = Date.parse(at);
  if (Number.isNaN(time)) throw new Error(`windowOf: "${at}" is not a time`);
  const start = Math.floor(time / length) * length;
  return { start: new Date(start).toISOString(), end: new Date(start + length).toISOString() };
}

/** The `count` windows just before `current` (oldest first): what the baseline is the mean of. */
export function previousWindows(current: CountWindow, window: string, count: number): CountWindow[] {
  const length = windowLength(window);
  const start = Date.parse(current.start);
  const windows: CountWindow[] = [];
  for (let back = count; back >= 1; back -= 1) {
    const from = start - back * length;
    windows.push({ start: new Date(from).toISOString(), end: new Date(from + length).toISOString() });
  }
  return windows;
}

function windowLength(window: string): number {
  const length = durationToMs(window);
  if (length <= 0) throw new Error(`a counting window must be longer than zero, not ${window}`);
  return length;
}
