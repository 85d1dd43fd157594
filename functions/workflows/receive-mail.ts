import type { AppConfig } from '#config/app-config';
import type { Complaint, StoredAttachment } from '#core/complaint';
import { addDuration } from '#core/duration';
import { addressHash } from '#core/privacy';
import { buildComplaint, receivedEvent } from '#core/intake';
import type { ScheduledJob } from '#core/lifecycle';
import { findThread, type Thread } from '#core/mailbox/thread';
import { AUTOMATIC_REPLY_RULES, automaticReplyReason, mayBeOwnMessageId, quarantineReason, screen, type ScreeningInput } from '#core/screening/index';
import type { SesReceiptRecord } from '#events/ses-receipt';
import { receiptVerdicts, SES_SETUP_NOTIFICATION } from '#events/ses-receipt';
import { parseInbound, UnparseableMailError, type ParsedInbound } from '#mail/parse';
import { renderEmail } from '#templates/render';
import { checkAgent, CUSTOMER_HISTORY_LIMIT, notifyAgents, receiveAgentReply, receiveCustomerReply, tellAgent, type MailboxDeps } from './mailbox.ts';
import { brandContext, sendToCustomer } from './outbound.ts';
import { detectPatterns } from './patterns.ts';
import type { Clock, ComplaintStore, InboundOutcome, MailStore, Outbox, Scheduler } from './ports.ts';

export interface ReceiveMailDeps extends MailboxDeps {
  config: AppConfig;
  mailStore: MailStore;
  complaints: ComplaintStore;
  outbox: Outbox;
  scheduler: Scheduler;
  clock: Clock;
  inboundPrefix: string;
  attachmentsPrefix: string;
  log: (message: string, fields: Record<string, string | number | boolean | undefined>) => void;
}

const MAX_REFERENCE_ATTEMPTS = 8;
/** mailparser keeps HTML up to this many characters; longer HTML is not parsed into text (bounded time and memory). */
const MAX_HTML_CHARS = 2_000_000;

/**
 * One inbound message → a complaint with one acknowledgement, a thread reply, a silent timeline
 * entry (the customer's out-of-office reply), or a screened or quarantined record with a reason.
 * Every step is idempotent, so SES/Lambda delivering the same event twice, or concurrently, or
 * retrying after a crash, converges on the same result.
 */
export async function receiveMail(record: SesReceiptRecord, deps: ReceiveMailDeps): Promise<InboundOutcome> {
  const { mail, receipt } = record.ses;
  if (mail.messageId === SES_SETUP_NOTIFICATION) return { outcome: 'ignored', reason: 'SES setup notification' };

  const previous = await deps.complaints.getInbound(mail.messageId);
  if (previous) return previous.result;

  const receivedAt = new Date(Date.parse(mail.timestamp) || deps.clock.now().getTime()).toISOString();
  const expiresAt = epochSeconds(addDuration(receivedAt, `P${deps.config.retentionDays}D`));
  const rawKey = `${deps.inboundPrefix}${mail.messageId}`;
  const finish = async (result: InboundOutcome, parsed?: ParsedInbound): Promise<InboundOutcome> => {
    // Mail refused before its From was read (quarantined, too large, unparseable) is filed under the
    // SMTP envelope sender, so export and erasure still find it.
    const sender = parsed?.from?.address ?? envelopeAddress(mail.source);
    await deps.complaints.recordInbound(
      { sesMessageId: mail.messageId, receivedAt, result, from: sender, subject: parsed?.subject },
      expiresAt,
    );
    deps.log('inbound message handled', {
      sesMessageId: mail.messageId,
      outcome: result.outcome,
      reference: 'reference' in result ? result.reference : undefined,
      rule: result.outcome === 'screened' ? result.rule : undefined,
      // Never the address: its keyed hash (`npx complaints hash <email>` finds one person's lines).
      sender: sender ? addressHash(sender, deps.signingSecret) : undefined,
    });
    return result;
  };

  // Infected mail is decided on the receipt alone: it is moved aside unread and nothing else happens.
  const verdicts = receiptVerdicts(receipt);
  const quarantine = quarantineReason(verdicts);
  if (quarantine) {
    const quarantineKey = await deps.mailStore.quarantine(rawKey);
    return finish({ outcome: 'quarantined', reason: quarantine, quarantineKey });
  }

  const size = await deps.mailStore.rawSize(rawKey);
  if (size > deps.config.limits.maxRawBytes) {
    return finish({ outcome: 'screened', rule: 'too-large', reason: `raw message is ${size} bytes, over the ${deps.config.limits.maxRawBytes}-byte limit` });
  }

  let parsed: ParsedInbound;
  try {
    const raw = await deps.mailStore.getRaw(rawKey);
    parsed = await parseInbound(raw.content, { parseTimeoutMs: deps.config.limits.parseTimeoutMs, maxHtmlChars: MAX_HTML_CHARS });
  } catch (error) {
    if (error instanceof UnparseableMailError) return finish({ outcome: 'screened', rule: 'unparseable', reason: error.message });
    throw error;
  }

  // One read per complaint on every path: threading and the steps after it share these.
  const complaintReads = new Map<string, Promise<Complaint | undefined>>();
  const getComplaint = (reference: string) => {
    if (!complaintReads.has(reference)) complaintReads.set(reference, deps.complaints.getComplaint(reference));
    return complaintReads.get(reference)!;
  };
  const threadOf = (from: string) =>
    findThread(
      { from, recipients: receipt.recipients, subject: parsed.subject, inReplyTo: parsed.inReplyTo, references: parsed.references },
      deps.config.complaintAddress,
      { byMessageId: (id) => deps.complaints.findByMessageId(id), customerOf: async (reference) => (await getComplaint(reference))?.customer.email },
    );

  const screening: ScreeningInput = {
    headers: parsed.headers,
    contentType: parsed.contentType,
    subject: parsed.subject,
    from: parsed.from,
    envelopeSender: mail.source,
    verdicts,
    ownAddresses: ownAddresses(deps.config),
    ownMessageId: (await isOwnMessageId(parsed.messageId, deps)) ? parsed.messageId : undefined,
  };
  const verdict = screen(screening);
  if (!verdict.accepted || !parsed.from) {
    const screened = verdict.accepted ? { rule: 'missing-sender', reason: 'no usable From address' } : verdict;
    const automaticReply = AUTOMATIC_REPLY_RULES.has(screened.rule) ? automaticReplyReason(screening) : undefined;
    if (automaticReply && parsed.from) {
      const thread = await threadOf(parsed.from.address);
      const landed = await recordAutomaticReply(parsed, parsed.from.address, automaticReply, mail.messageId, receivedAt, thread, getComplaint, deps);
      if (landed) return finish(landed, parsed);
    }
    return finish({ outcome: 'screened', rule: screened.rule, reason: screened.reason }, parsed);
  }
  const mailWithSender = { ...parsed, from: parsed.from };

  const thread = await threadOf(parsed.from.address);
  let possiblyRelatedTo = thread.kind === 'new' ? thread.possiblyRelatedTo : undefined;
  if (thread.kind === 'agent') {
    const existing = await getComplaint(thread.reference);
    const check = checkAgent(parsed.from.address, thread.reference, thread.agentToken, verdicts, deps);
    if (!existing || !check.ok) {
      const reason = !existing ? `agent reply for unknown complaint ${thread.reference}` : check.ok ? '' : check.reason;
      if (existing) {
        await deps.complaints.addEvent(existing.reference, { at: receivedAt, type: 'agent-reply-rejected', actor: parsed.from.address, summary: `Rejected: ${reason}` }, expiresAt);
        if (!check.ok && check.knownAgent) await tellAgent(existing, check.knownAgent, mail.messageId, `Your reply was not accepted: ${reason}.`, deps);
      }
      return finish({ outcome: 'rejected', reference: thread.reference, reason }, parsed);
    }
    return finish(await receiveAgentReply(existing, check.agent, parsed, mail.messageId, receivedAt, deps), parsed);
  }
  if (thread.kind === 'customer') {
    const existing = await getComplaint(thread.reference);
    if (existing && (existing.status === 'open' || deps.config.reopenOnReply)) {
      return finish(await receiveCustomerReply(existing, parsed, mail.messageId, thread.via, receivedAt, deps), parsed);
    }
    possiblyRelatedTo = thread.reference;
  }

  // One Query on the per-customer index serves the language fallback, the repeat check and the agents' notification.
  const customerHistory = await deps.complaints.complaintsOf(parsed.from.address, CUSTOMER_HISTORY_LIMIT);
  const previousLanguage = customerHistory.find((other) => other.sourceMessageId !== mail.messageId)?.classification.language;

  const attachments = await storeAttachments(parsed, mail.messageId, deps);
  const complaint = await createComplaint(
    mailWithSender,
    { sesMessageId: mail.messageId, receivedAt, rawS3Key: rawKey },
    attachments,
    { previousLanguage, attachmentsNotStored: attachments.notStored },
    deps,
    expiresAt,
    possiblyRelatedTo,
  );
  await deps.complaints.addEvent(complaint.reference, receivedEvent(complaint), expiresAt);
  if (complaint.customerMessageId) await deps.complaints.linkMessageId(complaint.customerMessageId, complaint.reference, expiresAt, 'received');

  await acknowledge(complaint, deps, expiresAt);
  // Repeat flag (shown to the agents) and the category counter, escalating a burst once.
  const { complaint: flagged } = await detectPatterns(complaint, deps, expiresAt, { newestFirst: customerHistory, limit: CUSTOMER_HISTORY_LIMIT });
  await notifyAgents(flagged, 'new-complaint', mail.messageId, complaint.body, deps, { repeat: flagged.repeat, customerHistory });
  await scheduleLifecycle(complaint, deps);
  return finish({ outcome: 'complaint', reference: complaint.reference, possiblyRelatedTo }, parsed);
}

function ownAddresses(config: AppConfig): string[] {
  return [config.brand.fromAddress, config.complaintAddress, config.agentsAddress, config.managersAddress];
}

/**
 * A Message-ID under a domain we send from is looked up in the Message-ID index: it is our own
 * mail coming back only when the index says we sent it (a customer may send through SES too).
 */
async function isOwnMessageId(messageId: string | undefined, deps: ReceiveMailDeps): Promise<boolean> {
  const domains = ownAddresses(deps.config).map((address) => address.split('@')[1] ?? '');
  if (!messageId || !mayBeOwnMessageId(messageId, domains)) return false;
  return (await deps.complaints.findMessageLink(messageId))?.direction === 'sent';
}

/**
 * The customer's out-of-office (or other automatic) reply to our mail: it belongs on the
 * complaint's timeline, but must not reach the agents, reopen the complaint or be answered.
 * Only when it threads onto a complaint of that same sender; anything else stays screened.
 */
async function recordAutomaticReply(
  mail: ParsedInbound,
  from: string,
  reason: string,
  sesMessageId: string,
  receivedAt: string,
  thread: Thread,
  getComplaint: (reference: string) => Promise<Complaint | undefined>,
  deps: ReceiveMailDeps,
): Promise<InboundOutcome | undefined> {
  if (thread.kind !== 'customer') return undefined;
  const complaint = await getComplaint(thread.reference);
  if (!complaint || complaint.customer.email.toLowerCase() !== from.toLowerCase()) return undefined;
  await deps.complaints.addEvent(
    complaint.reference,
    {
      at: receivedAt,
      type: 'auto-reply',
      actor: 'customer',
      summary: `Automatic reply from the customer: ${mail.subject || '(no subject)'}`.slice(0, 200),
      details: { reason, via: thread.via, sesMessageId, messageId: mail.messageId ?? '' },
    },
    epochSeconds(addDuration(complaint.receivedAt, `P${deps.config.retentionDays}D`)),
  );
  return { outcome: 'auto-reply', reference: complaint.reference, reason };
}

async function createComplaint(
  mail: ParsedInbound & { from: NonNullable<ParsedInbound['from']> },
  receipt: { sesMessageId: string; receivedAt: string; rawS3Key: string },
  attachments: StoredAttachments,
  context: { previousLanguage: string | undefined; attachmentsNotStored: string[] },
  deps: ReceiveMailDeps,
  expiresAt: number,
  possiblyRelatedTo: string | undefined,
): Promise<Complaint> {
  for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt += 1) {
    const candidate = { ...buildComplaint(mail, receipt, attachments.stored, deps.config, attempt, context), ...(possiblyRelatedTo ? { possiblyRelatedTo } : {}) };
    const result = await deps.complaints.createComplaint(candidate, expiresAt);
    if (result === 'created') return candidate;
    if (result === 'exists') return (await deps.complaints.getComplaint(candidate.reference)) ?? candidate;
  }
  throw new Error(`no free complaint reference after ${MAX_REFERENCE_ATTEMPTS} attempts for ${receipt.sesMessageId}`);
}

interface StoredAttachments {
  stored: StoredAttachment[];
  /** Why the others were not stored, one sentence per reason; they remain in the raw mail. */
  notStored: string[];
}

export async function storeAttachments(mail: ParsedInbound, sesMessageId: string, deps: Pick<ReceiveMailDeps, 'config' | 'mailStore' | 'attachmentsPrefix'>): Promise<StoredAttachments> {
  const { maxAttachments, maxAttachmentBytes } = deps.config.limits;
  const stored: StoredAttachment[] = [];
  const tooLarge: string[] = [];
  for (const [index, attachment] of mail.attachments.slice(0, maxAttachments).entries()) {
    if (attachment.size > maxAttachmentBytes) {
      tooLarge.push(`${attachment.filename} (${attachment.size} bytes)`);
      continue;
    }
    const s3Key = `${deps.attachmentsPrefix}${sesMessageId}/${index + 1}-${attachment.filename}`;
    await deps.mailStore.putAttachment(s3Key, attachment.content, attachment.contentType);
    stored.push({ filename: attachment.filename, contentType: attachment.contentType, size: attachment.size, s3Key });
  }
  const notStored: string[] = [];
  const overCount = mail.attachments.length - maxAttachments;
  if (overCount > 0) {
    const one = overCount === 1;
    notStored.push(`${overCount} attachment${one ? '' : 's'} over the ${maxAttachments}-attachment limit ${one ? 'was' : 'were'} not stored; ${one ? 'it remains' : 'they remain'} in the raw message.`);
  }
  if (tooLarge.length > 0) {
    const one = tooLarge.length === 1;
    notStored.push(`${tooLarge.join(', ')} ${one ? 'is' : 'are'} over the ${maxAttachmentBytes}-byte attachment limit and ${one ? 'was' : 'were'} not stored; ${one ? 'it remains' : 'they remain'} in the raw message.`);
  }
  return { stored, notStored };
}

async function acknowledge(complaint: Complaint, deps: ReceiveMailDeps, expiresAt: number): Promise<void> {
  const { config } = deps;
  const rendered = renderEmail(
    'acknowledgement',
    {
      brand: brandContext(config),
      customer: { name: complaint.customer.name },
      complaint: { reference: complaint.reference, subject: complaint.subject, receivedAt: complaint.receivedAt },
      sla: {
        firstResponseDue: complaint.sla.firstResponseDue,
        resolutionDue: complaint.sla.resolutionDue,
        firstResponseWithin: config.sla.firstResponse,
        resolutionWithin: config.sla.resolution,
      },
    },
    { locale: complaint.classification.language, fallbackLocale: config.defaultLocale },
  );
  const outcome = await sendToCustomer(complaint, { kind: 'acknowledgement', sequence: 0 }, rendered, deps, expiresAt);
  if (!outcome.sesMessageId || !outcome.messageIdHeader || !outcome.sentAt) return;
  await deps.complaints.recordAcknowledgement(complaint.reference, {
    sesMessageId: outcome.sesMessageId,
    messageIdHeader: outcome.messageIdHeader,
    sentAt: outcome.sentAt,
  });
}

/**
 * The jobs that keep a complaint moving. A redelivered message schedules them again; that is
 * harmless because every email a job sends is claimed on (complaint, kind, sequence).
 */
async function scheduleLifecycle(complaint: Complaint, deps: ReceiveMailDeps): Promise<void> {
  const scheduledAt = deps.clock.now().toISOString();
  const jobs: ScheduledJob[] = [
    { reference: complaint.reference, kind: 'first-response-check', sequence: 0, scheduledAt, dueAt: complaint.sla.firstResponseDue },
    { reference: complaint.reference, kind: 'resolution-check', sequence: 0, scheduledAt, dueAt: complaint.sla.resolutionDue },
  ];
  if (deps.config.lifecycle.followUpMax > 0) {
    jobs.push({ reference: complaint.reference, kind: 'follow-up', sequence: 1, scheduledAt, dueAt: addDuration(scheduledAt, deps.config.lifecycle.followUpEvery) });
  }
  for (const job of jobs) await deps.scheduler.schedule(job);
}

function envelopeAddress(source: string): string | undefined {
  const address = source.trim().replace(/^<|>$/g, '').toLowerCase();
  return address.includes('@') ? address : undefined;
}

function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
