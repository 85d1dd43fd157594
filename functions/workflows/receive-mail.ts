import type { AppConfig } from '#config/app-config';
import type { Complaint, StoredAttachment } from '#core/complaint';
import { addDuration } from '#core/duration';
import { addressHash } from '#core/privacy';
import { buildComplaint, receivedEvent } from '#core/intake';
import type { ScheduledJob } from '#core/lifecycle';
import { screen, type ReceiptVerdicts, type VerdictStatus } from '#core/screening/index';
import type { SesReceiptRecord } from '#events/ses-receipt';
import { SES_SETUP_NOTIFICATION } from '#events/ses-receipt';
import { parseInbound, UnparseableMailError, type ParsedInbound } from '#mail/parse';
import { renderEmail } from '#templates/render';
import { findThread } from '#core/mailbox/thread';
import { checkAgent, notifyAgents, receiveAgentReply, receiveCustomerReply, tellAgent, type MailboxDeps } from './mailbox.ts';
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

/**
 * One inbound message → a complaint with one acknowledgement, or a screened record with a reason.
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
    await deps.complaints.recordInbound(
      { sesMessageId: mail.messageId, receivedAt, result, from: parsed?.from?.address, subject: parsed?.subject },
      expiresAt,
    );
    deps.log('inbound message handled', {
      sesMessageId: mail.messageId,
      outcome: result.outcome,
      reference: result.outcome === 'complaint' ? result.reference : undefined,
      rule: result.outcome === 'screened' ? result.rule : undefined,
      // Never the address: its keyed hash (`npx complaints hash <email>` finds one person's lines).
      sender: parsed?.from ? addressHash(parsed.from.address, deps.signingSecret) : undefined,
    });
    return result;
  };

  const size = await deps.mailStore.rawSize(rawKey);
  if (size > deps.config.limits.maxRawBytes) {
    return finish({ outcome: 'screened', rule: 'too-large', reason: `raw message is ${size} bytes, over the ${deps.config.limits.maxRawBytes}-byte limit` });
  }

  let parsed: ParsedInbound;
  try {
    const raw = await deps.mailStore.getRaw(rawKey);
    parsed = await parseInbound(raw.content, { parseTimeoutMs: deps.config.limits.parseTimeoutMs, maxHtmlChars: 2_000_000 });
  } catch (error) {
    if (error instanceof UnparseableMailError) return finish({ outcome: 'screened', rule: 'unparseable', reason: error.message });
    throw error;
  }

  const verdict = screen({
    headers: parsed.headers,
    contentType: parsed.contentType,
    from: parsed.from,
    envelopeSender: mail.source,
    verdicts: verdictsOf(receipt),
    ownAddresses: [deps.config.brand.fromAddress, deps.config.complaintAddress, deps.config.agentsAddress, deps.config.managersAddress],
  });
  if (!verdict.accepted || !parsed.from) {
    const screened = verdict.accepted ? { rule: 'missing-sender', reason: 'no usable From address' } : verdict;
    return finish({ outcome: 'screened', rule: screened.rule, reason: screened.reason }, parsed);
  }
  const mailWithSender = { ...parsed, from: parsed.from };

  const thread = await findThread(
    { from: parsed.from.address, recipients: receipt.recipients, subject: parsed.subject, inReplyTo: parsed.inReplyTo, references: parsed.references },
    deps.config.complaintAddress,
    {
      byMessageId: (id) => deps.complaints.findByMessageId(id),
      customerOf: async (reference) => (await deps.complaints.getComplaint(reference))?.customer.email,
    },
  );
  let possiblyRelatedTo = thread.kind === 'new' ? thread.possiblyRelatedTo : undefined;
  if (thread.kind === 'agent') {
    const existing = await deps.complaints.getComplaint(thread.reference);
    const check = checkAgent(parsed.from.address, thread.reference, thread.agentToken, verdictsOf(receipt), deps);
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
    const existing = await deps.complaints.getComplaint(thread.reference);
    if (existing && (existing.status === 'open' || deps.config.reopenOnReply)) {
      return finish(await receiveCustomerReply(existing, parsed, mail.messageId, thread.via, receivedAt, deps), parsed);
    }
    possiblyRelatedTo = thread.reference;
  }

  const attachments = await storeAttachments(parsed, mail.messageId, deps);
  const built = await createComplaint(mailWithSender, { sesMessageId: mail.messageId, receivedAt, rawS3Key: rawKey }, attachments, deps, expiresAt, possiblyRelatedTo);
  const complaint = built;
  await deps.complaints.addEvent(complaint.reference, receivedEvent(complaint), expiresAt);
  if (complaint.customerMessageId) await deps.complaints.linkMessageId(complaint.customerMessageId, complaint.reference, expiresAt);

  await acknowledge(complaint, deps, expiresAt);
  // Repeat flag (shown to the agents) and the category counter, escalating a burst once.
  const { complaint: flagged } = await detectPatterns(complaint, deps, expiresAt);
  await notifyAgents(flagged, 'new-complaint', mail.messageId, complaint.body, deps, { repeat: flagged.repeat });
  await scheduleLifecycle(complaint, deps);
  return finish({ outcome: 'complaint', reference: complaint.reference, possiblyRelatedTo }, parsed);
}

async function createComplaint(
  mail: ParsedInbound & { from: NonNullable<ParsedInbound['from']> },
  receipt: { sesMessageId: string; receivedAt: string; rawS3Key: string },
  attachments: StoredAttachment[],
  deps: ReceiveMailDeps,
  expiresAt: number,
  possiblyRelatedTo: string | undefined,
): Promise<Complaint> {
  for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt += 1) {
    const candidate = { ...buildComplaint(mail, receipt, attachments, deps.config, attempt), ...(possiblyRelatedTo ? { possiblyRelatedTo } : {}) };
    const result = await deps.complaints.createComplaint(candidate, expiresAt);
    if (result === 'created') return candidate;
    if (result === 'exists') return (await deps.complaints.getComplaint(candidate.reference)) ?? candidate;
  }
  throw new Error(`no free complaint reference after ${MAX_REFERENCE_ATTEMPTS} attempts for ${receipt.sesMessageId}`);
}

async function storeAttachments(mail: ParsedInbound, sesMessageId: string, deps: ReceiveMailDeps): Promise<StoredAttachment[]> {
  const { maxAttachments, maxAttachmentBytes } = deps.config.limits;
  const stored: StoredAttachment[] = [];
  for (const [index, attachment] of mail.attachments.slice(0, maxAttachments).entries()) {
    if (attachment.size > maxAttachmentBytes) continue;
    const s3Key = `${deps.attachmentsPrefix}${sesMessageId}/${index + 1}-${attachment.filename}`;
    await deps.mailStore.putAttachment(s3Key, attachment.content, attachment.contentType);
    stored.push({ filename: attachment.filename, contentType: attachment.contentType, size: attachment.size, s3Key });
  }
  return stored;
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

function verdictsOf(receipt: SesReceiptRecord['ses']['receipt']): ReceiptVerdicts {
  const status = (value: { status: string } | undefined): VerdictStatus => {
    const upper = value?.status?.toUpperCase();
    return upper === 'PASS' || upper === 'FAIL' || upper === 'GRAY' || upper === 'PROCESSING_FAILED' ? upper : 'DISABLED';
  };
  return {
    spam: status(receipt.spamVerdict),
    virus: status(receipt.virusVerdict),
    spf: status(receipt.spfVerdict),
    dkim: status(receipt.dkimVerdict),
    dmarc: status(receipt.dmarcVerdict),
  };
}

function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
