/**
 * The figures of a complaints report, from the complaints received in a period. Pure: the
 * workflow reads the complaints (one index query per status) and the pattern escalations, this
 * module counts.
 *
 * Definitions (all over complaints received in [from, to), judged at `asOf`):
 *   time to acknowledgement  acknowledgement.sentAt − receivedAt
 *   time to first reply      firstAgentReplyAt − receivedAt
 *   time to resolution       resolution.resolvedAt − receivedAt, for complaints not open now
 *   first response in time   answered (an agent replied, or it was resolved, even if reopened since)
 *                            by sla.firstResponseDue;
 *                            breached when answered later, or still unanswered after the due time;
 *                            unanswered and not yet due: pending, in neither count
 *   resolved in time         the same against sla.resolutionDue
 *   overdue                  open now and past sla.resolutionDue
 *   repeat                   flagged on arrival: same customer, same category within patterns.repeatWindow
 *   recurring issues         subjects that came back (normalised: no Re:/Fwd:, references, numbers, case)
 *   agents                   who resolved (resolution.resolvedBy), with the median time to first reply
 */
import { SEVERITIES, type Severity } from '../complaint.ts';
import { isRepeat, type FlaggedComplaint } from './repeat.ts';
import type { ReportPeriod } from './period.ts';
import { mean, median, p90 } from './stats.ts';

export interface CountRow {
  name: string;
  count: number;
  /** count / total of the list's population, 0..1. */
  share: number;
}

export interface Spread {
  /** How many complaints the figure is over. */
  count: number;
  medianMs?: number;
  p90Ms?: number;
}

export interface SlaFigure {
  met: number;
  breached: number;
  /** Not answered (resolved) yet, and not due yet. */
  pending: number;
  /** met / (met + breached); undefined when nothing was due yet. */
  metShare?: number;
}

/** A burst that was escalated (see workflows/patterns.ts). */
export interface PatternRecord {
  category: string;
  windowStart: string;
  windowEnd: string;
  count: number;
  baseline: number;
  threshold: number;
  /** The complaint that tipped the count over the threshold. */
  reference: string;
}

export interface ReportFigures {
  period: ReportPeriod;
  asOf: string;
  totals: { received: number; open: number; resolved: number; overdue: number };
  categories: CountRow[];
  languages: CountRow[];
  severities: Array<CountRow & { name: Severity }>;
  times: { acknowledgement: Spread; firstReply: Spread; resolution: Spread };
  sla: { firstResponse: SlaFigure; resolution: SlaFigure };
  satisfaction: { responses: number; average?: number; distribution: Array<{ rating: number; count: number; share: number }> };
  repeats: { complaints: number; rate: number; categories: CountRow[] };
  recurring: CountRow[];
  bursts: PatternRecord[];
  agents: Array<{ name: string; handled: number; medianFirstReplyMs?: number }>;
}

export const TOP_RECURRING = 5;

/** The fields of a complaint the report reads (the store projects these, leaving out bodies). */
export const REPORT_FIELDS = ['reference', 'status', 'receivedAt', 'subject', 'classification', 'sla', 'acknowledgement', 'firstAgentReplyAt', 'resolution', 'feedback', 'repeat'] as const;
export type ReportComplaint = Pick<FlaggedComplaint, (typeof REPORT_FIELDS)[number]>;

export function aggregateReport(complaints: readonly ReportComplaint[], period: ReportPeriod, asOf: string, bursts: readonly PatternRecord[] = []): ReportFigures {
  const inPeriod = complaints.filter((complaint) => complaint.receivedAt >= period.from && complaint.receivedAt < period.to);
  const received = inPeriod.length;
  const now = Date.parse(asOf);
  const isOpen = (complaint: ReportComplaint) => complaint.status === 'open';
  const resolvedAt = (complaint: ReportComplaint) => (isOpen(complaint) ? undefined : complaint.resolution?.resolvedAt);
  const since = (complaint: ReportComplaint, at: string | undefined) => (at === undefined ? undefined : Date.parse(at) - Date.parse(complaint.receivedAt));

  const ratings = inPeriod.flatMap((complaint) => (complaint.feedback ? [complaint.feedback.rating] : []));
  const repeats = inPeriod.filter((complaint) => isRepeat(complaint.repeat));

  return {
    period: { ...period },
    asOf,
    totals: {
      received,
      open: inPeriod.filter(isOpen).length,
      resolved: inPeriod.filter((complaint) => !isOpen(complaint)).length,
      overdue: inPeriod.filter((complaint) => isOpen(complaint) && Date.parse(complaint.sla.resolutionDue) < now).length,
    },
    categories: countBy(inPeriod.map((complaint) => complaint.classification.category), received),
    languages: countBy(inPeriod.map((complaint) => complaint.classification.language), received),
    severities: [...SEVERITIES].reverse().map((severity) => {
      const count = inPeriod.filter((complaint) => complaint.classification.severity === severity).length;
      return { name: severity, count, share: shareOf(count, received) };
    }),
    times: {
      acknowledgement: spread(inPeriod.map((complaint) => since(complaint, complaint.acknowledgement?.sentAt))),
      firstReply: spread(inPeriod.map((complaint) => since(complaint, complaint.firstAgentReplyAt))),
      resolution: spread(inPeriod.map((complaint) => since(complaint, resolvedAt(complaint)))),
    },
    sla: {
      // A resolution answers the customer too, even if the complaint was reopened since.
      firstResponse: slaFigure(inPeriod.map((complaint) => ({ done: earliest(complaint.firstAgentReplyAt, complaint.resolution?.resolvedAt), due: complaint.sla.firstResponseDue })), now),
      resolution: slaFigure(inPeriod.map((complaint) => ({ done: resolvedAt(complaint), due: complaint.sla.resolutionDue })), now),
    },
    satisfaction: {
      responses: ratings.length,
      ...(ratings.length > 0 ? { average: mean(ratings) } : {}),
      distribution: [5, 4, 3, 2, 1].map((rating) => {
        const count = ratings.filter((given) => given === rating).length;
        return { rating, count, share: shareOf(count, ratings.length) };
      }),
    },
    repeats: {
      complaints: repeats.length,
      rate: shareOf(repeats.length, received),
      categories: countBy(repeats.map((complaint) => complaint.classification.category), repeats.length),
    },
    recurring: recurringSubjects(inPeriod),
    bursts: bursts.filter((burst) => burst.windowStart < period.to && burst.windowEnd > period.from).sort((a, b) => a.windowStart.localeCompare(b.windowStart) || a.category.localeCompare(b.category)),
    agents: agentsOf(inPeriod),
  };
}

/** Subject lines as people retype them: no reply prefixes, references, numbers, punctuation or case. */
export function normaliseSubject(subject: string): string {
  let text = subject.toLowerCase().trim();
  let previous: string;
  do {
    previous = text;
    text = text.replace(/^(?:re|fw|fwd|sv|vs|vb|aw|wg|tr|vl)\s*(?:\[\d+\])?\s*:\s*/u, '').trim();
  } while (text !== previous);
  return text
    .replace(/\[?cmp-[0-9a-z]{6}\]?/gu, ' ')
    .replace(/\p{N}+/gu, ' ')
    .replace(/[^\p{L}\s]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function recurringSubjects(complaints: readonly ReportComplaint[]): CountRow[] {
  const groups = new Map<string, { name: string; count: number; first: string }>();
  for (const complaint of complaints) {
    const key = normaliseSubject(complaint.subject);
    if (!key || key === 'no subject') continue;
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      if (complaint.receivedAt < group.first) Object.assign(group, { first: complaint.receivedAt, name: complaint.subject.trim() });
    } else {
      groups.set(key, { name: complaint.subject.trim(), count: 1, first: complaint.receivedAt });
    }
  }
  return [...groups.values()]
    .filter((group) => group.count > 1)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, TOP_RECURRING)
    .map((group) => ({ name: group.name, count: group.count, share: shareOf(group.count, complaints.length) }));
}

function agentsOf(complaints: readonly ReportComplaint[]): ReportFigures['agents'] {
  const byAgent = new Map<string, ReportComplaint[]>();
  for (const complaint of complaints) {
    if (complaint.status === 'open' || !complaint.resolution) continue;
    const name = complaint.resolution.resolvedBy;
    byAgent.set(name, [...(byAgent.get(name) ?? []), complaint]);
  }
  return [...byAgent.entries()]
    .map(([name, handled]) => {
      const firstReplies = handled.flatMap((complaint) => (complaint.firstAgentReplyAt ? [Date.parse(complaint.firstAgentReplyAt) - Date.parse(complaint.receivedAt)] : []));
      const exact = median(firstReplies);
      const medianFirstReplyMs = exact === undefined ? undefined : Math.round(exact);
      return { name, handled: handled.length, ...(medianFirstReplyMs === undefined ? {} : { medianFirstReplyMs }) };
    })
    .sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name));
}

function countBy(names: readonly string[], total: number): CountRow[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts.entries()]
    .map(([name, count]) => ({ name, count, share: shareOf(count, total) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function spread(durations: ReadonlyArray<number | undefined>): Spread {
  const values = durations.filter((value): value is number => value !== undefined && Number.isFinite(value)).map((value) => Math.max(0, value));
  // Whole milliseconds: interpolation leaves float noise (29519999.999999996) nobody wants to see.
  const whole = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms));
  const medianMs = whole(median(values));
  const p90Ms = whole(p90(values));
  return { count: values.length, ...(medianMs === undefined ? {} : { medianMs }), ...(p90Ms === undefined ? {} : { p90Ms }) };
}

function slaFigure(items: ReadonlyArray<{ done: string | undefined; due: string }>, now: number): SlaFigure {
  let met = 0;
  let breached = 0;
  let pending = 0;
  for (const { done, due } of items) {
    const dueAt = Date.parse(due);
    if (done !== undefined) {
      if (Date.parse(done) <= dueAt) met += 1;
      else breached += 1;
    } else if (now > dueAt) breached += 1;
    else pending += 1;
  }
  return { met, breached, pending, ...(met + breached > 0 ? { metShare: met / (met + breached) } : {}) };
}

function earliest(...times: Array<string | undefined>): string | undefined {
  const present = times.filter((time): time is string => time !== undefined);
  return present.length === 0 ? undefined : present.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}

function shareOf(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

/** Bar lengths relative to the longest row (0..100, at least 1 for a non-zero count). */
export function barPercent(count: number, largest: number): number {
  if (count <= 0 || largest <= 0) return 0;
  return Math.max(1, Math.round((count / largest) * 100));
}
