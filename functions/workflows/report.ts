/**
 * The complaints report: figures over the complaints received in a period (core/patterns/report.ts
 * says how each is defined), for `npx complaints report` and for the monthly email to managers.
 *
 * Reading without a scan: one status-index query per status (gsi1pk STATUS#<status>, gsi1sk
 * between the period's bounds) and one for the pattern escalations (gsi1pk PATTERN). Everything
 * else is on the complaint records.
 *
 * The monthly email is sent through the outbox's exactly-once claim on a business key per month
 * (REPORTS, report:<yyyy-mm>): EventBridge delivering the schedule twice, or a retry after a
 * crash, sends it once (with the outbox's one documented duplicate window).
 */
import type { AppConfig } from '#config/app-config';
import { lastSecondOf, parseMonth, previousMonth, type MonthPeriod, type ReportPeriod } from '#core/patterns/period';
import { aggregateReport, barPercent, type CountRow, type ReportFigures, type Spread } from '#core/patterns/report';
import { isoDurationOf } from '#core/patterns/stats';
import { renderEmail, type RenderedEmail, type ReportContext } from '#templates/render';
import { brandContext } from './outbound.ts';
import type { Clock, ComplaintStore, Outbox, SendOutcome } from './ports.ts';

export interface ReportDeps {
  config: AppConfig;
  complaints: Pick<ComplaintStore, 'listReceivedBetween' | 'listPatterns'>;
  clock: Clock;
  /** Calendar months and dates are taken in this zone (the brand's, templates/brand.json). */
  timeZone: string;
}

export interface SendReportDeps extends ReportDeps {
  outbox: Outbox;
  log?: (message: string, fields: Record<string, string | number | boolean | undefined>) => void;
}

/** The outbox key the monthly reports are claimed under (not a complaint: no timeline, no threading). */
export const REPORTS_KEY = 'REPORTS';

export async function buildReport(period: ReportPeriod, deps: ReportDeps): Promise<ReportFigures> {
  if (!(period.from < period.to)) throw new Error(`the report period must end after it starts (from ${period.from}, to ${period.to})`);
  const [complaints, bursts] = await Promise.all([deps.complaints.listReceivedBetween(period), deps.complaints.listPatterns(period)]);
  return aggregateReport(complaints, period, deps.clock.now().toISOString(), bursts);
}

/** The report template's context: durations as ISO-8601, bars relative to each chart's largest row. */
export function reportContext(figures: ReportFigures, config: AppConfig): ReportContext {
  const { sla, times, satisfaction } = figures;
  const medianFirstResponse = isoOf(times.firstReply.medianMs);
  const medianResolution = isoOf(times.resolution.medianMs);
  const spreadOf = (spread: Spread) =>
    spread.count > 0 && spread.medianMs !== undefined && spread.p90Ms !== undefined ? { count: spread.count, median: isoDurationOf(spread.medianMs), p90: isoDurationOf(spread.p90Ms) } : undefined;
  const acknowledgement = spreadOf(times.acknowledgement);
  const firstReply = spreadOf(times.firstReply);
  const resolution = spreadOf(times.resolution);
  return {
    brand: brandContext(config),
    period: { from: figures.period.from, to: lastSecondOf(figures.period) },
    totals: figures.totals,
    sla: {
      // Nothing due yet is nothing missed.
      firstResponseMet: sla.firstResponse.metShare ?? 1,
      resolutionMet: sla.resolution.metShare ?? 1,
      ...(medianFirstResponse ? { medianFirstResponse } : {}),
      ...(medianResolution ? { medianResolution } : {}),
      breaches: { firstResponse: sla.firstResponse.breached, resolution: sla.resolution.breached },
    },
    categories: chart(figures.categories),
    languages: chart(figures.languages),
    severities: chart(figures.severities),
    times: { ...(acknowledgement ? { acknowledgement } : {}), ...(firstReply ? { firstReply } : {}), ...(resolution ? { resolution } : {}) },
    recurring: figures.recurring.map(({ name, count }) => ({ name, count })),
    repeats: { complaints: figures.repeats.complaints, rate: figures.repeats.rate, categories: chart(figures.repeats.categories) },
    bursts: figures.bursts.map(({ category, windowStart, count, threshold }) => ({ category, windowStart, count, threshold: Math.round(threshold * 100) / 100 })),
    agents: figures.agents.map(({ name, handled, medianFirstReplyMs }) => {
      const median = isoOf(medianFirstReplyMs);
      return { name, handled, ...(median ? { medianFirstResponse: median } : {}) };
    }),
    ...(satisfaction.responses > 0 && satisfaction.average !== undefined
      ? {
          satisfaction: {
            responses: satisfaction.responses,
            averageScore: Math.round(satisfaction.average * 100) / 100,
            distribution: chart(satisfaction.distribution.map((row) => ({ ...row, name: String(row.rating) }))).map(({ rating, count, share, bar }) => ({ rating, count, share, bar })),
          },
        }
      : {}),
  };
}

export function renderReport(figures: ReportFigures, deps: Pick<ReportDeps, 'config' | 'timeZone'>): RenderedEmail<'report'> {
  return renderEmail('report', reportContext(figures, deps.config), { locale: deps.config.defaultLocale, fallbackLocale: deps.config.defaultLocale, timeZone: deps.timeZone });
}

/**
 * The scheduled report: the calendar month before `at` (or `month`, "2026-11", when asked for),
 * computed and mailed to the managers once per month.
 */
export async function sendMonthlyReport(at: string, deps: SendReportDeps, month?: string): Promise<{ period: MonthPeriod; figures: ReportFigures; outcome: SendOutcome }> {
  const period = month ? parseMonth(month, deps.timeZone) : previousMonth(at, deps.timeZone);
  const figures = await buildReport(period, deps);
  const rendered = renderReport(figures, deps);
  const outcome = await deps.outbox.sendOnce(
    { reference: REPORTS_KEY, kind: `report:${period.month}`, sequence: 0, expiresAt: Math.floor(Date.parse(at) / 1000) + deps.config.retentionDays * 86_400 },
    {
      from: { name: deps.config.brand.name, address: deps.config.brand.fromAddress },
      to: [{ address: deps.config.managersAddress }],
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      references: [],
      automatic: true,
    },
  );
  deps.log?.('monthly report', { month: period.month, received: figures.totals.received, status: outcome.status, sesMessageId: outcome.sesMessageId });
  return { period, figures, outcome };
}

function chart<R extends CountRow>(rows: readonly R[]): Array<R & { bar: number }> {
  const largest = Math.max(0, ...rows.map((row) => row.count));
  return rows.map((row) => ({ ...row, bar: barPercent(row.count, largest) }));
}

function isoOf(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : isoDurationOf(ms);
}
