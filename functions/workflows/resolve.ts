import type { AppConfig } from '#config/app-config';
import type { Complaint, Resolution } from '#core/complaint';
import { addDuration } from '#core/duration';
import { expiresAtFor } from './outbound.ts';
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
 * the resolution letter (email + PDF) is queued for the customer, and the feedback request is scheduled.
 */
export async function resolveComplaint(request: ResolveRequest, deps: ResolveDeps): Promise<ResolveOutcome> {
  const existing = await deps.complaints.getComplaint(request.reference);
  if (!existing) return { outcome: 'not-found' };
  const resolvedAt = deps.clock.now().toISOString();
  const resolution: Resolution = {
    resolvedAt,
    resolvedBy: request.resolvedBy.name,
    resolvedByTitle: request.resolvedBy.title,
    summary: request.summary.trim(),
    prevention: request.prevention?.trim() || undefined,
  };
  const result = await deps.complaints.resolveComplaint(request.reference, resolution);
  if (result === 'not-open') return { outcome: 'not-open', status: existing.status };

  const complaint: Complaint = { ...existing, status: 'resolved', resolution };
  const expiresAt = expiresAtFor(complaint, deps.config);
  await deps.complaints.addEvent(
    complaint.reference,
    { at: resolvedAt, type: 'resolved', actor: request.resolvedBy.name, summary: `Resolved: ${resolution.summary}`, details: resolution.prevention ? { prevention: resolution.prevention } : undefined },
    expiresAt,
  );
  // The letter (with its PDF) is made by the scheduler: the path that resolves stays light.
  await deps.scheduler.schedule({ reference: complaint.reference, kind: 'resolution-letter', sequence: 0, scheduledAt: resolvedAt, dueAt: resolvedAt, assumesResolvedAt: resolvedAt });
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
