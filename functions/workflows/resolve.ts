import type { AppConfig } from '#config/app-config';
import type { Complaint, Resolution } from '#core/complaint';
import { addDuration } from '#core/duration';
import { renderEmail } from '#templates/render';
import { brandContext, expiresAtFor, sendToCustomer } from './outbound.ts';
import type { Clock, ComplaintStore, Outbox, Scheduler } from './ports.ts';

export interface ResolveDeps {
  config: AppConfig;
  complaints: ComplaintStore;
  outbox: Outbox;
  scheduler: Scheduler;
  clock: Clock;
}

export interface ResolveRequest {
  reference: string;
  summary: string;
  prevention?: string;
  resolvedBy: { name: string; title: string };
}

export type ResolveOutcome = { outcome: 'resolved'; complaint: Complaint } | { outcome: 'not-found' } | { outcome: 'not-open'; status: string };

/**
 * Closes a complaint with the agreed resolution: the status moves open → resolved exactly once,
 * the resolution letter goes to the customer, and the feedback request is scheduled.
 */
export async function resolveComplaint(request: ResolveRequest, deps: ResolveDeps): Promise<ResolveOutcome> {
  const existing = await deps.complaints.getComplaint(request.reference);
  if (!existing) return { outcome: 'not-found' };
  const resolvedAt = deps.clock.now().toISOString();
  const resolution: Resolution = { resolvedAt, resolvedBy: request.resolvedBy.name, summary: request.summary.trim(), prevention: request.prevention?.trim() || undefined };
  const result = await deps.complaints.resolveComplaint(request.reference, resolution);
  if (result === 'not-open') return { outcome: 'not-open', status: existing.status };

  const complaint: Complaint = { ...existing, status: 'resolved', resolution };
  const expiresAt = expiresAtFor(complaint, deps.config);
  await deps.complaints.addEvent(
    complaint.reference,
    { at: resolvedAt, type: 'resolved', actor: request.resolvedBy.name, summary: `Resolved: ${resolution.summary}`, details: resolution.prevention ? { prevention: resolution.prevention } : undefined },
    expiresAt,
  );
  const timeline = await deps.complaints.getTimeline(complaint.reference);
  const rendered = renderEmail(
    'resolution-letter',
    {
      brand: brandContext(deps.config),
      customer: { name: complaint.customer.name },
      complaint: { reference: complaint.reference, subject: complaint.subject, receivedAt: complaint.receivedAt, summary: firstSentences(complaint.body) || complaint.subject },
      letter: { date: resolvedAt, cc: [] },
      contacts: timeline.filter((event) => event.type === 'agent-reply' || event.type === 'customer-reply').map((event) => ({ date: event.at, summary: event.summary })),
      resolution: { agreement: resolution.summary, prevention: resolution.prevention ?? '' },
      signatory: request.resolvedBy,
    },
    { locale: complaint.classification.language, fallbackLocale: deps.config.defaultLocale },
  );
  await sendToCustomer(complaint, { kind: 'resolution-letter', sequence: 0 }, rendered, deps, expiresAt);
  await deps.scheduler.schedule({
    reference: complaint.reference,
    kind: 'feedback-request',
    sequence: 0,
    scheduledAt: resolvedAt,
    dueAt: addDuration(resolvedAt, deps.config.lifecycle.feedbackRequestAfter),
    assumesResolvedAt: resolvedAt,
  });
  return { outcome: 'resolved', complaint };
}

/** The problem as reported: the customer's first sentences, without greeting lines. */
export function firstSentences(body: string, maxChars = 400): string {
  const lines = body.split('\n').map((line) => line.trim()).filter((line) => line && !/^(hi|hello|dear|hej|hei|tere|hallo)\b[^.]*,?$/i.test(line));
  const text = lines.join(' ');
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return end > 80 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`;
}
