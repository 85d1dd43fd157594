import type { RecipientFeedback } from '#core/suppression';
import type { Complaint, Feedback, Resolution, TimelineEvent } from '#core/complaint';
import type { ScheduledJob } from '#core/lifecycle';
import type { FlaggedComplaint, RepeatInfo } from '#core/patterns/repeat';
import type { PatternRecord, ReportComplaint } from '#core/patterns/report';
import type { OutboundEmail } from '#mail/compose';

export interface RawMail {
  content: Buffer;
  size: number;
}

export interface MailStore {
  /** Size first, so an oversized message is refused without being downloaded. */
  rawSize(key: string): Promise<number>;
  getRaw(key: string): Promise<RawMail>;
  putAttachment(key: string, content: Buffer, contentType: string): Promise<void>;
  /**
   * Moves the raw message, unread, where nothing reads it and a short lifecycle rule empties it;
   * returns its new key. Idempotent: done again after a crash, it finds the move made.
   */
  quarantine(key: string): Promise<string>;
}

export type InboundOutcome =
  | { outcome: 'complaint'; reference: string; possiblyRelatedTo?: string }
  | { outcome: 'customer-reply'; reference: string; via: string; reopened?: boolean }
  | { outcome: 'agent-reply'; reference: string; agent: string; commands: string[]; relayed: boolean }
  | { outcome: 'rejected'; reason: string; reference?: string }
  | { outcome: 'screened'; rule: string; reason: string }
  /** SES found a virus: the raw mail was moved to `quarantineKey` unread, and nothing else happened. */
  | { outcome: 'quarantined'; reason: string; quarantineKey: string }
  /** An out-of-office or other automatic reply from the customer, added to the timeline silently. */
  | { outcome: 'auto-reply'; reference: string; reason: string }
  | { outcome: 'ignored'; reason: string };

export interface InboundRecord {
  sesMessageId: string;
  receivedAt: string;
  result: InboundOutcome;
  from?: string;
  subject?: string;
}

export type MessageDirection = 'sent' | 'received';

export type CreateResult = 'created' | 'exists' | 'collision';

export interface ComplaintStore {
  getInbound(sesMessageId: string): Promise<InboundRecord | undefined>;
  recordInbound(record: InboundRecord, expiresAt: number): Promise<void>;
  /** Creates the complaint unless its reference exists: 'exists' when it came from the same message. */
  createComplaint(complaint: Complaint, expiresAt: number): Promise<CreateResult>;
  getComplaint(reference: string): Promise<Complaint | undefined>;
  /** Idempotent: an event is keyed on (time, type), so a retried step rewrites the same item. */
  addEvent(reference: string, event: TimelineEvent, expiresAt: number): Promise<void>;
  getTimeline(reference: string): Promise<TimelineEvent[]>;
  /** `sent`: a Message-ID we gave our own mail; `received`: one a customer's mail carried. */
  linkMessageId(messageId: string, reference: string, expiresAt: number, direction: MessageDirection): Promise<void>;
  findByMessageId(messageId: string): Promise<string | undefined>;
  /** The link with its direction (links written before directions were recorded have none). */
  findMessageLink(messageId: string): Promise<{ reference: string; direction?: MessageDirection } | undefined>;
  recordAcknowledgement(reference: string, acknowledgement: NonNullable<Complaint['acknowledgement']>): Promise<void>;
  /** open → resolved; 'not-open' when it was not open (already resolved, or unknown). */
  resolveComplaint(reference: string, resolution: Resolution): Promise<'resolved' | 'not-open'>;
  /** Records the first feedback only; 'already' when feedback exists, 'not-resolved' when the complaint is open. */
  recordFeedback(reference: string, feedback: Feedback): Promise<'recorded' | 'already' | 'not-resolved'>;
  /** resolved → open again; 'not-resolved' when it was not resolved. */
  reopenComplaint(reference: string): Promise<'reopened' | 'not-resolved'>;
  updateClassification(reference: string, change: { category?: string; severity?: string }): Promise<void>;
  /** Records an agent's reply time (first and last) for the SLA and the follow-up rules. */
  recordAgentReply(reference: string, at: string): Promise<void>;
  /** Links the stored PDF of the resolution letter from the record. */
  recordLetter(reference: string, s3Key: string): Promise<void>;
  /** The customer's complaints, newest first, through the per-customer index (no scan). */
  complaintsOf(customerEmail: string, limit?: number): Promise<Complaint[]>;
  listComplaints(query: { status?: string; limit?: number }): Promise<Complaint[]>;
  listScreened(query: { limit?: number }): Promise<InboundRecord[]>;

  // ---- Repeats, category counters, pattern escalations, reports (workflows/patterns.ts, report.ts)

  /** The customer's complaints received in [since, until], oldest first, through the per-customer index (no scan); only what repeat detection reads. */
  customerComplaintsBetween(customerEmail: string, since: string, until: string): Promise<Array<Pick<FlaggedComplaint, 'reference' | 'receivedAt' | 'classification'>>>;
  /** Stores the repeat flag on the complaint once (the first write wins) and returns what is stored. */
  recordRepeat(reference: string, repeat: RepeatInfo): Promise<RepeatInfo>;
  /**
   * Adds the complaint to its category's counter for one window, exactly once per reference
   * (an atomic ADD guarded by the set of references already counted). `counted` is false when
   * it had been counted before; `count` is the window's count either way.
   */
  countInWindow(input: { category: string; windowStart: string; reference: string; expiresAt: number }): Promise<{ count: number; counted: boolean }>;
  /** The counts of a category's windows starting in [firstStart, lastStart] (one Query; windows without a counter are absent). */
  windowCounts(category: string, firstStart: string, lastStart: string): Promise<Array<{ windowStart: string; count: number }>>;
  /**
   * Claims the single escalation of a (category, window) for one complaint: 'claimed' the first
   * time, 'mine' when that same complaint claims again (a retry), 'taken' for any other.
   */
  claimPattern(record: PatternRecord, claimedAt: string, expiresAt: number): Promise<'claimed' | 'mine' | 'taken'>;
  /** Escalated patterns whose window starts in [from, to) (status index, no scan). */
  listPatterns(query: { from: string; to: string }): Promise<PatternRecord[]>;
  /** Every complaint received in [from, to), any status: one status-index query per status, no scan; the report's fields only. */
  listReceivedBetween(query: { from: string; to: string }): Promise<ReportComplaint[]>;
}

export interface EmailKey {
  reference: string;
  kind: string;
  sequence: number;
  /** When the claim and log item expires (DynamoDB TTL, epoch seconds): the complaint's retention. */
  expiresAt: number;
}

export interface SentEmail {
  sesMessageId: string;
  /** The Message-ID header SES gave the mail: `<sesMessageId@region.amazonses.com>`. */
  messageIdHeader: string;
  sentAt: string;
  to: string;
  subject: string;
}

/** The fields of a sent email, absent on an outcome where nothing was sent. */
type NothingSent = { [field in keyof SentEmail]?: undefined };

export type SendOutcome =
  | ({ status: 'sent' } & SentEmail)
  | ({ status: 'already-sent' } & Partial<SentEmail>)
  /** A recipient is on the suppression list (an SES bounce or complaint): nothing was sent. */
  | ({ status: 'suppressed'; address: string; reason: string; decidedAt: string } & NothingSent)
  /** The per-address cap on automatic replies (RFC 3834 §2) was reached: nothing was sent. */
  | ({ status: 'capped'; address: string; reason: string; decidedAt: string } & NothingSent);

/** What an email is, besides its key, that decides whether it may go out at all. */
export interface SendGuards {
  /**
   * An automatic response to inbound mail: it takes one slot of the recipient's cap in the window
   * holding `inResponseToAt` (the time the mail it answers was received), once per email key.
   */
  autoReply?: { cap: number; window: string; inResponseToAt: string };
}

export interface SentEmailRecord extends Partial<SentEmail> {
  kind: string;
  sequence: number;
  state: 'claimed' | 'sent';
  claimedAt: string;
}

export interface Outbox {
  /**
   * Sends at most once per key (see the duplicate window documented on the adapter), never to an
   * address on the suppression list, and an automatic reply only within the recipient's cap.
   */
  sendOnce(key: EmailKey, email: OutboundEmail, guards?: SendGuards): Promise<SendOutcome>;
  listSent(reference: string): Promise<SentEmailRecord[]>;
}

export type SuppressionKind = RecipientFeedback['kind'];

/**
 * One address SES told us not to mail again (table item SUPPRESS#<address> / SUPPRESS): the
 * feedback core/suppression.ts decided to suppress on, as stored.
 */
export interface Suppression extends Omit<RecipientFeedback, 'action' | 'feedbackId'> {
  feedbackId?: string;
  /** Set when an administrator lifted it: the address may be mailed again. */
  lifted?: { at: string; by: string; reason: string };
}

export interface SuppressionList {
  /**
   * Records (or renews) a suppression. A bounce or complaint newer than an administrator's lift
   * suppresses again; an older one (a redelivered notification) does not: 'lifted-since'.
   */
  suppress(suppression: Omit<Suppression, 'lifted'>, expiresAt: number): Promise<'suppressed' | 'lifted-since'>;
  /** The active (not lifted) suppressions among these addresses. */
  activeAmong(addresses: readonly string[]): Promise<Suppression[]>;
  get(address: string): Promise<Suppression | undefined>;
  /** Active suppressions, newest first (one index query, no scan). */
  listActive(limit?: number): Promise<Suppression[]>;
  /** 'lifted', or 'not-suppressed' when there was no active suppression. */
  lift(address: string, lift: { at: string; by: string; reason: string }): Promise<'lifted' | 'not-suppressed'>;
}

export interface AutoReplyLog {
  /**
   * Takes a slot of the address's cap for one email key in one window, atomically: 'counted' the
   * first time, 'already-counted' for the same key again (a retry), 'over-cap' when the window is full.
   */
  take(input: { address: string; windowStart: string; emailKey: string; cap: number; expiresAt: number }): Promise<{ result: 'counted' | 'already-counted' | 'over-cap'; count: number }>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Scheduler {
  readonly maxDelaySeconds: number;
  /** Enqueues the job to arrive when due, or after the longest delay the queue allows. */
  schedule(job: ScheduledJob): Promise<void>;
  enqueue(job: ScheduledJob, delaySeconds: number): Promise<void>;
}
