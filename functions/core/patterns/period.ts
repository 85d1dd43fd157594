/**
 * Report periods: half-open [from, to) intervals of UTC instants. Calendar days and months are
 * taken in a time zone (the brand's, by default), so "November" for a Danish company starts at
 * midnight in Copenhagen, not in Greenwich.
 */

export interface ReportPeriod {
  /** Inclusive, ISO-8601 UTC. */
  from: string;
  /** Exclusive, ISO-8601 UTC. */
  to: string;
}

export interface MonthPeriod extends ReportPeriod {
  /** "2026-11": the business key of the monthly report. */
  month: string;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
/** A time with an explicit zone (Z or ±hh:mm): anything else would be read in the machine's zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at `time` (ms; negative west of Greenwich). */
export function zoneOffsetMs(time: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    offsetFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(time).map((part) => [part.type, part.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(time / 1000) * 1000;
}

/** The UTC instant of 00:00 on year-month-day in `timeZone` (month 1–12; day may overflow, as Date.UTC allows). */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): string {
  const wall = Date.UTC(year, month - 1, day);
  let instant = wall - zoneOffsetMs(wall, timeZone);
  // The offset at the guess may differ from the offset at the answer (a DST change that day).
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

export function monthPeriod(year: number, month: number, timeZone: string): MonthPeriod {
  return {
    month: `${year}-${String(month).padStart(2, '0')}`,
    from: zonedMidnight(year, month, 1, timeZone),
    to: zonedMidnight(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1, timeZone),
  };
}

/** The calendar month before the one `at` falls in (in `timeZone`): what the monthly report covers. */
export function previousMonth(at: string, timeZone: string): MonthPeriod {
  const time = Date.parse(at);
  if (Number.isNaN(time)) throw new Error(`previousMonth: "${at}" is not a time`);
  const local = new Date(time + zoneOffsetMs(time, timeZone));
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  return month === 1 ? monthPeriod(year - 1, 12, timeZone) : monthPeriod(year, month - 1, timeZone);
}

/** "2026-11" → that month in `timeZone`. */
export function parseMonth(value: string, timeZone: string): MonthPeriod {
  const match = MONTH.exec(value);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new Error(`"${value}" is not a month such as 2026-11`);
  return monthPeriod(Number(match[1]), month, timeZone);
}

/**
 * A period bound as an operator types it: a date (2026-11-01, midnight in `timeZone`) or a date
 * and time with its zone (2026-11-01T08:00:00Z, 2026-11-01T09:00+01:00).
 */
export function parsePeriodBound(value: string, timeZone: string): string {
  const date = DATE_ONLY.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw new Error(`"${value}" is not a calendar date`);
    return zonedMidnight(year, month, day, timeZone);
  }
  if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return new Date(Date.parse(value)).toISOString();
  throw new Error(`"${value}" is neither a date (2026-11-01) nor a date and time with a zone (2026-11-01T08:00:00Z)`);
}

/** The last instant inside the period, to show "1 November – 30 November" for [1 Nov, 1 Dec). */
export function lastSecondOf(period: ReportPeriod): string {
  return new Date(Math.max(Date.parse(period.from), Date.parse(period.to) - 1000)).toISOString();
}
