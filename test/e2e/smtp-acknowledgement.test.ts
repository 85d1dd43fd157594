import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from 'nodemailer';
import { simpleParser } from 'mailparser';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { startTestStack, waitFor, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.dispose();
});

describe('a complaint sent by SMTP to the local stack', () => {
  it('is logged and acknowledged within 2 s, threaded and marked automatic', async () => {
    const transport = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true });
    const started = Date.now();
    const info = await transport.sendMail({
      from: '"Jane Doe" <jane.doe@customer.test>',
      to: 'complaints@example.com',
      subject: 'My blender arrived broken',
      text: 'Hello,\n\nThe blender I ordered (order no. A-12345) arrived with a cracked jug. I would like a replacement.\n\nJane',
      messageId: '<first-complaint@customer.test>',
    });
    expect(info.accepted).toEqual(['complaints@example.com']);

    const acknowledgement = await waitFor(async () => (await stack.outbox.messages()).find((message) => message.envelope.destinations.includes('jane.doe@customer.test')));
    const elapsedMs = Date.now() - started;
    console.info(`SMTP accept → acknowledgement in the outbox: ${elapsedMs} ms`);
    expect(elapsedMs).toBeLessThan(2_000);

    const raw = await fetch(`${stack.outbox.url.replace(/\/$/, '')}/messages/${acknowledgement.id}.eml`).then((response) => response.arrayBuffer());
    const mail = await simpleParser(Buffer.from(raw));
    const header = (name: string) => mail.headers.get(name);
    expect(header('in-reply-to')).toBe('<first-complaint@customer.test>');
    expect(String(header('references'))).toContain('<first-complaint@customer.test>');
    expect(header('auto-submitted')).toBe('auto-replied');
    expect(header('x-auto-response-suppress')).toBe('All');
    const reference = /\[(CMP-[2-9A-HJ-NP-Z]{6})\]/.exec(mail.subject ?? '')?.[1];
    expect(reference).toBeDefined();
    expect(mail.replyTo?.value[0]?.address).toBe(`complaints+${reference}@example.com`);
    expect(mail.from?.value[0]?.address).toBe('care@example.com');
    expect(mail.text).toContain(reference!);
    expect(mail.html).toBeTruthy();
    expect(mail.messageId).toMatch(/@eu-west-1\.amazonses\.com>$/);

    await stack.drain();
    const store = new DynamoComplaintStore(dynamoDocumentClient(), 'complaints');
    const complaint = await store.getComplaint(reference!);
    expect(complaint).toMatchObject({
      status: 'open',
      customer: { name: 'Jane Doe', email: 'jane.doe@customer.test' },
      subject: 'My blender arrived broken',
      customerMessageId: '<first-complaint@customer.test>',
      orderNumbers: ['A-12345'],
    });
    expect(complaint?.acknowledgement?.messageIdHeader).toBe(mail.messageId);
    expect(await store.findByMessageId(mail.messageId!)).toBe(reference);
    const timeline = await store.getTimeline(reference!);
    expect(timeline.map((event) => event.type)).toEqual(['complaint-received', 'email-sent', 'email-sent']);
    expect(timeline.map((event) => event.summary)).toEqual([
      'Complaint received: My blender arrived broken',
      'acknowledgement sent to customer (en)',
      'agent-notification sent to agents@example.com (en)',
    ]);
  });
});
