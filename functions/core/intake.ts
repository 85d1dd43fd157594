import type { AppConfig } from '#config/app-config';
import type { ParsedInbound } from '#mail/parse';
import { classify } from './classify/index.ts';
import type { Complaint, StoredAttachment, TimelineEvent } from './complaint.ts';
import { addDuration } from './duration.ts';
import { findIdentifiers } from './identifiers.ts';
import { referenceFor } from './reference.ts';

/** DynamoDB items stop at 400 KB; the whole body stays in the raw mail in S3. */
export const STORED_BODY_CHARS = 100_000;

export interface InboundReceipt {
  sesMessageId: string;
  receivedAt: string;
  rawS3Key: string;
}

export function buildComplaint(
  mail: ParsedInbound & { from: NonNullable<ParsedInbound['from']> },
  receipt: InboundReceipt,
  attachments: StoredAttachment[],
  config: AppConfig,
  attempt = 0,
): Complaint {
  const classificationText = mail.text.slice(0, config.limits.classificationChars);
  const identifiers = findIdentifiers(`${mail.subject}\n${classificationText}`, config.identifierPatterns);
  return {
    reference: referenceFor(receipt.sesMessageId, attempt),
    status: 'open',
    sourceMessageId: receipt.sesMessageId,
    customer: { name: mail.from.name || nameFromAddress(mail.from.address), email: mail.from.address },
    subject: mail.subject || '(no subject)',
    body: mail.text.slice(0, STORED_BODY_CHARS),
    bodyTruncated: mail.text.length > STORED_BODY_CHARS,
    receivedAt: receipt.receivedAt,
    customerMessageId: mail.messageId,
    customerReferences: mail.references,
    accountNumbers: identifiers.accountNumbers,
    orderNumbers: identifiers.orderNumbers,
    attachments,
    rawS3Key: receipt.rawS3Key,
    classification: classify(mail.subject, classificationText, config.defaultLocale),
    sla: {
      firstResponseDue: addDuration(receipt.receivedAt, config.sla.firstResponse),
      resolutionDue: addDuration(receipt.receivedAt, config.sla.resolution),
    },
  };
}

export function receivedEvent(complaint: Complaint): TimelineEvent {
  const { language, category, severity } = complaint.classification;
  return {
    at: complaint.receivedAt,
    type: 'complaint-received',
    actor: 'customer',
    summary: `Complaint received: ${complaint.subject}`,
    details: { language, category, severity, attachments: complaint.attachments.length },
  };
}

/** "jane.doe@example.com" → "Jane Doe": a greeting better than the bare address. */
export function nameFromAddress(address: string): string {
  const local = address.split('@')[0] ?? address;
  const words = local.split(/[._-]+/).filter((word) => /^\p{L}+$/u.test(word));
  if (words.length === 0) return local;
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase()).join(' ');
}
