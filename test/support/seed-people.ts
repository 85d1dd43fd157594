import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTransport } from 'nodemailer';
import { dynamoDocumentClient, s3Client } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { RUNTIME_ENV } from '#adapters/table-schema';
import type { AppConfigInput } from '#config/app-config';
import { agentReplyAddress } from '#core/mailbox/agent-address';
import { windowOf } from '#core/patterns/window';
import { LOCAL_APP_CONFIG } from '#local/local-config';
import { waitFor, type TestStack } from './local-stack.ts';

export const TABLE = 'complaints';
export const BUCKET = 'complaints-mail';
const AGENT = 'sam.berg@staff.example.org';

/** Nothing scheduled falls due while a test runs, except the resolution letter (due at once). */
export const QUIET_CONFIG: AppConfigInput = {
  ...LOCAL_APP_CONFIG,
  sla: { firstResponse: 'P1D', resolution: 'P5D' },
  lifecycle: { followUpEvery: 'P2D', followUpMax: 1, feedbackRequestAfter: 'P1D', feedbackLinkValidity: 'P30D' },
};

export interface Person {
  name: string;
  address: string;
  /** Words that appear only in this person's mail (subjects and bodies). */
  secrets: string[];
  references: string[];
}

export interface SeededPeople {
  ann: Person;
  bo: Person;
  cy: Person;
  /** The burst window every seeded complaint was counted in. */
  windowStart: string;
}

let sequence = 0;

export async function sendMail(
  stack: TestStack,
  mail: { from: string; to?: string; subject: string; text: string; headers?: Record<string, string>; attachments?: Array<{ filename: string; content: string }> },
): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true });
  sequence += 1;
  await transport.sendMail({ to: 'complaints@example.com', messageId: `<seed-${Date.now()}-${sequence}@customer.test>`, ...mail });
  transport.close();
  await stack.drain();
}

async function newComplaint(stack: TestStack, store: DynamoComplaintStore, person: Person, subject: string, text: string, attachment?: string): Promise<string> {
  await sendMail(stack, {
    from: `"${person.name}" <${person.address}>`,
    subject,
    text,
    attachments: attachment ? [{ filename: attachment, content: `${attachment} of ${person.name}` }] : undefined,
  });
  const reference = await waitFor(async () => (await store.complaintsOf(person.address, 50)).find((complaint) => complaint.subject === subject)?.reference, 8_000);
  person.references.push(reference);
  return reference;
}

/**
 * Three customers on one local stack, all complaining about delivery on the same day:
 *   Ann: a complaint with an attachment, her reply, an agent's relayed reply, #resolve (letter PDF),
 *        a screened auto-reply, a second complaint, suppression and auto-reply-cap items, a
 *        quarantined copy of her screened mail and the burst's pattern record naming her complaint;
 *   Bo:  a complaint with an attachment and a reply, a suppression item;
 *   Cy:  a complaint with an attachment and a reply.
 */
export async function seedPeople(stack: TestStack): Promise<SeededPeople> {
  const store = new DynamoComplaintStore(dynamoDocumentClient(), TABLE);
  const secret = stack.env[RUNTIME_ENV.signingSecret]!;
  const ann: Person = { name: 'Annika Privatperson', address: 'annika.private@customer.test', secrets: ['Zanzibar parcel', 'marmalade-9731', 'tulip-4417'], references: [] };
  const bo: Person = { name: 'Bogdan Otherman', address: 'bogdan.other@customer.test', secrets: ['Lisbon parcel', 'walnut-2288'], references: [] };
  const cy: Person = { name: 'Cyrille Thirdly', address: 'cyrille.third@customer.test', secrets: ['Oslo parcel', 'pepper-5150'], references: [] };

  const annFirst = await newComplaint(stack, store, ann, 'Zanzibar parcel never arrived', 'My parcel never arrived and the tracking has not moved for days. Reference marmalade-9731.', 'receipt.pdf');
  const acknowledged = await waitFor(async () => (await store.getComplaint(annFirst))?.acknowledgement?.messageIdHeader, 8_000);
  await sendMail(stack, {
    from: `"${ann.name}" <${ann.address}>`,
    subject: 'Re: Zanzibar parcel never arrived',
    text: 'Still nothing at my door, tulip-4417.',
    headers: { 'In-Reply-To': acknowledged, References: acknowledged },
  });
  const agentAddress = agentReplyAddress('complaints@example.com', annFirst, secret);
  await sendMail(stack, { from: AGENT, to: agentAddress, subject: `Re: [${annFirst}] New complaint`, text: 'Hello Annika,\n\nA courier brings a new parcel tomorrow.\n\nSam' });
  await sendMail(stack, { from: AGENT, to: agentAddress, subject: `Re: [${annFirst}] New complaint`, text: '#resolve A new parcel was delivered; the late one is refunded.' });
  await waitFor(async () => (await store.getComplaint(annFirst))?.resolution?.letterS3Key, 15_000, 100);
  await sendMail(stack, {
    from: `"${ann.name}" <${ann.address}>`,
    subject: 'Automatic reply: Zanzibar parcel never arrived',
    text: 'I am away until Monday.',
    headers: { 'Auto-Submitted': 'auto-replied' },
  });
  await newComplaint(stack, store, ann, 'Still no Zanzibar parcel', 'The second parcel never arrived either and tracking shows nothing for days.');

  await newComplaint(stack, store, bo, 'Lisbon parcel never arrived', 'My parcel never arrived and the tracking has not moved, walnut-2288.', 'photo.jpg');
  const boAck = await waitFor(async () => (await store.getComplaint(bo.references[0]!))?.acknowledgement?.messageIdHeader, 8_000);
  await sendMail(stack, { from: `"${bo.name}" <${bo.address}>`, subject: 'Re: Lisbon parcel never arrived', text: 'Any news? walnut-2288', headers: { 'In-Reply-To': boAck, References: boAck } });

  await newComplaint(stack, store, cy, 'Oslo parcel never arrived', 'My parcel never arrived and tracking has not moved for days, pepper-5150.', 'invoice.txt');
  const cyAck = await waitFor(async () => (await store.getComplaint(cy.references[0]!))?.acknowledgement?.messageIdHeader, 8_000);
  await sendMail(stack, { from: `"${cy.name}" <${cy.address}>`, subject: 'Re: Oslo parcel never arrived', text: 'Hello? pepper-5150', headers: { 'In-Reply-To': cyAck, References: cyAck } });

  // Items and objects other parts of the system write (suppression, the auto-reply cap, quarantine, a burst).
  const annComplaint = (await store.getComplaint(annFirst))!;
  const windowStart = windowOf(annComplaint.receivedAt, 'P1D').start;
  const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
  const db = dynamoDocumentClient();
  const put = (item: Record<string, unknown>) => db.send(new PutCommand({ TableName: TABLE, Item: { ...item, expiresAt } }));
  await put({ pk: `SUPPRESS#${ann.address}`, sk: 'SUPPRESS', itemType: 'suppression', reason: 'bounce' });
  await put({ pk: `AUTOREPLY#${ann.address}`, sk: windowStart, itemType: 'auto-reply-count', count: 2 });
  await put({ pk: `AUTOREPLY#${ann.address}`, sk: '2026-01-01T00:00:00.000Z', itemType: 'auto-reply-count', count: 1 });
  await put({ pk: `SUPPRESS#${bo.address}`, sk: 'SUPPRESS', itemType: 'suppression', reason: 'complaint' });
  await put({ pk: `AUTOREPLY#${bo.address}`, sk: windowStart, itemType: 'auto-reply-count', count: 1 });
  const screened = (await store.listScreened({ limit: 50 })).find((record) => record.from === ann.address)!;
  await s3Client().send(new PutObjectCommand({ Bucket: BUCKET, Key: `quarantine/inbound/${screened.sesMessageId}`, Body: 'quarantined copy' }));
  const claim = await store.claimPattern(
    { category: annComplaint.classification.category, windowStart, windowEnd: windowOf(annComplaint.receivedAt, 'P1D').end, count: 6, baseline: 0, threshold: 5, reference: annFirst },
    new Date().toISOString(),
    expiresAt,
  );
  if (claim !== 'claimed') throw new Error(`pattern claim: ${claim}`);
  return { ann, bo, cy, windowStart };
}

export type Item = Record<string, unknown>;

/** The whole table (tests only: the product never scans). */
export async function scanTable(): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDocumentClient().send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export async function listBucket(): Promise<string[]> {
  const keys: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await s3Client().send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken }));
    keys.push(...(page.Contents ?? []).map((object) => object.Key!));
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return keys.sort();
}

export function jsonOf(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Set ? [...inner] : inner));
}
