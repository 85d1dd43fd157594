import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dynamoDocumentClient, s3Client } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import type { OutboxMessage } from '#local/ses-outbox';
import { startTestStack, waitFor, type TestStack } from '../support/local-stack.ts';
import { sendComplaint } from '../support/smtp.ts';

const CUSTOMER = 'maria.jensen@customer.test';
const AGENT = 'sam.berg@staff.example.org';
let stack: TestStack;
let store: DynamoComplaintStore;

beforeAll(async () => {
  stack = await startTestStack({ schedulerMaxDelaySeconds: 1 });
  store = new DynamoComplaintStore(dynamoDocumentClient(), 'complaints');
});
afterAll(async () => {
  await stack?.dispose();
});

async function raw(message: OutboxMessage): Promise<ParsedMail> {
  const body = await fetch(`${stack.outbox.endpoint}/messages/${message.id}.eml`).then((response) => response.arrayBuffer());
  return simpleParser(Buffer.from(body));
}
async function newMailTo(address: string, seen: Set<string>, match: (mail: OutboxMessage) => boolean = () => true): Promise<OutboxMessage> {
  return waitFor(async () => (await stack.outbox.messages()).find((mail) => !seen.has(mail.id) && mail.envelope.destinations.includes(address) && match(mail)), 8_000, 50);
}
const seenIds = async () => new Set((await stack.outbox.messages()).map((mail) => mail.id));

async function openComplaint(from: string, subject: string): Promise<{ reference: string; notification: ParsedMail }> {
  const seen = await seenIds();
  await sendComplaint(stack.smtpPort, { from, subject, text: 'The blender I ordered arrived with a cracked jug. I would like a replacement.' });
  const notification = await raw(await newMailTo('agents@example.com', seen));
  const reference = /CMP-[2-9A-HJ-NP-Z]{6}/.exec(notification.subject ?? '')![0];
  await stack.drain();
  return { reference, notification };
}

async function agentReply(notification: ParsedMail, text: string, options: { from?: string; to?: string; verdicts?: string } = {}): Promise<void> {
  await sendComplaint(stack.smtpPort, {
    from: options.from ?? AGENT,
    to: options.to ?? notification.replyTo!.value[0]!.address!,
    subject: `Re: ${notification.subject}`,
    text,
    headers: { 'In-Reply-To': notification.messageId!, References: notification.messageId!, ...(options.verdicts ? { 'X-Local-SES-Verdicts': options.verdicts } : {}) },
  });
  await stack.drain();
}

describe('agents work from their mailbox', () => {
  it('complaint → notification → relayed agent reply → customer reply threads back → #resolve sends the letter', async () => {
    const { reference, notification } = await openComplaint(CUSTOMER, 'Cracked blender jug');
    expect(notification.replyTo?.value[0]?.address).toMatch(new RegExp(`^complaints\\+${reference}\\.a\\.[a-z0-9]{20}@example\\.com$`));
    expect(notification.text).toContain(CUSTOMER);

    // The agent answers from the mailbox; the words reach the customer, threaded into their conversation.
    let seen = await seenIds();
    await agentReply(notification, 'Hi Maria,\n\nI am sorry about the jug. A new one leaves our warehouse today.\n\nSam\n\n> quoted notification text');
    const relayed = await raw(await newMailTo(CUSTOMER, seen));
    const complaint = (await store.getComplaint(reference))!;
    expect(relayed.text).toContain('A new one leaves our warehouse today.');
    expect(relayed.text).not.toContain('quoted notification text');
    expect(relayed.inReplyTo).toBe(complaint.customerMessageId);
    expect(String(relayed.references)).toContain(complaint.customerMessageId!);
    expect(relayed.headers.get('auto-submitted')).toBeUndefined();
    expect(relayed.subject).toContain(`[${reference}]`);
    expect(complaint.firstAgentReplyAt).toBeDefined();

    // The customer answers the relayed mail: it lands on the same complaint, with no new acknowledgement.
    seen = await seenIds();
    await sendComplaint(stack.smtpPort, {
      from: CUSTOMER,
      to: relayed.replyTo!.value[0]!.address!,
      subject: `Re: ${relayed.subject}`,
      text: 'Thank you! Could it come before Friday?',
      headers: { 'In-Reply-To': relayed.messageId!, References: `${complaint.customerMessageId} ${relayed.messageId}` },
    });
    await stack.drain();
    const again = await raw(await newMailTo('agents@example.com', seen));
    expect(again.subject).toMatch(/Customer replied/);
    expect((await stack.outbox.messages()).filter((mail) => !seen.has(mail.id) && mail.envelope.destinations.includes(CUSTOMER))).toHaveLength(0);
    const timeline = await store.getTimeline(reference);
    expect(timeline.filter((event) => event.type === 'customer-reply').map((event) => event.details?.via)).toEqual(['message-id']);
    expect((await store.listComplaints({ status: 'open' })).filter((other) => other.customer.email === CUSTOMER)).toHaveLength(1);

    // #resolve closes the case: the formal letter goes to the customer.
    seen = await seenIds();
    await agentReply(again, '#resolve A replacement jug was delivered on Thursday; you keep the cracked one.\n#prevent Jugs are now checked for cracks before packing.');
    const letter = await raw(await newMailTo(CUSTOMER, seen));
    expect(letter.text).toContain('A replacement jug was delivered on Thursday');
    expect(letter.text).toContain('Jugs are now checked for cracks before packing.');
    expect(letter.inReplyTo).toBe(complaint.customerMessageId);
    const resolved = await store.getComplaint(reference);
    expect(resolved?.status).toBe('resolved');

    // The same letter as an A4 PDF with selectable text, stored in S3 and linked from the record.
    const pdf = letter.attachments.find((attachment) => attachment.contentType === 'application/pdf');
    expect(pdf?.filename).toBe(`${reference}-resolution-letter.pdf`);
    const file = join(mkdtempSync(join(tmpdir(), 'letter-')), 'letter.pdf');
    writeFileSync(file, pdf!.content);
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(reference);
    expect(text).toContain('A replacement jug was delivered on Thursday');
    expect(text).toMatch(/apologi[sz]e/i);
    expect(resolved?.resolution?.letterS3Key).toBe(`letters/${reference}/${reference}-resolution-letter.pdf`);
    const stored = await s3Client().send(new GetObjectCommand({ Bucket: 'complaints-mail', Key: resolved!.resolution!.letterS3Key! }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(pdf!.content)).toBe(true);
  });

  it('keeps #note internal and answers an unknown command with an error to the agent only', async () => {
    const { reference, notification } = await openComplaint('note@customer.test', 'Late parcel');
    const seen = await seenIds();
    await agentReply(notification, '#note Called the carrier; parcel is in Aarhus.');
    expect((await store.getTimeline(reference)).some((event) => event.type === 'note' && event.summary.includes('Aarhus'))).toBe(true);

    await agentReply(notification, '#resolv Refund sent\n\nHello, we refunded you.');
    const error = await raw(await newMailTo(AGENT, seen));
    expect(error.text).toMatch(/unknown command #resolv/);
    expect((await stack.outbox.messages()).filter((mail) => !seen.has(mail.id) && mail.envelope.destinations.includes('note@customer.test'))).toHaveLength(0);
  });

  it.each<[string, { from?: string; to?: string; verdicts?: string }, RegExp, boolean]>([
    ['a sender not on the allowlist', { from: 'mallory@evil.test' }, /not on the agent allowlist/, false],
    ['a wrong token', { to: 'complaints+REF.a.aaaaaaaaaaaaaaaaaaaa@example.com' }, /token is not valid/, true],
    ['SPF and DKIM FAIL', { verdicts: 'spf=FAIL, dkim=FAIL' }, /could not authenticate/, true],
  ])('relays nothing from %s', async (_label, options, reason, explained) => {
    const customer = `spoof${Math.random().toString(36).slice(2, 8)}@customer.test`;
    const { reference, notification } = await openComplaint(customer, 'Spoof target');
    const seen = await seenIds();
    const to = options.to?.replace('REF', reference);
    await agentReply(notification, 'Your refund is cancelled. Send your card number to this address.', { ...options, to });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fresh = (await stack.outbox.messages()).filter((mail) => !seen.has(mail.id));
    expect(fresh.filter((mail) => mail.envelope.destinations.includes(customer))).toHaveLength(0);
    expect(fresh.some((mail) => mail.envelope.destinations.includes(AGENT))).toBe(explained);
    const rejected = (await store.getTimeline(reference)).find((event) => event.type === 'agent-reply-rejected');
    expect(rejected?.summary).toMatch(reason);
  });
});
