import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDurationOf, mean, median, p90, percentile, shortDuration } from '#core/patterns/stats';

describe('median and p90', () => {
  it('are undefined without values', () => {
    expect(median([])).toBeUndefined();
    expect(p90([])).toBeUndefined();
    expect(mean([])).toBeUndefined();
  });

  it('take the middle value, or the mean of the middle two', () => {
    expect(median([7])).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolate p90 between the nearest ranks (PERCENTILE.INC)', () => {
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(9.1);
    expect(p90([10, 20])).toBe(19);
    expect(p90([5])).toBe(5);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([1, 2, 3], 1)).toBe(3);
  });

  it('does not depend on the order of the values and stays between min and max', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const value = percentile(values, p)!;
        expect(value).toBe(percentile([...values].reverse(), p));
        expect(value).toBeGreaterThanOrEqual(Math.min(...values));
        expect(value).toBeLessThanOrEqual(Math.max(...values));
        expect(median(values)!).toBeLessThanOrEqual(p90(values)!);
      }),
    );
  });

  it('rejects a p outside 0..1', () => {
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe('durations', () => {
  it('writes milliseconds as ISO-8601 durations the templates format', () => {
    expect(isoDurationOf(0)).toBe('PT0S');
    expect(isoDurationOf(-5)).toBe('PT0S');
    expect(isoDurationOf(93_784_000)).toBe('P1DT2H3M4S');
    expect(isoDurationOf(2 * 86_400_000)).toBe('P2D');
    expect(isoDurationOf(12_000_400)).toBe('PT3H20M');
    expect(isoDurationOf(1_499)).toBe('PT1S');
  });

  it('writes short durations for the terminal', () => {
    expect(shortDuration(0)).toBe('0s');
    expect(shortDuration(93_784_000)).toBe('1d 2h');
    expect(shortDuration(12_000_000)).toBe('3h 20m');
    expect(shortDuration(86_400_000 + 60_000)).toBe('1d');
    expect(shortDuration(45_000)).toBe('45s');
  });
});
