import type { Complaint } from './complaint.ts';

export const JOB_KINDS = ['follow-up', 'first-response-check', 'resolution-check', 'resolution-letter', 'feedback-request', 'thank-you'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** A message on the scheduler queue: what to do, when, and the state of the complaint it assumes. */
export interface ScheduledJob {
  reference: string;
  kind: JobKind;
  sequence: number;
  dueAt: string;
  scheduledAt: string;
  /** When the job was made for a resolution, the resolution it belongs to (a reopen invalidates it). */
  assumesResolvedAt?: string;
}

export interface LifecycleSettings {
  followUpEvery: string;
  followUpMax: number;
}

export type JobDecision =
  | { action: 'wait'; delaySeconds: number }
  | { action: 'drop'; reason: string }
  | { action: 'send-customer'; email: 'follow-up' | 'resolution-letter' | 'feedback-request' | 'thank-you' }
  | { action: 'escalate'; breach: 'first-response' | 'resolution' };

/**
 * What a due (or not yet due) job should do now. Pure: the scheduler handler feeds it the complaint
 * as stored and the clock, and carries out the answer. A job whose premise no longer holds is
 * dropped with the reason, never sent.
 */
export function decideJob(job: ScheduledJob, complaint: Complaint | undefined, now: Date, maxDelaySeconds: number): JobDecision {
  const wait = waitFor(job, now, maxDelaySeconds);
  if (wait) return wait;
  if (!complaint) return { action: 'drop', reason: 'the complaint no longer exists (erased or never stored)' };

  switch (job.kind) {
    case 'follow-up':
      if (complaint.status !== 'open') return { action: 'drop', reason: `complaint is ${complaint.status}, not open` };
      if (complaint.lastAgentReplyAt && complaint.lastAgentReplyAt >= job.scheduledAt) {
        return { action: 'drop', reason: 'an agent replied since the follow-up was scheduled' };
      }
      return { action: 'send-customer', email: 'follow-up' };
    case 'first-response-check':
      if (complaint.status !== 'open') return { action: 'drop', reason: `complaint is ${complaint.status}` };
      if (complaint.firstAgentReplyAt) return { action: 'drop', reason: 'first agent response was given in time' };
      return { action: 'escalate', breach: 'first-response' };
    case 'resolution-check':
      if (complaint.status !== 'open') return { action: 'drop', reason: `complaint is ${complaint.status}` };
      return { action: 'escalate', breach: 'resolution' };
    case 'resolution-letter':
      if (complaint.status !== 'resolved' || !complaint.resolution) return { action: 'drop', reason: `complaint is ${complaint.status}, not resolved` };
      if (job.assumesResolvedAt && complaint.resolution.resolvedAt !== job.assumesResolvedAt) {
        return { action: 'drop', reason: 'the complaint was reopened and resolved again since this letter was scheduled' };
      }
      return { action: 'send-customer', email: 'resolution-letter' };
    case 'feedback-request':
      if (complaint.status !== 'resolved') return { action: 'drop', reason: `complaint is ${complaint.status}, not resolved` };
      if (job.assumesResolvedAt && complaint.resolution?.resolvedAt !== job.assumesResolvedAt) {
        return { action: 'drop', reason: 'the complaint was reopened and resolved again since this request was scheduled' };
      }
      if (complaint.feedback) return { action: 'drop', reason: 'feedback already given' };
      return { action: 'send-customer', email: 'feedback-request' };
    case 'thank-you':
      if (!complaint.feedback) return { action: 'drop', reason: 'no feedback recorded' };
      return { action: 'send-customer', email: 'thank-you' };
  }
}

/**
 * A job that is not due yet hops on without reading anything: on AWS a two-day wait is ~190 hops
 * of 900 s, and each should cost one SQS round trip, not a database read too.
 */
export function waitFor(job: ScheduledJob, now: Date, maxDelaySeconds: number): { action: 'wait'; delaySeconds: number } | undefined {
  const remainingMs = Date.parse(job.dueAt) - now.getTime();
  return remainingMs > 999 ? { action: 'wait', delaySeconds: Math.min(maxDelaySeconds, Math.ceil(remainingMs / 1000)) } : undefined;
}

/** The follow-up that comes after this one, if the configured count allows it. */
export function nextFollowUp(job: ScheduledJob, now: Date, settings: LifecycleSettings, addDuration: (iso: string, duration: string) => string): ScheduledJob | undefined {
  if (job.kind !== 'follow-up' || job.sequence >= settings.followUpMax) return undefined;
  const scheduledAt = now.toISOString();
  return { reference: job.reference, kind: 'follow-up', sequence: job.sequence + 1, scheduledAt, dueAt: addDuration(scheduledAt, settings.followUpEvery) };
}
