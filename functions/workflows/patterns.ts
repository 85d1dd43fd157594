/**
 * What a new complaint says about the ones before it, run once it is stored:
 *
 * 1. Repeat: the customer's earlier complaints within `patterns.repeatWindow`, read through the
 *    per-customer index (one Query; none when the intake's read of the customer's latest
 *    complaints already covers the window), stored on the complaint as `repeat` (first write wins, so a
 *    redelivery cannot change it) with a timeline event when one of them was about the same
 *    category. The agents' notification shows it.
 * 2. Burst: the complaint is counted in its category's window (`patterns.window`) with one
 *    conditional atomic update that adds 1 and the reference to the set of counted references
 *    only if the reference is not in it yet: a redelivered or concurrent duplicate never counts
 *    twice, and a crash cannot separate the mark from the increment. Only when the count exceeds
 *    `patterns.minimum` is the baseline read (one Query over the previous windows' counters).
 *    On a burst, the (category, window) is claimed with a conditional put naming this
 *    complaint; only the claim's holder escalates, through the outbox's exactly-once key
 *    (this complaint, "pattern:<category>:<window start>"). A retry of the holder finds its own
 *    claim and completes the send; every other complaint in the burst finds it taken.
 *
 * Nothing here scans the table. Cost and limits: the counted set grows by about 13 bytes per
 * complaint in the window (an item holds 400 KB, about 30,000 complaints per category per
 * window), and an update is billed on the item's size (1 write unit per KB).
 */
import { durationToMs } from '#core/duration';
import { decideBurst, mayBeBurst } from '#core/patterns/burst';
import { detectRepeat, isRepeat, repeatSubject, type FlaggedComplaint, type RepeatInfo } from '#core/patterns/repeat';
import type { PatternRecord } from '#core/patterns/report';
import { previousWindows, windowOf } from '#core/patterns/window';
import { renderEmail } from '#templates/render';
import { brandContext, sendInternal, type OutboundDeps } from './outbound.ts';
import type { Clock } from './ports.ts';
import { internalComplaint } from './run-job.ts';

export interface PatternDeps extends OutboundDeps {
  clock: Clock;
  log?: (message: string, fields: Record<string, string | number | boolean | undefined>) => void;
}

export interface PatternOutcome {
  complaint: FlaggedComplaint;
  /** The window's count after this complaint, and whether this call escalated a burst. */
  count: number;
  escalated: boolean;
}

/**
 * The customer's latest complaints, newest first, as the intake already read them (one Query on
 * the per-customer index, `limit` items): repeat detection reuses them instead of querying again
 * when they reach back past the repeat window or are all the customer has.
 */
export interface CustomerHistory {
  newestFirst: ReadonlyArray<Pick<FlaggedComplaint, 'reference' | 'receivedAt' | 'classification'>>;
  limit: number;
}

/** Flags a repeat and counts the complaint (escalating a burst once). Idempotent. */
export async function detectPatterns(complaint: FlaggedComplaint, deps: PatternDeps, expiresAt: number, history?: CustomerHistory): Promise<PatternOutcome> {
  const repeat = await flagRepeat(complaint, deps, expiresAt, history);
  const flagged: FlaggedComplaint = repeat ? { ...complaint, repeat } : complaint;
  const { count, escalated } = await countAndEscalate(flagged, deps, expiresAt);
  return { complaint: flagged, count, escalated };
}

export async function flagRepeat(complaint: FlaggedComplaint, deps: PatternDeps, expiresAt: number, history?: CustomerHistory): Promise<RepeatInfo | undefined> {
  if (complaint.repeat) return complaint.repeat;
  const window = deps.config.patterns.repeatWindow;
  const since = new Date(Date.parse(complaint.receivedAt) - durationToMs(window)).toISOString();
  const coversWindow = history && (history.newestFirst.length < history.limit || history.newestFirst.some((other) => other.receivedAt < since));
  const earlier = coversWindow ? history.newestFirst : await deps.complaints.customerComplaintsBetween(complaint.customer.email, since, complaint.receivedAt);
  const detected = detectRepeat(repeatSubject(complaint), earlier.map(repeatSubject), window);
  if (!detected) return undefined;
  const stored = await deps.complaints.recordRepeat(complaint.reference, detected);
  if (isRepeat(stored)) {
    await deps.complaints.addEvent(
      complaint.reference,
      {
        at: complaint.receivedAt,
        type: 'repeat',
        actor: 'system',
        summary: `Repeat complaint: ${stored.sameCategory} earlier about ${complaint.classification.category} (${stored.sameCategoryReferences.join(', ')}), ${stored.previous} in all within ${stored.window}`,
        details: { previous: stored.previous, sameCategory: stored.sameCategory, window: stored.window },
      },
      expiresAt,
    );
  }
  return stored;
}

async function countAndEscalate(complaint: FlaggedComplaint, deps: PatternDeps, expiresAt: number): Promise<{ count: number; escalated: boolean }> {
  const settings = deps.config.patterns;
  const category = complaint.classification.category;
  const window = windowOf(complaint.receivedAt, settings.window);
  // A counter is needed while it can still be part of a baseline; TTL removes it after that.
  const counterExpiresAt = Math.floor((Date.parse(window.end) + (settings.baselineWindows + 1) * durationToMs(settings.window)) / 1000) + 86_400;
  const { count } = await deps.complaints.countInWindow({ category, windowStart: window.start, reference: complaint.reference, expiresAt: counterExpiresAt });
  if (!mayBeBurst(count, settings)) return { count, escalated: false };

  const previous = previousWindows(window, settings.window, settings.baselineWindows);
  const counts = await deps.complaints.windowCounts(category, previous[0]!.start, previous.at(-1)!.start);
  const decision = decideBurst(
    count,
    counts.map((entry) => entry.count),
    settings,
  );
  if (!decision.burst) return { count, escalated: false };

  const record: PatternRecord = {
    category,
    windowStart: window.start,
    windowEnd: window.end,
    count,
    baseline: decision.baseline,
    threshold: decision.threshold,
    reference: complaint.reference,
  };
  const claim = await deps.complaints.claimPattern(record, deps.clock.now().toISOString(), expiresAt);
  if (claim === 'taken') return { count, escalated: false };

  const rendered = renderEmail(
    'escalation',
    {
      brand: brandContext(deps.config),
      reason: 'recurring',
      complaint: internalComplaint(complaint),
      customer: { name: complaint.customer.name, email: complaint.customer.email, previousComplaints: complaint.repeat?.previous ?? 0 },
      sla: complaint.sla,
      pattern: {
        category,
        count,
        baseline: round(decision.baseline),
        threshold: round(decision.threshold),
        window: settings.window,
        windowStart: window.start,
        windowEnd: window.end,
        baselineWindows: settings.baselineWindows,
      },
    },
    { locale: deps.config.defaultLocale, fallbackLocale: deps.config.defaultLocale },
  );
  const outcome = await sendInternal(complaint, { kind: `pattern:${category}:${window.start}`, sequence: 0 }, deps.config.managersAddress, rendered, deps, expiresAt);
  await deps.complaints.addEvent(
    complaint.reference,
    {
      at: complaint.receivedAt,
      type: 'pattern-escalated',
      actor: 'system',
      // No count in the summary: it keys the event, and a retry may see a higher count.
      summary: `Burst in ${category} in the ${settings.window} window from ${window.start}: escalated to management`,
      details: { category, windowStart: window.start, count, threshold: decision.threshold, baseline: decision.baseline },
    },
    expiresAt,
  );
  deps.log?.('category burst escalated', { reference: complaint.reference, category, windowStart: window.start, count, threshold: decision.threshold, sent: outcome.status === 'sent' });
  return { count, escalated: outcome.status === 'sent' };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
