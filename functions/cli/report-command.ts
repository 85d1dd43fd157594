import { Command } from 'commander';
import { complaintAdapters } from '#adapters/wiring';
import { RUNTIME_ENV } from '#adapters/table-schema';
import { appConfigFromEnv } from '#config/app-config';
import { parseMonth, parsePeriodBound, previousMonth, type ReportPeriod } from '#core/patterns/period';
import type { CountRow, ReportFigures, SlaFigure, Spread } from '#core/patterns/report';
import { shortDuration } from '#core/patterns/stats';
import { systemClock } from '#workflows/ports';
import { buildReport, sendMonthlyReport, type SendReportDeps } from '#workflows/report';
import { templateSettings } from '../../.build/templates/compiled.js';
import { CliError, loadConnectionEnv } from './connection.ts';

interface ReportOptions {
  from?: string;
  to?: string;
  month?: string;
  tz: string;
  json?: boolean;
  send?: boolean;
}

export function reportCommand(): Command {
  return new Command('report')
    .description('Report on the complaints received in a period: volumes, response times, SLA, CSAT, repeats, recurring issues.')
    .option('--from <date>', 'start, inclusive: 2026-11-01 (midnight in --tz) or 2026-11-01T08:00:00Z')
    .option('--to <date>', 'end, exclusive: 2026-12-01 (midnight in --tz) or a time with its zone; default now')
    .option('--month <yyyy-mm>', 'a whole calendar month instead of --from/--to (default: last month)')
    .option('--tz <zone>', 'time zone of dates and months', templateSettings.timeZone)
    .option('--json', 'print the figures as JSON (durations in milliseconds) for scripts')
    .option('--send', "also e-mail the month's report to the managers (once per month, like the schedule)")
    .action(async (options: ReportOptions) => {
      checkZone(options.tz);
      const period = periodOf(options);
      loadConnectionEnv();
      const table = process.env[RUNTIME_ENV.tableName];
      if (!table) throw new CliError(`${RUNTIME_ENV.tableName} is not set (on AWS take it from the stack outputs; locally run \`npm start\`)`);
      const config = appConfigFromEnv();
      const deps: SendReportDeps = {
        config,
        ...complaintAdapters(table, config, systemClock),
        clock: systemClock,
        timeZone: options.tz,
      };
      let figures: ReportFigures;
      let sent: string | undefined;
      if (options.send) {
        if (!('month' in period)) throw new CliError('--send mails a whole month: use --month (or neither --from nor --to for last month)');
        const result = await sendMonthlyReport(systemClock.now().toISOString(), deps, period.month);
        figures = result.figures;
        sent = result.outcome.status === 'sent' ? `The ${period.month} report was sent to ${config.managersAddress}.` : `The ${period.month} report had already been sent to ${config.managersAddress}; nothing was sent now.`;
      } else {
        figures = await buildReport(period, deps);
      }
      if (options.json) console.log(JSON.stringify({ ...figures, timeZone: options.tz }, null, 2));
      else console.log(formatReport(figures, options.tz));
      if (sent) console.error(sent);
    });
}

function periodOf(options: ReportOptions): ReportPeriod | (ReportPeriod & { month: string }) {
  const fail = (error: unknown): never => {
    throw new CliError(error instanceof Error ? error.message : String(error));
  };
  if (options.month !== undefined) {
    if (options.from !== undefined || options.to !== undefined) throw new CliError('use either --month or --from/--to, not both');
    try {
      return parseMonth(options.month, options.tz);
    } catch (error) {
      return fail(error);
    }
  }
  if (options.from === undefined) {
    if (options.to !== undefined) throw new CliError('--to needs --from');
    return previousMonth(systemClock.now().toISOString(), options.tz);
  }
  try {
    const from = parsePeriodBound(options.from, options.tz);
    const to = options.to === undefined ? systemClock.now().toISOString() : parsePeriodBound(options.to, options.tz);
    if (!(from < to)) throw new Error(`--to (${to}) must be after --from (${from})`);
    return { from, to };
  } catch (error) {
    return fail(error);
  }
}

function checkZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new CliError(`--tz: "${zone}" is not a time zone (e.g. Europe/Copenhagen, UTC)`);
  }
}

// ---- Text output ---------------------------------------------------------------------------------

const BAR_WIDTH = 28;

/** The report as a terminal reads it: aligned columns, bars of █. */
export function formatReport(figures: ReportFigures, timeZone: string): string {
  const lines: string[] = [];
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const lastDay = day.format(Math.max(Date.parse(figures.period.from), Date.parse(figures.period.to) - 1));
  const { totals, sla, times, satisfaction, repeats } = figures;

  lines.push(`Complaints report ${day.format(Date.parse(figures.period.from))} – ${lastDay} (${timeZone})`);
  lines.push(`  [${figures.period.from}, ${figures.period.to}), figures as of ${figures.asOf}`);
  section(lines, 'Totals');
  lines.push(
    ...table([
      ['Received', String(totals.received)],
      ['Resolved', String(totals.resolved)],
      ['Still open', String(totals.open)],
      ['Open past resolution due', String(totals.overdue)],
      ['Repeat complaints', `${repeats.complaints} (${percent(repeats.rate)})`],
    ]),
  );

  section(lines, 'SLA');
  lines.push(
    ...table(
      [
        ['', 'met', 'breached', 'not due yet', 'on time'],
        ['First response', ...slaCells(sla.firstResponse)],
        ['Resolution', ...slaCells(sla.resolution)],
      ],
      [false, true, true, true, true],
    ),
  );

  section(lines, 'Time from receipt to');
  lines.push(
    ...table(
      [
        ['', 'median', 'p90', 'complaints'],
        ['acknowledgement', ...spreadCells(times.acknowledgement)],
        ['first agent reply', ...spreadCells(times.firstReply)],
        ['resolution', ...spreadCells(times.resolution)],
      ],
      [false, true, true, true],
    ),
  );

  chartSection(lines, 'By category', figures.categories, 'No complaints in this period.');
  chartSection(lines, 'By language', figures.languages);
  chartSection(lines, 'By severity', figures.severities);
  chartSection(lines, 'Repeat complaints by category', repeats.categories, 'No repeat complaints.');

  section(lines, 'Top recurring issues');
  if (figures.recurring.length === 0) lines.push('  No subject came back more than once.');
  else lines.push(...table(figures.recurring.map((row) => [String(row.count), row.name]), [true, false]));

  section(lines, 'Bursts (escalated once each)');
  if (figures.bursts.length === 0) lines.push('  None.');
  else {
    lines.push(
      ...table(
        // Counting windows are aligned in UTC (core/patterns/window.ts), so they are shown in UTC.
        figures.bursts.map((burst) => [burst.category, `${utcMinute(burst.windowStart)} – ${utcMinute(burst.windowEnd)} UTC`, `${burst.count} complaints`, `threshold ${round(burst.threshold)}`, burst.reference]),
        [false, false, true, false, false],
      ),
    );
  }

  section(lines, 'Agents (resolved)');
  if (figures.agents.length === 0) lines.push('  Nobody resolved a complaint from this period yet.');
  else {
    lines.push(
      ...table(
        [['', 'resolved', 'median first reply'], ...figures.agents.map((agent) => [agent.name, String(agent.handled), agent.medianFirstReplyMs === undefined ? '–' : shortDuration(agent.medianFirstReplyMs)])],
        [false, true, true],
      ),
    );
  }

  section(lines, 'Customer satisfaction (CSAT)');
  if (satisfaction.responses === 0 || satisfaction.average === undefined) lines.push('  No ratings yet.');
  else {
    lines.push(`  Average ${round(satisfaction.average)} of 5 from ${satisfaction.responses} rating${satisfaction.responses === 1 ? '' : 's'}`);
    lines.push(...chartLines(satisfaction.distribution.map((row) => ({ name: `${row.rating} of 5`, count: row.count, share: row.share }))));
  }
  return lines.join('\n');
}

function section(lines: string[], title: string): void {
  lines.push('', title);
}

function chartSection(lines: string[], title: string, rows: readonly CountRow[], empty = 'None.'): void {
  section(lines, title);
  if (rows.length === 0) lines.push(`  ${empty}`);
  else lines.push(...chartLines(rows));
}

function chartLines(rows: readonly CountRow[]): string[] {
  const largest = Math.max(0, ...rows.map((row) => row.count));
  return table(
    rows.map((row) => {
      const length = largest === 0 ? 0 : Math.round((row.count / largest) * BAR_WIDTH);
      return [row.name, String(row.count), percent(row.share), '█'.repeat(row.count > 0 ? Math.max(1, length) : 0)];
    }),
    [false, true, true, false],
  );
}

function slaCells(figure: SlaFigure): string[] {
  return [String(figure.met), String(figure.breached), String(figure.pending), figure.metShare === undefined ? '–' : percent(figure.metShare)];
}

function spreadCells(spread: Spread): string[] {
  const show = (ms: number | undefined) => (ms === undefined ? '–' : shortDuration(ms));
  return [show(spread.medianMs), show(spread.p90Ms), String(spread.count)];
}

/** Rows of cells, columns padded to their widest cell; `right[i]` right-aligns column i. */
function table(rows: string[][], right: boolean[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  return rows.map((row) => `  ${row.map((cell, column) => (right[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ')}`.trimEnd());
}

function utcMinute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
