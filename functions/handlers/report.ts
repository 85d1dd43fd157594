import type { Context } from 'aws-lambda';
import { complaintAdapters } from '#adapters/wiring';
import { RUNTIME_ENV } from '#adapters/table-schema';
import { appConfigFromEnv } from '#config/app-config';
import { systemClock, type Clock, type SendOutcome } from '#workflows/ports';
import { sendMonthlyReport, type SendReportDeps } from '#workflows/report';
import { templateSettings } from '../../.build/templates/compiled.js';
import { logger } from './runtime.ts';

let deps: SendReportDeps | undefined;

/** Only what the report reads: the table, the app config (addresses, brand), SES. No queue, no bucket, no key. */
export function wireReport(clock: Clock = systemClock, env: NodeJS.ProcessEnv = process.env): SendReportDeps {
  const table = env[RUNTIME_ENV.tableName];
  if (!table) throw new Error(`Environment variable ${RUNTIME_ENV.tableName} is not set`);
  const config = appConfigFromEnv(env);
  return {
    config,
    ...complaintAdapters(table, config, clock),
    clock,
    timeZone: templateSettings.timeZone,
    log: (message, fields) => logger.info(message, fields),
  };
}

/** Set by tests that run the report on an injected clock or store. */
export function useDependencies(injected: SendReportDeps | undefined): void {
  deps = injected;
}

export interface ReportResult {
  month: string;
  from: string;
  to: string;
  received: number;
  status: SendOutcome['status'];
  /** Why the report was not sent (the managers' address is suppressed). */
  reason?: string;
}

/**
 * EventBridge's monthly schedule ({ "detail-type": "Scheduled Event", "time": … }): the report on
 * the calendar month before `time`, in the brand's time zone. Invoked by hand with
 * { "month": "2026-11" } it reports on that month (still at most one email per month).
 */
export async function handler(event: unknown, context?: Context): Promise<ReportResult> {
  if (context) logger.addContext(context);
  deps ??= wireReport();
  const { at, month } = reportRequest(event, deps.clock);
  const { period, figures, outcome } = await sendMonthlyReport(at, deps, month);
  return { month: period.month, from: period.from, to: period.to, received: figures.totals.received, status: outcome.status, ...(outcome.status === 'suppressed' || outcome.status === 'capped' ? { reason: outcome.reason } : {}) };
}

/** The fields the report uses, checked by hand (no schema library on this path). */
export function reportRequest(event: unknown, clock: Clock): { at: string; month?: string } {
  const fields = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  const month = fields.month;
  if (month !== undefined && (typeof month !== 'string' || !/^\d{4}-(?:0[1-9]|1[0-2])$/.test(month))) {
    throw new Error(`"month" must look like 2026-11, not ${JSON.stringify(month)}`);
  }
  const time = typeof fields.time === 'string' && !Number.isNaN(Date.parse(fields.time)) ? new Date(Date.parse(fields.time)).toISOString() : clock.now().toISOString();
  return { at: time, ...(month ? { month } : {}) };
}
