import { describe, expect, it } from 'vitest';
import { baselineOf, burstThreshold, decideBurst, mayBeBurst } from '#core/patterns/burst';
import { previousWindows, windowOf } from '#core/patterns/window';

const settings = { minimum: 5, factor: 3, baselineWindows: 14 };

describe('burst detection against the baseline', () => {
  it('takes the mean over all baseline windows, missing windows counting as zero', () => {
    expect(baselineOf([2, 4], 4)).toBe(1.5);
    expect(baselineOf([], 14)).toBe(0);
    expect(baselineOf([3], 0)).toBe(0);
  });

  it('needs the count to exceed both the minimum and baseline × factor', () => {
    expect(burstThreshold(0, settings)).toBe(5);
    expect(burstThreshold(4, settings)).toBe(12);
    // a quiet category: the minimum decides
    expect(decideBurst(5, [], settings).burst).toBe(false);
    expect(decideBurst(6, [], settings)).toEqual({ burst: true, count: 6, baseline: 0, threshold: 5 });
    // a busy category: 4 a day on average, so 12 is normal and 13 is a burst
    const busy = Array.from({ length: 14 }, () => 4);
    expect(decideBurst(12, busy, settings).burst).toBe(false);
    expect(decideBurst(13, busy, settings)).toMatchObject({ burst: true, baseline: 4, threshold: 12 });
  });

  it('skips reading the baseline while the count is at or under the minimum', () => {
    expect(mayBeBurst(5, settings)).toBe(false);
    expect(mayBeBurst(6, settings)).toBe(true);
  });

  it('works with fractional factors and baselines', () => {
    expect(decideBurst(4, [1, 2], { minimum: 3, factor: 1.5, baselineWindows: 2 })).toMatchObject({ baseline: 1.5, threshold: 3, burst: true });
  });
});

describe('counting windows', () => {
  it('aligns P1D windows on UTC midnight and PT1H windows on the hour', () => {
    expect(windowOf('2026-11-23T13:21:17.130Z', 'P1D')).toEqual({ start: '2026-11-23T00:00:00.000Z', end: '2026-11-24T00:00:00.000Z' });
    expect(windowOf('2026-11-23T13:21:17.130Z', 'PT1H')).toEqual({ start: '2026-11-23T13:00:00.000Z', end: '2026-11-23T14:00:00.000Z' });
    expect(windowOf('2026-11-23T13:00:00.000Z', 'PT1H').start).toBe('2026-11-23T13:00:00.000Z');
  });

  it('lists the previous windows oldest first, ending just before the current one', () => {
    const current = windowOf('2026-11-23T13:21:17Z', 'P1D');
    const previous = previousWindows(current, 'P1D', 3);
    expect(previous.map((window) => window.start)).toEqual(['2026-11-20T00:00:00.000Z', '2026-11-21T00:00:00.000Z', '2026-11-22T00:00:00.000Z']);
    expect(previous.at(-1)?.end).toBe(current.start);
  });

  it('refuses a zero-length window', () => {
    expect(() => windowOf('2026-11-23T13:21:17Z', 'PT0M')).toThrow(/longer than zero/);
  });
});
