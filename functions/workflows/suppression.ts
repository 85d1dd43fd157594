import type { AppConfig } from '#config/app-config';
import { addDuration } from '#core/duration';
import { decideFeedback, feedbackTimelineSummary, type FeedbackNotification, type RecipientFeedback } from '#core/suppression';
import { sesMessageIdHeader } from '#mail/ses-message-id';
import type { ComplaintStore, SuppressionList } from './ports.ts';

export interface SuppressionDeps {
  config: AppConfig;
  /** What the function is granted on the table: GetItem (Message-ID index, complaint) and PutItem (event). */
  complaints: Pick<ComplaintStore, 'findByMessageId' | 'getComplaint' | 'addEvent'>;
  suppressions: Pick<SuppressionList, 'suppress'>;
  /** The region our SES sends from, when the notification does not name one (Message-ID domain). */
  region: string;
  log?: (message: string, fields: Record<string, string | number | boolean | undefined>) => void;
}

export interface FeedbackOutcome {
  address: string;
  action: RecipientFeedback['action'];
  /** 'lifted-since': an administrator lifted the suppression after this bounce or complaint. */
  suppression?: 'suppressed' | 'lifted-since';
  /** The complaint the bounced or reported email was about, when it was one of ours. */
  reference?: string;
}

/**
 * An SES bounce or complaint: permanent bounces and complaints put the address on the suppression
 * list (the outbox then refuses to mail it), and the complaint the email belonged to, found through
 * the Message-ID SES gave it, gets a timeline line saying what happened. Idempotent: a redelivered
 * notification rewrites the same items.
 */
export async function handleFeedback(notification: FeedbackNotification & { mail: { sourceArn?: string | undefined } }, deps: SuppressionDeps): Promise<FeedbackOutcome[]> {
  const decisions = decideFeedback(notification);
  const messageIdHeader = sesMessageIdHeader(notification.mail.messageId, regionOf(notification.mail.sourceArn) ?? deps.region);
  const reference = await deps.complaints.findByMessageId(messageIdHeader);
  const complaint = reference ? await deps.complaints.getComplaint(reference) : undefined;

  const outcomes: FeedbackOutcome[] = [];
  for (const decision of decisions) {
    let suppression: FeedbackOutcome['suppression'];
    if (decision.action === 'suppress') {
      const { action: _action, ...entry } = decision;
      const at = Number.isNaN(Date.parse(decision.at)) ? new Date().toISOString() : decision.at;
      suppression = await deps.suppressions.suppress(entry, epochSeconds(addDuration(at, `P${deps.config.retentionDays}D`)));
    }
    if (complaint) {
      await deps.complaints.addEvent(
        complaint.reference,
        {
          at: decision.at,
          type: decision.action === 'suppress' ? 'address-suppressed' : 'address-bounced',
          actor: 'ses',
          summary: feedbackTimelineSummary(decision, complaint.customer.email),
          details: { address: decision.address, kind: decision.kind, sesMessageId: decision.sourceMessageId, feedbackId: decision.feedbackId },
        },
        complaintExpiry(complaint.receivedAt, deps.config.retentionDays),
      );
    }
    deps.log?.('ses feedback', { address: decision.address, kind: decision.kind, action: decision.action, suppression, reference: complaint?.reference });
    outcomes.push({ address: decision.address, action: decision.action, ...(suppression ? { suppression } : {}), ...(complaint ? { reference: complaint.reference } : {}) });
  }
  return outcomes;
}

/** When the complaint's items expire (outbound.ts's expiresAtFor, without bundling the mail composer here). */
function complaintExpiry(receivedAt: string, retentionDays: number): number {
  return Math.floor(Date.parse(receivedAt) / 1000) + retentionDays * 86_400;
}

/** arn:aws:ses:<region>:<account>:identity/<name> → <region>. */
function regionOf(sourceArn: string | undefined): string | undefined {
  const region = sourceArn?.split(':')[3];
  return region ? region : undefined;
}

function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
