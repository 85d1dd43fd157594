import { describe, expect, it } from 'vitest';
import { lastSecondOf, monthPeriod, parseMonth, parsePeriodBound, previousMonth, zonedMidnight } from '#core/patterns/period';

describe('report periods in a time zone', () => {
  it('finds local midnight on both sides of a DST change', () => {
    expect(zonedMidnight(2026, 11, 1, 'Europe/Copenhagen')).toBe('2026-10-31T23:00:00.000Z');
    expect(zonedMidnight(2026, 7, 1, 'Europe/Copenhagen')).toBe('2026-06-30T22:00:00.000Z');
    expect(zonedMidnight(2026, 3, 29, 'Europe/Copenhagen')).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedMidnight(2026, 11, 1, 'UTC')).toBe('2026-11-01T00:00:00.000Z');
    expect(zonedMidnight(2026, 11, 1, 'America/New_York')).toBe('2026-11-01T04:00:00.000Z');
  });

  it('covers whole calendar months, December into January', () => {
    expect(monthPeriod(2026, 11, 'Europe/Copenhagen')).toEqual({ month: '2026-11', from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z' });
    expect(monthPeriod(2026, 12, 'UTC')).toEqual({ month: '2026-12', from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(parseMonth('2026-02', 'UTC').to).toBe('2026-03-01T00:00:00.000Z');
    expect(() => parseMonth('2026-13', 'UTC')).toThrow(/not a month/);
  });

  it('reports on the month before the one the schedule fires in, by the local calendar', () => {
    // 06:00 UTC on 1 December: 07:00 in Copenhagen, so November is complete.
    expect(previousMonth('2026-12-01T06:00:00Z', 'Europe/Copenhagen').month).toBe('2026-11');
    expect(previousMonth('2027-01-01T06:00:00Z', 'Europe/Copenhagen')).toMatchObject({ month: '2026-12', to: '2026-12-31T23:00:00.000Z' });
    // 23:30 UTC on 30 November is already 1 December in Copenhagen.
    expect(previousMonth('2026-11-30T23:30:00Z', 'Europe/Copenhagen').month).toBe('2026-11');
  });

  it('reads what an operator types: dates at local midnight, times with their zone', () => {
    expect(parsePeriodBound('2026-11-01', 'Europe/Copenhagen')).toBe('2026-10-31T23:00:00.000Z');
    expect(parsePeriodBound('2026-11-01T08:00:00Z', 'Europe/Copenhagen')).toBe('2026-11-01T08:00:00.000Z');
    expect(parsePeriodBound('2026-11-01T09:00+01:00', 'UTC')).toBe('2026-11-01T08:00:00.000Z');
    expect(() => parsePeriodBound('2026-02-30', 'UTC')).toThrow(/not a calendar date/);
    expect(() => parsePeriodBound('2026-11-01T08:00', 'UTC')).toThrow(/with a zone/);
    expect(() => parsePeriodBound('yesterday', 'UTC')).toThrow();
  });

  it('shows a half-open period by its last second', () => {
    expect(lastSecondOf({ from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z' })).toBe('2026-11-30T22:59:59.000Z');
  });
});
