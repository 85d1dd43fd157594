import type { AppConfig } from '#config/app-config';
import type { Complaint } from '#core/complaint';
import { addDuration, durationToMs } from '#core/duration';
import { decideJob, nextFollowUp, waitFor, type ScheduledJob } from '#core/lifecycle';
import { signToken } from '#core/signed-token';
import { renderEmail, type ResolutionLetterContext } from '#templates/render';
import { brandContext, expiresAtFor, sendInternal, sendToCustomer } from './outbound.ts';
import type { Clock, ComplaintStore, Outbox, Scheduler } from './ports.ts';
import { sendResolutionLetter, type LetterAttachment } from './resolution-letter.ts';

export interface RunJobDeps {
  config: AppConfig;
  complaints: ComplaintStore;
  outbox: Outbox;
  scheduler: Scheduler;
  clock: Clock;
  feedback: { secret: string; baseUrl: string };
  /** Makes and stores the PDF of a resolution letter; without it the letter goes out as email only. */
  letterPdf?: (context: ResolutionLetterContext, locale: string, complaint: Complaint) => Promise<LetterAttachment>;
  log: (message: string, fields: Record<string, string | number | boolean | undefined>) => void;
}

export type JobOutcome = 'hopped' | 'dropped' | 'sent' | 'escalated';

/** Carries out one scheduler job: hop on if not yet due, drop if its premise broke, else send once. */
export async function runJob(job: ScheduledJob, deps: RunJobDeps): Promise<JobOutcome> {
  const now = deps.clock.now();
  const fields = { reference: job.reference, kind: job.kind, sequence: job.sequence, dueAt: job.dueAt };
  const hop = waitFor(job, now, deps.scheduler.maxDelaySeconds);
  const complaint = hop ? undefined : await deps.complaints.getComplaint(job.reference);
  const decision = hop ?? decideJob(job, complaint, now, deps.scheduler.maxDelaySeconds);

  if (decision.action === 'wait') {
    await deps.scheduler.enqueue(job, decision.delaySeconds);
    deps.log('job not due yet, hopped', { ...fields, delaySeconds: decision.delaySeconds });
    return 'hopped';
  }
  if (decision.action === 'drop' || !complaint) {
    deps.log('job dropped', { ...fields, reason: decision.action === 'drop' ? decision.reason : 'no complaint' });
    return 'dropped';
  }
  const expiresAt = expiresAtFor(complaint, deps.config);
  const locale = { locale: complaint.classification.language, fallbackLocale: deps.config.defaultLocale };
  const brand = brandContext(deps.config);
  const customer = { name: complaint.customer.name };

  if (decision.action === 'escalate') {
    const rendered = renderEmail(
      'escalation',
      {
        brand,
        reason: 'sla-breach',
        complaint: internalComplaint(complaint),
        customer: { name: complaint.customer.name, email: complaint.customer.email, previousComplaints: 0 },
        sla: { ...complaint.sla, overdueBy: overdueBy(job.dueAt, now) },
        note: decision.breach === 'first-response' ? 'No agent has answered within the first-response time.' : 'The complaint is still open past its resolution date.',
      },
      { locale: deps.config.defaultLocale, fallbackLocale: deps.config.defaultLocale },
    );
    await sendInternal(complaint, { kind: `sla-breach-${decision.breach}`, sequence: 0 }, deps.config.managersAddress, rendered, deps, expiresAt);
    return 'escalated';
  }

  switch (decision.email) {
    case 'follow-up': {
      const rendered = renderEmail(
        'follow-up',
        {
          brand,
          customer,
          complaint: { reference: complaint.reference, subject: complaint.subject, receivedAt: complaint.receivedAt },
          sla: { resolutionDue: complaint.sla.resolutionDue },
          progress: { overdue: now.toISOString() > complaint.sla.resolutionDue },
        },
        locale,
      );
      const outcome = await sendToCustomer(complaint, { kind: 'follow-up', sequence: job.sequence }, rendered, deps, expiresAt);
      // The address bounced or complained: the timeline says so, and further follow-ups would only be refused too.
      if (outcome.status === 'suppressed') return 'dropped';
      const next = nextFollowUp(job, now, deps.config.lifecycle, addDuration);
      if (next) await deps.scheduler.schedule(next);
      return 'sent';
    }
    case 'resolution-letter': {
      const timeline = await deps.complaints.getTimeline(complaint.reference);
      const letterPdf = deps.letterPdf;
      await sendResolutionLetter(complaint, timeline, deps, expiresAt, letterPdf ? (context, locale) => letterPdf(context, locale, complaint) : undefined);
      return 'sent';
    }
    case 'feedback-request': {
      const resolvedAt = complaint.resolution?.resolvedAt ?? now.toISOString();
      const validUntil = Math.floor((now.getTime() + durationToMs(deps.config.lifecycle.feedbackLinkValidity)) / 1000);
      const token = signToken({ purpose: 'feedback', reference: complaint.reference, exp: validUntil }, deps.feedback.secret);
      const rendered = renderEmail(
        'feedback-request',
        {
          brand,
          customer,
          complaint: { reference: complaint.reference, subject: complaint.subject, resolvedAt },
          feedback: { url: feedbackUrl(deps.feedback.baseUrl, token), ratingLinks: [1, 2, 3, 4, 5].map((rating) => ({ rating, url: feedbackUrl(deps.feedback.baseUrl, token, rating) })) },
        },
        locale,
      );
      await sendToCustomer(complaint, { kind: 'feedback-request', sequence: 0 }, rendered, deps, expiresAt);
      return 'sent';
    }
    case 'thank-you': {
      const rendered = renderEmail(
        'thank-you',
        {
          brand,
          customer,
          complaint: { reference: complaint.reference, subject: complaint.subject },
          feedback: { score: complaint.feedback?.rating, comment: complaint.feedback?.comment },
        },
        locale,
      );
      await sendToCustomer(complaint, { kind: 'thank-you', sequence: 0 }, rendered, deps, expiresAt);
      return 'sent';
    }
  }
}

export function feedbackUrl(baseUrl: string, token: string, rating?: number): string {
  const url = new URL(baseUrl);
  url.searchParams.set('t', token);
  if (rating !== undefined) url.searchParams.set('r', String(rating));
  return url.toString();
}

export function internalComplaint(complaint: Complaint) {
  return {
    reference: complaint.reference,
    subject: complaint.subject,
    receivedAt: complaint.receivedAt,
    category: complaint.classification.category,
    severity: complaint.classification.severity,
    language: complaint.classification.language,
    status: complaint.status,
  };
}

function overdueBy(dueAt: string, now: Date): string | undefined {
  const minutes = Math.floor((now.getTime() - Date.parse(dueAt)) / 60_000);
  return minutes > 0 ? `PT${minutes}M` : undefined;
}
