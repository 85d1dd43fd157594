import type { AppConfig } from '#config/app-config';
import { verifyToken } from '#core/signed-token';
import { renderFeedbackPage, type PageState } from '#feedback/page';
import { renderEmail } from '#templates/render';
import { brandContext, expiresAtFor, sendInternal } from './outbound.ts';
import type { Clock, ComplaintStore, Outbox, Scheduler } from './ports.ts';
import { internalComplaint } from './run-job.ts';

export interface FeedbackDeps {
  config: AppConfig;
  complaints: ComplaintStore;
  outbox: Outbox;
  scheduler: Scheduler;
  clock: Clock;
  secret: string;
  log: (message: string, fields: Record<string, string | number | boolean | undefined>) => void;
}

export interface FeedbackRequest {
  method: 'GET' | 'POST';
  token: string;
  rating?: number;
  comment?: string;
  /** Where the form posts back to (the page's own URL without query). */
  action: string;
}

export interface FeedbackResponse {
  status: number;
  html: string;
}

const LOW_RATING = 2;

/**
 * GET shows the form with the rating from the link preselected and records nothing: mail
 * scanners fetch every link in a message. Only a POST records the rating, once.
 */
export async function handleFeedback(request: FeedbackRequest, deps: FeedbackDeps): Promise<FeedbackResponse> {
  const brandName = deps.config.brand.name;
  const now = deps.clock.now();
  const check = verifyToken(request.token, 'feedback', deps.secret, now);
  if (!check.valid) {
    deps.log('feedback token refused', { reason: check.reason });
    return page(check.reason === 'expired' ? 410 : 400, { kind: 'error', problem: check.reason === 'expired' ? 'expired' : 'invalid', brandName }, deps.config.defaultLocale);
  }
  const complaint = await deps.complaints.getComplaint(check.claims.reference);
  if (!complaint) return page(404, { kind: 'error', problem: 'invalid', brandName }, deps.config.defaultLocale);
  const locale = complaint.classification.language;

  if (complaint.feedback) return page(409, { kind: 'error', problem: 'already', brandName }, locale);
  if (complaint.status === 'open') return page(409, { kind: 'error', problem: 'not-resolved', brandName }, locale);

  const rating = request.rating !== undefined && Number.isInteger(request.rating) && request.rating >= 1 && request.rating <= 5 ? request.rating : undefined;
  if (request.method === 'GET') {
    return page(200, { kind: 'form', reference: complaint.reference, rating, action: request.action, token: request.token, brandName }, locale);
  }
  if (rating === undefined) return page(400, { kind: 'error', problem: 'bad-request', brandName }, locale);

  const feedback = { rating, comment: request.comment?.trim().slice(0, 2000) || undefined, at: now.toISOString() };
  const recorded = await deps.complaints.recordFeedback(complaint.reference, feedback);
  if (recorded === 'already') return page(409, { kind: 'error', problem: 'already', brandName }, locale);
  if (recorded === 'not-resolved') return page(409, { kind: 'error', problem: 'not-resolved', brandName }, locale);

  const expiresAt = expiresAtFor(complaint, deps.config);
  await deps.complaints.addEvent(
    complaint.reference,
    { at: feedback.at, type: 'feedback-received', actor: 'customer', summary: `Customer rated the handling ${rating}/5`, details: { rating } },
    expiresAt,
  );
  await deps.scheduler.schedule({ reference: complaint.reference, kind: 'thank-you', sequence: 0, scheduledAt: feedback.at, dueAt: feedback.at });
  if (rating <= LOW_RATING) {
    const rendered = renderEmail(
      'escalation',
      {
        brand: brandContext(deps.config),
        reason: 'low-rating',
        complaint: internalComplaint({ ...complaint, feedback }),
        customer: { name: complaint.customer.name, email: complaint.customer.email, previousComplaints: 0 },
        sla: complaint.sla,
        note: `The customer rated the handling ${rating}/5.${feedback.comment ? ` Comment: ${feedback.comment}` : ''}`,
      },
      { locale: deps.config.defaultLocale, fallbackLocale: deps.config.defaultLocale },
    );
    await sendInternal(complaint, { kind: 'low-rating-alert', sequence: 0 }, deps.config.managersAddress, rendered, deps, expiresAt);
  }
  return page(200, { kind: 'thanks', reference: complaint.reference, rating, brandName }, locale);
}

function page(status: number, state: PageState, locale: string): FeedbackResponse {
  return { status, html: renderFeedbackPage(state, locale) };
}
