import type { AppConfig } from '#config/app-config';
import { isAutoReplyToInbound } from '#core/auto-reply-cap';
import type { Complaint } from '#core/complaint';
import { plusAddress, type OutboundEmail } from '#mail/compose';
import type { BrandContext, RenderedEmail } from '#templates/render';
import type { ComplaintStore, Outbox, SendGuards, SendOutcome } from './ports.ts';

export interface OutboundDeps {
  config: AppConfig;
  complaints: ComplaintStore;
  outbox: Outbox;
}

export function brandContext(config: AppConfig): BrandContext {
  const { name, postalAddress, website, signOff } = config.brand;
  return { name, postalAddress, website, signOff };
}

export function tagSubject(subject: string, reference: string): string {
  return subject.includes(`[${reference}]`) ? subject : `[${reference}] ${subject}`;
}

/** Everything we send about a complaint continues the customer's thread. */
export function threadOf(complaint: Complaint): { inReplyTo?: string; references: string[] } {
  const chain = [...complaint.customerReferences, complaint.customerMessageId, complaint.acknowledgement?.messageIdHeader].filter(
    (id): id is string => Boolean(id),
  );
  const references = [...new Set(chain)];
  return { inReplyTo: complaint.customerMessageId ?? references.at(-1), references };
}

/**
 * Sends a rendered customer email once per (complaint, kind, sequence), then records it on the
 * timeline and indexes the Message-ID SES gave it, so a reply to it threads onto the complaint.
 * An automatic reply to the customer's mail (the acknowledgement) counts against the per-address
 * cap; an email not sent (suppressed address, cap reached) is on the timeline with the reason.
 */
export async function sendToCustomer(
  complaint: Complaint,
  key: { kind: string; sequence: number },
  rendered: RenderedEmail,
  deps: OutboundDeps,
  expiresAt: number,
  extras: Pick<OutboundEmail, 'attachments' | 'cc'> = {},
  /** False only for words a person wrote (an agent's reply): RFC 3834 marks the rest automatic. */
  automatic = true,
): Promise<SendOutcome> {
  const { config } = deps;
  const email: OutboundEmail = {
    from: { name: config.brand.name, address: config.brand.fromAddress },
    to: [{ name: complaint.customer.name, address: complaint.customer.email }],
    replyTo: { name: config.brand.name, address: plusAddress(config.complaintAddress, complaint.reference) },
    subject: tagSubject(rendered.subject, complaint.reference),
    text: rendered.text,
    html: rendered.html,
    ...threadOf(complaint),
    automatic,
    ...extras,
  };
  const guards: SendGuards =
    automatic && isAutoReplyToInbound(key.kind)
      ? { autoReply: { cap: config.loopSafety.autoReplyCap, window: config.loopSafety.autoReplyWindow, inResponseToAt: complaint.receivedAt } }
      : {};
  const outcome = await deps.outbox.sendOnce({ reference: complaint.reference, ...key, expiresAt }, email, guards);
  await recordSent(complaint.reference, key.kind, rendered.locale, outcome, deps, expiresAt, 'customer');
  return outcome;
}

/** Internal mail (managers, agents): same exactly-once claim, no customer threading. */
export async function sendInternal(
  complaint: Complaint,
  key: { kind: string; sequence: number },
  to: string,
  rendered: RenderedEmail,
  deps: OutboundDeps,
  expiresAt: number,
  extras: Pick<OutboundEmail, 'replyTo'> = {},
): Promise<SendOutcome> {
  const { config } = deps;
  const outcome = await deps.outbox.sendOnce(
    { reference: complaint.reference, ...key, expiresAt },
    {
      from: { name: config.brand.name, address: config.brand.fromAddress },
      to: [{ address: to }],
      subject: tagSubject(rendered.subject, complaint.reference),
      text: rendered.text,
      html: rendered.html,
      references: [],
      automatic: true,
      ...extras,
    },
  );
  await recordSent(complaint.reference, key.kind, rendered.locale, outcome, deps, expiresAt, to);
  return outcome;
}

async function recordSent(reference: string, kind: string, locale: string, outcome: SendOutcome, deps: OutboundDeps, expiresAt: number, audience: string): Promise<void> {
  if (outcome.status === 'suppressed' || outcome.status === 'capped') {
    await deps.complaints.addEvent(
      reference,
      {
        at: outcome.decidedAt,
        type: 'email-not-sent',
        actor: 'system',
        summary: `${kind.split(':')[0]}${audience === 'customer' ? '' : ` to ${audience}`} not sent: ${outcome.reason}`,
        details: { kind, status: outcome.status, address: outcome.address },
      },
      expiresAt,
    );
    return;
  }
  if (!outcome.messageIdHeader || !outcome.sentAt) return;
  await deps.complaints.linkMessageId(outcome.messageIdHeader, reference, expiresAt, 'sent');
  await deps.complaints.addEvent(
    reference,
    { at: outcome.sentAt, type: 'email-sent', actor: 'system', summary: `${kind.split(':')[0]} sent to ${audience} (${locale})`, details: { kind, messageId: outcome.messageIdHeader } },
    expiresAt,
  );
}

export function expiresAtFor(complaint: Complaint, config: AppConfig): number {
  return Math.floor(Date.parse(complaint.receivedAt) / 1000) + config.retentionDays * 86_400;
}
