/**
 * What an SES bounce or complaint means for the addresses it names. A permanent bounce (the address
 * does not exist, or SES already suppresses it) and a complaint (the recipient marked our mail as
 * spam) stop all further mail to that address; a transient or undetermined bounce (mailbox full,
 * message too large…) is only recorded, since the next message may well arrive.
 */

export interface BouncedRecipient {
  emailAddress: string;
  action?: string | undefined;
  status?: string | undefined;
  diagnosticCode?: string | undefined;
}

/** The SES notification, reduced to what the decision reads (events/ses-notification.ts parses it). */
export type FeedbackNotification =
  | {
      type: 'Bounce';
      bounce: { bounceType: 'Permanent' | 'Transient' | 'Undetermined'; bounceSubType: string; bouncedRecipients: BouncedRecipient[]; timestamp: string; feedbackId: string };
      mail: { messageId: string; timestamp: string };
    }
  | {
      type: 'Complaint';
      complaint: { complainedRecipients: Array<{ emailAddress: string }>; timestamp: string; feedbackId: string; complaintFeedbackType?: string | undefined; complaintSubType?: string | null | undefined };
      mail: { messageId: string; timestamp: string };
    };

export interface RecipientFeedback {
  /** Lower case. */
  address: string;
  /** 'suppress': never mail the address again; 'record': note it on the timeline only. */
  action: 'suppress' | 'record';
  kind: 'bounce' | 'complaint';
  /** One line a person reads: what happened to the address, and when. */
  reason: string;
  at: string;
  bounceType?: string;
  bounceSubType?: string;
  diagnosticCode?: string;
  complaintFeedbackType?: string;
  feedbackId: string;
  sourceMessageId: string;
}

export function decideFeedback(notification: FeedbackNotification): RecipientFeedback[] {
  const sourceMessageId = notification.mail.messageId;
  if (notification.type === 'Complaint') {
    const { complaint } = notification;
    const feedbackType = complaint.complaintFeedbackType;
    return uniqueByAddress(complaint.complainedRecipients).map(({ emailAddress }) => ({
      address: normaliseAddress(emailAddress),
      action: 'suppress',
      kind: 'complaint',
      reason: `${normaliseAddress(emailAddress)} reported our email as unwanted on ${day(complaint.timestamp)}${feedbackType ? ` (feedback type ${feedbackType})` : ''}`,
      at: complaint.timestamp,
      ...(feedbackType ? { complaintFeedbackType: feedbackType } : {}),
      feedbackId: complaint.feedbackId,
      sourceMessageId,
    }));
  }
  const { bounce } = notification;
  const permanent = bounce.bounceType === 'Permanent';
  return uniqueByAddress(bounce.bouncedRecipients).map((recipient) => {
    const address = normaliseAddress(recipient.emailAddress);
    const how = permanent ? 'permanently' : bounce.bounceType === 'Transient' ? 'temporarily' : '(undetermined bounce)';
    const detail = [bounce.bounceSubType, recipient.diagnosticCode].filter(Boolean).join(': ');
    return {
      address,
      action: permanent ? 'suppress' : 'record',
      kind: 'bounce',
      reason: `${address} bounced ${how} on ${day(bounce.timestamp)}${detail ? ` (${detail})` : ''}`,
      at: bounce.timestamp,
      bounceType: bounce.bounceType,
      bounceSubType: bounce.bounceSubType,
      ...(recipient.diagnosticCode ? { diagnosticCode: recipient.diagnosticCode } : {}),
      feedbackId: bounce.feedbackId,
      sourceMessageId,
    };
  });
}

/** The timeline line for a complaint whose mail bounced or was reported. */
export function feedbackTimelineSummary(feedback: RecipientFeedback, customerEmail: string): string {
  const whose = feedback.address === normaliseAddress(customerEmail) ? 'The customer’s address' : 'The address';
  if (feedback.action === 'suppress') {
    const what = feedback.kind === 'complaint' ? 'reported our email as unwanted' : 'bounced permanently';
    return `${whose} ${feedback.address} ${what}${detailOf(feedback)}; it will not be emailed again.`;
  }
  return `${whose} ${feedback.address} bounced ${feedback.bounceType === 'Transient' ? 'temporarily' : 'with an undetermined bounce'}${detailOf(feedback)}; later emails will still be sent.`;
}

export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

function detailOf(feedback: RecipientFeedback): string {
  const detail = feedback.kind === 'complaint'
    ? feedback.complaintFeedbackType
    : [feedback.bounceSubType, feedback.diagnosticCode].filter(Boolean).join(': ');
  return detail ? ` (${detail})` : '';
}

function day(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : new Date(iso).toISOString().slice(0, 10);
}

function uniqueByAddress<R extends { emailAddress: string }>(recipients: R[]): R[] {
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    const address = normaliseAddress(recipient.emailAddress);
    if (seen.has(address)) return false;
    seen.add(address);
    return true;
  });
}
