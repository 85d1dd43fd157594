import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient, s3Client } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { RUNTIME_ENV } from '#adapters/table-schema';
import { agentReplyAddress } from '#core/mailbox/agent-address';
import { addressHash } from '#core/privacy';
import type { SesReceiptEvent } from '#events/ses-receipt';
import type { Outbox } from '#workflows/ports';
import { startTestStack, waitFor, type TestStack } from '../../support/local-stack.ts';
import { BUCKET, QUIET_CONFIG, sendMail, TABLE } from '../../support/seed-people.ts';

const CUSTOMER = { name: 'Quentin Secretname', address: 'quentin.secret@customer.test' };
const AGENT = 'sam.berg@staff.example.org';
/** Everything personal the mail below carries: none of it may reach a log line. */
const PERSONAL = [CUSTOMER.address, 'quentin.secret', 'Quentin', 'Secretname', 'Ultraviolet toaster', 'Kumquat-8842', 'Persimmon-5521', 'Tangerine-7310', 'Rambutan-3391', 'Gooseberry-6060', 'toaster-photo', AGENT, 'sam.berg'];

let stack: TestStack;
const lines: string[] = [];
const restore: Array<() => void> = [];

/** Every byte written to stdout/stderr and every console call while the handlers run. */
function capture(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => void (stream.write = write));
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      lines.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack ?? ''}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
      original.apply(console, args);
    };
    restore.push(() => void (console[method] = original));
  }
}

/** SES refusing an unverified recipient names the address in its message, as the real one does. */
function rejectingOutbox(real: Outbox): Outbox {
  return {
    listSent: (reference) => real.listSent(reference),
    async sendOnce(_key, email) {
      const error = new Error(`Email address is not verified. The following identities failed the check in region EU-WEST-1: ${email.to.map((to) => to.address).join(', ')}`);
      error.name = 'MessageRejected';
      throw error;
    },
  };
}

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  stack = await startTestStack({ config: QUIET_CONFIG, pollScheduler: false });
  capture();
}, 60_000);
afterAll(async () => {
  for (const undo of restore.reverse()) undo();
  await stack?.dispose();
});

describe('no personal data in logs', () => {
  it('logs the inbound pipeline and scheduler jobs by reference, outcome and address hash only', async () => {
    const store = new DynamoComplaintStore(dynamoDocumentClient(), TABLE);
    const from = `"${CUSTOMER.name}" <${CUSTOMER.address}>`;
    await sendMail(stack, { from, subject: 'Ultraviolet toaster exploded', text: 'The toaster exploded this morning, serial Kumquat-8842.', attachments: [{ filename: 'toaster-photo.jpg', content: 'jpeg' }] });
    const complaint = await waitFor(async () => (await store.complaintsOf(CUSTOMER.address))[0]);
    const ack = await waitFor(async () => (await store.getComplaint(complaint.reference))?.acknowledgement?.messageIdHeader);
    await sendMail(stack, { from, subject: 'Re: Ultraviolet toaster exploded', text: 'Still waiting, Persimmon-5521.', headers: { 'In-Reply-To': ack, References: ack } });
    await sendMail(stack, { from, subject: 'Out of office Tangerine-7310', text: 'Away.', headers: { 'Auto-Submitted': 'auto-replied' } });
    const secret = stack.env[RUNTIME_ENV.signingSecret]!;
    await sendMail(stack, { from: AGENT, to: agentReplyAddress('complaints@example.com', complaint.reference, secret), subject: 'Re: toaster', text: 'Dear Quentin, a new toaster Rambutan-3391 ships today.' });
    expect((await store.getTimeline(complaint.reference)).map((event) => event.type)).toEqual(expect.arrayContaining(['customer-reply', 'agent-reply']));

    // Scheduler: a follow-up that is sent, a job for a complaint that does not exist, one SES refuses.
    const scheduler = await import('../../../functions/handlers/scheduler.ts');
    const now = new Date().toISOString();
    const job = (kind: string, reference: string, sequence = 1) => ({ reference, kind, sequence, scheduledAt: now, dueAt: now });
    const event = (...jobs: object[]) => ({ Records: jobs.map((body, index) => ({ messageId: `m${index}`, body: JSON.stringify(body) })) }) as unknown as SQSEvent;
    expect((await scheduler.handler(event(job('follow-up', complaint.reference), job('follow-up', 'CMP-ZZZZZZ')))).batchItemFailures).toEqual([]);
    const wired = scheduler.wireScheduler();
    scheduler.useDependencies({ ...wired, outbox: rejectingOutbox(wired.outbox) });
    expect((await scheduler.handler(event(job('follow-up', complaint.reference, 2)))).batchItemFailures).toHaveLength(1);
    scheduler.useDependencies(undefined);

    // Inbound: an error thrown out of the handler (Lambda logs it; the DLQ keeps it as the reason).
    const inbound = await import('../../../functions/handlers/inbound.ts');
    const wiredInbound = inbound.wireInbound();
    inbound.useDependencies({ ...wiredInbound, outbox: rejectingOutbox(wiredInbound.outbox) });
    const messageId = `logs${Date.now()}`.padEnd(40, '0');
    const mime = [`From: ${from}`, 'To: complaints@example.com', 'Subject: Ultraviolet toaster again', `Message-ID: <${messageId}@customer.test>`, '', 'Gooseberry-6060 second toaster.', ''].join('\r\n');
    await s3Client().send(new PutObjectCommand({ Bucket: BUCKET, Key: `inbound/${messageId}`, Body: mime }));
    const receipt: SesReceiptEvent = {
      Records: [
        {
          eventSource: 'aws:ses',
          ses: {
            mail: { messageId, timestamp: now, source: CUSTOMER.address, destination: ['complaints@example.com'] },
            receipt: { recipients: ['complaints@example.com'], spamVerdict: { status: 'PASS' }, virusVerdict: { status: 'PASS' }, spfVerdict: { status: 'PASS' }, dkimVerdict: { status: 'PASS' }, dmarcVerdict: { status: 'PASS' } },
          },
        },
      ],
    };
    const thrown = await inbound.handler(receipt).then(() => undefined, (error: unknown) => error as Error);
    inbound.useDependencies(undefined);
    expect(thrown?.name).toBe('MessageRejected');
    expect(thrown?.message).toBe('Email address is not verified. The following identities failed the check in region EU-WEST-1: [address]');
    expect(thrown?.stack).not.toContain(CUSTOMER.address);

    const log = lines.join('\n');
    // The handlers did log: by outcome, reference and the sender's hash.
    const hash = addressHash(CUSTOMER.address, secret);
    expect(log).toContain('inbound message handled');
    expect(log).toContain(`"sender":"${hash}"`);
    expect(log).toContain(complaint.reference);
    expect(log).toContain('job dropped');
    expect(log).toMatch(/scheduler job failed.*failed the check in region EU-WEST-1: \[address\]/);
    for (const personal of PERSONAL) expect(log.toLowerCase(), personal).not.toContain(personal.toLowerCase());
  });
});
