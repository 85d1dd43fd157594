import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient, s3Client } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { DynamoSuppressionList } from '#adapters/dynamo-suppression-list';
import { windowOf } from '#core/patterns/window';
import type { SesReceiptEvent } from '#events/ses-receipt';
import type { OutboxMessage } from '#local/ses-outbox';
import type { InboundOutcome } from '#workflows/ports';
import { startTestStack, waitFor, type TestStack } from '../support/local-stack.ts';
import { sendComplaint } from '../support/smtp.ts';

// Ordinary customer addresses the SES stand-in treats like the mailbox simulator's bounce@ and
// complaint@ (those would be screened on the way in as automated senders).
const BOUNCING = 'gone@customer.test';
const COMPLAINING = 'angry@customer.test';
const AGENT = 'sam.berg@staff.example.org';

let stack: TestStack;
let store: DynamoComplaintStore;
let suppressions: DynamoSuppressionList;
let inbound: (event: unknown) => Promise<InboundOutcome[]>;

beforeAll(async () => {
  stack = await startTestStack({ pollScheduler: false, simulate: { bounce: [BOUNCING], complaint: [COMPLAINING] } });
  store = new DynamoComplaintStore(dynamoDocumentClient(), 'complaints');
  suppressions = new DynamoSuppressionList(dynamoDocumentClient(), 'complaints');
  ({ handler: inbound } = await import('../../functions/handlers/inbound.ts'));
});
afterAll(async () => {
  await stack?.dispose();
});

const mailTo = async (address: string): Promise<OutboxMessage[]> => (await stack.outbox.messages()).filter((message) => message.envelope.destinations.includes(address));
async function parsed(message: OutboxMessage): Promise<ParsedMail> {
  const body = await fetch(`${stack.outbox.endpoint}/messages/${message.id}.eml`).then((response) => response.arrayBuffer());
  return simpleParser(Buffer.from(body));
}
async function complaintBySmtp(from: string, subject: string): Promise<{ reference: string; notification: ParsedMail }> {
  await sendComplaint(stack.smtpPort, { from, subject, text: 'The kettle I bought last week stopped working. I want a refund.' });
  const notice = await waitFor(async () => (await mailTo('agents@example.com')).find((message) => message.subject?.includes(subject)), 8_000, 50);
  await stack.drain();
  const notification = await parsed(notice);
  return { reference: /CMP-[2-9A-HJ-NP-Z]{6}/.exec(notification.subject ?? '')![0], notification };
}

let delivered = 0;
/** Stores the raw mail where SES's S3 action would and returns the receipt event its Lambda action sends. */
async function receiptEvent(from: string, subject: string, timestamp: string): Promise<SesReceiptEvent> {
  delivered += 1;
  const messageId = `guards${Date.now()}x${delivered}`.padEnd(40, '0');
  const raw = [`From: ${from}`, 'To: complaints@example.com', `Subject: ${subject}`, `Message-ID: <${messageId}@customer.test>`, 'Content-Type: text/plain; charset=utf-8', '', 'My parcel never arrived and nobody answers my emails.', ''].join('\r\n');
  await s3Client().send(new PutObjectCommand({ Bucket: 'complaints-mail', Key: `inbound/${messageId}`, Body: raw }));
  const pass = { status: 'PASS' };
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        ses: {
          mail: { messageId, timestamp, source: from, destination: ['complaints@example.com'] },
          receipt: { recipients: ['complaints@example.com'], spamVerdict: pass, virusVerdict: pass, spfVerdict: pass, dkimVerdict: pass, dmarcVerdict: pass },
        },
      },
    ],
  };
}
const referenceOf = (outcomes: InboundOutcome[]): string => {
  const [outcome] = outcomes;
  if (outcome?.outcome !== 'complaint') throw new Error(`expected a complaint, got ${JSON.stringify(outcome)}`);
  return outcome.reference;
};
/** Times inside one cap window (PT24H), whatever the time of day the test runs. */
const inOneWindow = (second: number): string => new Date(Date.parse(windowOf(new Date().toISOString(), 'PT24H').start) + 3_600_000 + second * 1000).toISOString();

describe('SES bounces and complaints', () => {
  it('a customer address that bounces is suppressed with the reason, and a later email to it is not sent', async () => {
    const { reference, notification } = await complaintBySmtp(BOUNCING, 'Kettle stopped working');
    expect(await mailTo(BOUNCING)).toHaveLength(1); // the acknowledgement: SES accepted it, then it bounced

    const suppression = await waitFor(async () => suppressions.get(BOUNCING), 5_000, 50);
    expect(suppression).toMatchObject({ address: BOUNCING, kind: 'bounce', bounceType: 'Permanent', bounceSubType: 'General', diagnosticCode: 'smtp; 550 5.1.1 user unknown' });
    expect(suppression.reason).toMatch(/^gone@customer\.test bounced permanently on \d{4}-\d\d-\d\d \(General: smtp; 550 5\.1\.1 user unknown\)$/);
    const bounced = await waitFor(async () => (await store.getTimeline(reference)).find((event) => event.type === 'address-suppressed'), 5_000, 50);
    expect(bounced.summary).toBe('The customer’s address gone@customer.test bounced permanently (General: smtp; 550 5.1.1 user unknown); it will not be emailed again.');

    // An agent answers: the reply is recorded, but nothing goes to the suppressed address.
    await sendComplaint(stack.smtpPort, {
      from: AGENT,
      to: notification.replyTo!.value[0]!.address!,
      subject: `Re: ${notification.subject}`,
      text: 'We are sending you a new kettle today.',
      headers: { 'In-Reply-To': notification.messageId!, References: notification.messageId! },
    });
    await waitFor(async () => (await store.getTimeline(reference)).find((event) => event.type === 'agent-reply'), 8_000, 50);
    await stack.drain();
    expect(await mailTo(BOUNCING)).toHaveLength(1);
    const notSent = (await store.getTimeline(reference)).filter((event) => event.type === 'email-not-sent');
    expect(notSent.map((event) => event.summary)).toEqual([`agent-reply not sent: ${suppression.reason}`]);
    expect(notSent[0]?.details).toMatchObject({ status: 'suppressed', address: BOUNCING });
    // …and the agent learns their words did not reach the customer.
    const toldAgent = await waitFor(async () => (await mailTo(AGENT)).find((message) => message.text?.includes('not sent to the customer')), 8_000, 50);
    expect(toldAgent.text).toContain(suppression.reason);
  });

  it('a customer who reports our mail as spam is suppressed too', async () => {
    const { reference } = await complaintBySmtp(COMPLAINING, 'Rude delivery driver');
    const suppression = await waitFor(async () => suppressions.get(COMPLAINING), 5_000, 50);
    expect(suppression).toMatchObject({ kind: 'complaint', complaintFeedbackType: 'abuse' });
    expect(suppression.reason).toMatch(/^angry@customer\.test reported our email as unwanted on \d{4}-\d\d-\d\d \(feedback type abuse\)$/);
    const event = await waitFor(async () => (await store.getTimeline(reference)).find((entry) => entry.type === 'address-suppressed'), 5_000, 50);
    expect(event.summary).toBe('The customer’s address angry@customer.test reported our email as unwanted (abuse); it will not be emailed again.');
    expect((await suppressions.listActive()).map((entry) => entry.address)).toEqual(expect.arrayContaining([BOUNCING, COMPLAINING]));
  });
});

describe('the cap on automatic replies (3 per address per 24 h)', () => {
  it('acknowledges 3 complaints from one address; the 4th is recorded, the agents hear of it, the timeline says why', async () => {
    const customer = 'frequent@customer.test';
    const references: string[] = [];
    for (let index = 0; index < 4; index += 1) references.push(referenceOf(await inbound(await receiptEvent(customer, `Parcel ${index + 1} missing`, inOneWindow(index)))));

    const acknowledgements = await mailTo(customer);
    expect(acknowledgements).toHaveLength(3);
    for (const reference of references.slice(0, 3)) expect(acknowledgements.some((message) => message.subject?.includes(reference))).toBe(true);

    const fourth = references[3]!;
    expect((await store.getComplaint(fourth))?.status).toBe('open');
    expect((await mailTo('agents@example.com')).filter((message) => references.some((reference) => message.subject?.includes(reference)))).toHaveLength(4);
    const timeline = await store.getTimeline(fourth);
    const notSent = timeline.find((event) => event.type === 'email-not-sent');
    expect(notSent?.summary).toMatch(/^acknowledgement not sent: 3 automatic replies already sent to this address in the 24 h window from \d{4}-\d\d-\d\d 00:00 UTC$/);
    expect(notSent?.details).toMatchObject({ status: 'capped', address: customer });
    expect(timeline.filter((event) => event.type === 'email-sent').map((event) => event.summary)).toEqual(['agent-notification sent to agents@example.com (en)']);
  });

  it('one inbound message delivered more than once takes one slot, concurrently or after a failed attempt', async () => {
    const customer = 'twice@customer.test';
    const first = await receiptEvent(customer, 'Wrong size delivered', inOneWindow(10));
    const [outcomes] = await Promise.all([inbound(first), inbound(first)]);
    referenceOf(outcomes!);
    await inbound(first);

    // SES throttles the acknowledgement of the second message (the SDK's own retries included), so the
    // invocation fails after taking its slot; Lambda's retry sends it without taking another.
    const second = await receiptEvent(customer, 'Refund not received', inOneWindow(11));
    await fetch(`${stack.outbox.endpoint}/_faults`, { method: 'POST', body: JSON.stringify({ throttleNext: 3 }) });
    await expect(inbound(second)).rejects.toThrow(/Maximum sending rate exceeded/);
    referenceOf(await inbound(second));

    const third = referenceOf(await inbound(await receiptEvent(customer, 'Still waiting', inOneWindow(12))));
    const fourth = referenceOf(await inbound(await receiptEvent(customer, 'Hello?', inOneWindow(13))));
    const acknowledgements = await mailTo(customer);
    expect(acknowledgements).toHaveLength(3);
    expect(acknowledgements.some((message) => message.subject?.includes(third))).toBe(true);
    expect((await store.getTimeline(fourth)).some((event) => event.type === 'email-not-sent')).toBe(true);
    const { Item } = await dynamoDocumentClient().send(
      new GetCommand({ TableName: 'complaints', Key: { pk: `AUTOREPLY#${customer}`, sk: windowOf(inOneWindow(0), 'PT24H').start } }),
    );
    expect(Item?.count).toBe(3);
  });
});
