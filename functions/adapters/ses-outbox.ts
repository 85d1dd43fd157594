import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { autoReplyCapReason, autoReplyCounterExpiry, autoReplyWindow } from '#core/auto-reply-cap';
import { composeRawEmail, type OutboundEmail } from '#mail/compose';
import { sesMessageIdHeader } from '#mail/ses-message-id';
import type { AutoReplyLog, Clock, EmailKey, Outbox, SendGuards, SendOutcome, SentEmailRecord, SuppressionList } from '#workflows/ports';
import { DynamoAutoReplyLog } from './dynamo-auto-reply-log.ts';
import { fromItem } from './dynamo-complaint-store.ts';
import { DynamoSuppressionList } from './dynamo-suppression-list.ts';

export class EmailInFlightError extends Error {
  constructor(key: EmailKey) {
    super(`${key.kind}#${key.sequence} for ${key.reference} is being sent by another invocation; retry later`);
    this.name = 'EmailInFlightError';
  }
}

export interface SesOutboxOptions {
  /** How long a claim blocks other senders before it is presumed dead and may be taken over. */
  leaseMs?: number;
  /** How long a concurrent duplicate waits for the holder of the claim to finish. */
  waitForHolderMs?: number;
  pollMs?: number;
  messageIdDomain: string;
  /** The SES configuration set whose event destination reports bounces and complaints (SES_CONFIGURATION_SET). */
  configurationSetName?: string | undefined;
  /** Default: the suppression items in the same table. */
  suppressions?: SuppressionList;
  /** Default: the auto-reply counters in the same table. */
  autoReplies?: AutoReplyLog;
}

/**
 * Exactly-once sending on top of SES, which has no idempotency token:
 *   1. claim the business key (complaint, kind, sequence) with a conditional put;
 *   2. call SES;
 *   3. record SES's message id on the claim.
 * The one duplicate window: a crash after SES accepted the mail (2) but before the id was recorded
 * (3). The claim's lease then expires and a retry sends the mail again. Every other crash point
 * either sends nothing yet (retry sends once) or finds the recorded send (retry sends nothing).
 *
 * Between the claim and SES, two guards no caller can skip: nothing goes to an address on the
 * suppression list (SES bounces and complaints), and an automatic reply to inbound mail takes a slot
 * of the recipient's cap (RFC 3834 §2) or is not sent. A refused email's item records the refusal
 * (a concurrent duplicate returns it) and may be claimed again, so a later attempt is decided afresh
 * (after a suppression is lifted, or in a later window).
 */
export class SesOutbox implements Outbox {
  private readonly leaseMs: number;
  private readonly waitForHolderMs: number;
  private readonly pollMs: number;
  private readonly suppressions: SuppressionList;
  private readonly autoReplies: AutoReplyLog;

  constructor(
    private readonly ses: SESClient,
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
    private readonly options: SesOutboxOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 120_000;
    this.waitForHolderMs = options.waitForHolderMs ?? 5_000;
    this.pollMs = options.pollMs ?? 100;
    this.suppressions = options.suppressions ?? new DynamoSuppressionList(db, table);
    this.autoReplies = options.autoReplies ?? new DynamoAutoReplyLog(db, table);
  }

  async sendOnce(key: EmailKey, email: OutboundEmail, guards: SendGuards = {}): Promise<SendOutcome> {
    const itemKey = emailItemKey(key);
    const claimed = await this.claim(key, itemKey);
    if (!claimed) return this.awaitHolder(key, itemKey);
    const refused = await this.refusal(key, email, guards);
    if (refused) {
      await this.recordRefusal(itemKey, refused);
      return refused;
    }

    const raw = await composeRawEmail(email, this.options.messageIdDomain);
    const to = email.to.map((recipient) => recipient.address);
    const destinations = [...to, ...(email.cc ?? []).map((recipient) => recipient.address)];
    let sesMessageId: string;
    try {
      const result = await this.ses.send(
        new SendRawEmailCommand({
          Source: email.from.address,
          Destinations: destinations,
          RawMessage: { Data: raw },
          ...(this.options.configurationSetName ? { ConfigurationSetName: this.options.configurationSetName } : {}),
        }),
      );
      if (!result.MessageId) throw new Error('SES returned no MessageId');
      sesMessageId = result.MessageId;
    } catch (error) {
      await this.release(itemKey);
      throw error;
    }
    const region = await this.ses.config.region();
    const sent = { sesMessageId, messageIdHeader: sesMessageIdHeader(sesMessageId, region), sentAt: this.clock.now().toISOString(), to: to.join(', '), subject: email.subject };
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: itemKey,
        UpdateExpression: 'SET #state = :sent, sesMessageId = :id, messageIdHeader = :header, sentAt = :at, #to = :to, subject = :subject REMOVE leaseUntil',
        ExpressionAttributeNames: { '#state': 'state', '#to': 'to' },
        ExpressionAttributeValues: { ':sent': 'sent', ':id': sent.sesMessageId, ':header': sent.messageIdHeader, ':at': sent.sentAt, ':to': sent.to, ':subject': sent.subject },
      }),
    );
    return { status: 'sent', ...sent };
  }

  async listSent(reference: string): Promise<SentEmailRecord[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `C#${reference}`, ':prefix': 'EMAIL#' },
      }),
    );
    return Items.map((item) => fromItem<StoredEmail>(item)).filter((record): record is SentEmailRecord => record.state !== 'refused');
  }

  private async claim(key: EmailKey, itemKey: { pk: string; sk: string }): Promise<boolean> {
    const now = this.clock.now().getTime();
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...itemKey, itemType: 'email', kind: key.kind, sequence: key.sequence, state: 'claimed', claimedAt: new Date(now).toISOString(), leaseUntil: now + this.leaseMs, expiresAt: key.expiresAt },
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :claimed AND leaseUntil < :now) OR #state = :refused',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed', ':now': now, ':refused': 'refused' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Why this email must not go out, if it must not: a suppressed recipient, or a full auto-reply cap. */
  private async refusal(key: EmailKey, email: OutboundEmail, guards: SendGuards): Promise<Refusal | undefined> {
    const decidedAt = this.clock.now().toISOString();
    const recipients = [...email.to, ...(email.cc ?? [])].map((recipient) => recipient.address);
    const [suppressed] = await this.suppressions.activeAmong(recipients);
    if (suppressed) return { status: 'suppressed', address: suppressed.address, reason: suppressed.reason, decidedAt };
    if (!guards.autoReply) return undefined;
    const { cap, window, inResponseToAt } = guards.autoReply;
    const counting = autoReplyWindow(inResponseToAt, window);
    for (const address of email.to.map((recipient) => recipient.address)) {
      const slot = await this.autoReplies.take({ address, windowStart: counting.start, emailKey: `${key.reference}/${key.kind}#${key.sequence}`, cap, expiresAt: autoReplyCounterExpiry(counting) });
      if (slot.result === 'over-cap') return { status: 'capped', address, reason: autoReplyCapReason(cap, counting), decidedAt };
    }
    return undefined;
  }

  /** The claim becomes the record of the refusal: not listed as sent, answered to duplicates, claimable again. */
  private async recordRefusal(itemKey: { pk: string; sk: string }, refusal: Refusal): Promise<void> {
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.table,
          Key: itemKey,
          UpdateExpression: 'SET #state = :refused, refusal = :refusal REMOVE leaseUntil',
          ConditionExpression: '#state = :claimed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':refused': 'refused', ':refusal': refusal, ':claimed': 'claimed' },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }

  /** SES refused: give the claim back so a retry can send. */
  private async release(itemKey: { pk: string; sk: string }): Promise<void> {
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.table,
          Key: itemKey,
          UpdateExpression: 'SET leaseUntil = :zero',
          ConditionExpression: '#state = :claimed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':zero': 0, ':claimed': 'claimed' },
        }),
      )
      .catch(() => undefined);
  }

  private async awaitHolder(key: EmailKey, itemKey: { pk: string; sk: string }): Promise<SendOutcome> {
    const deadline = Date.now() + this.waitForHolderMs;
    for (;;) {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: itemKey, ConsistentRead: true }));
      const record = Item ? fromItem<StoredEmail>(Item) : undefined;
      if (record?.state === 'refused') return record.refusal;
      if (record?.state === 'sent') {
        return { status: 'already-sent', sesMessageId: record.sesMessageId, messageIdHeader: record.messageIdHeader, sentAt: record.sentAt, to: record.to, subject: record.subject };
      }
      if (Date.now() >= deadline) throw new EmailInFlightError(key);
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }
}

type Refusal = Extract<SendOutcome, { status: 'suppressed' | 'capped' }>;

/** An EMAIL# item: a claim, a sent email, or an email the guards refused (with why). */
type StoredEmail = SentEmailRecord | { state: 'refused'; refusal: Refusal };

export function emailItemKey(key: EmailKey): { pk: string; sk: string } {
  return { pk: `C#${key.reference}`, sk: `EMAIL#${key.kind}#${String(key.sequence).padStart(4, '0')}` };
}
