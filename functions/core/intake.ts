import type { AppConfig } from '#config/app-config';
import type { ParsedInbound } from '#mail/parse';
import { classify } from './classify/index.ts';
import type { Complaint, StoredAttachment, TimelineEvent } from './complaint.ts';
import { addDuration } from './duration.ts';
import { findIdentifiers } from './identifiers.ts';
import { referenceFor } from './reference.ts';

/**
 * DynamoDB items stop at 400 KB. The stored body keeps at most this many UTF-8 bytes (a limit in
 * characters would not do: 100,000 characters of CJK text are 300 KB); the whole text stays in the raw mail in S3.
 */
export const STORED_BODY_BYTES = 100_000;
export const TRUNCATION_MARKER = '\n\n[… truncated here; the full text is in the raw message]';

export interface InboundReceipt {
  sesMessageId: string;
  receivedAt: string;
  rawS3Key: string;
}

export interface IntakeContext {
  /** The language of the customer's latest earlier complaint: decides when the text does not. */
  previousLanguage?: string | undefined;
  /** Why attachments were not stored, one sentence each (storeAttachments in receive-mail). */
  attachmentsNotStored?: readonly string[];
}

export function buildComplaint(
  mail: ParsedInbound & { from: NonNullable<ParsedInbound['from']> },
  receipt: InboundReceipt,
  attachments: StoredAttachment[],
  config: AppConfig,
  attempt = 0,
  context: IntakeContext = {},
): Complaint {
  // Classification and identifier search read a bounded prefix: their cost must not grow with a 30 MB body.
  const classificationText = mail.text.slice(0, config.limits.classificationChars);
  const identifiers = findIdentifiers(`${mail.subject}\n${classificationText}`, config.identifierPatterns);
  const body = truncateUtf8(mail.text, STORED_BODY_BYTES);
  return {
    reference: referenceFor(receipt.sesMessageId, attempt),
    status: 'open',
    sourceMessageId: receipt.sesMessageId,
    customer: { name: mail.from.name || nameFromAddress(mail.from.address), email: mail.from.address },
    subject: mail.subject || '(no subject)',
    body: body.truncated ? `${body.text}${TRUNCATION_MARKER}` : body.text,
    bodyTruncated: body.truncated,
    receivedAt: receipt.receivedAt,
    customerMessageId: mail.messageId,
    customerReferences: mail.references,
    accountNumbers: identifiers.accountNumbers,
    orderNumbers: identifiers.orderNumbers,
    attachments,
    ...(context.attachmentsNotStored?.length ? { attachmentsNotStored: [...context.attachmentsNotStored] } : {}),
    rawS3Key: receipt.rawS3Key,
    classification: classify(mail.subject, classificationText, config.defaultLocale, { previousLanguage: context.previousLanguage }),
    sla: {
      firstResponseDue: addDuration(receipt.receivedAt, config.sla.firstResponse),
      resolutionDue: addDuration(receipt.receivedAt, config.sla.resolution),
    },
  };
}

/** The longest prefix of `text` within `maxBytes` of UTF-8, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): { text: string; truncated: boolean } {
  if (text.length * 3 <= maxBytes) return { text, truncated: false };
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return { text, truncated: false };
  let cut = maxBytes;
  // Back up over continuation bytes (10xxxxxx) to the first byte of the character that does not fit.
  while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut -= 1;
  return { text: bytes.subarray(0, cut).toString('utf8'), truncated: true };
}

export function receivedEvent(complaint: Complaint): TimelineEvent {
  const { language, category, severity } = complaint.classification;
  return {
    at: complaint.receivedAt,
    type: 'complaint-received',
    actor: 'customer',
    summary: `Complaint received: ${complaint.subject}`,
    details: { language, category, severity, attachments: complaint.attachments.length, ...(complaint.attachmentsNotStored?.length ? { attachmentsNotStored: complaint.attachmentsNotStored.join(' ') } : {}) },
  };
}

/** "jane.doe@example.com" → "Jane Doe": a greeting better than the bare address. */
export function nameFromAddress(address: string): string {
  const local = address.split('@')[0] ?? address;
  const words = local.split(/[._-]+/).filter((word) => /^\p{L}+$/u.test(word));
  if (words.length === 0) return local;
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase()).join(' ');
}
