import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient, s3Client, sesClient, sqsClient } from '#adapters/aws-clients';
import { DeadLetterQueue } from '#adapters/dead-letters';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { S3MailStore } from '#adapters/s3-mail-store';
import { EmailInFlightError, SesOutbox } from '#adapters/ses-outbox';
import { schedulerAdapter } from '#adapters/wiring';
import type { SesReceiptRecord } from '#events/ses-receipt';
import type { OutboxMessage } from '#local/ses-outbox';
import { referenceFor } from '#core/reference';
import type { InboundOutcome } from '#workflows/ports';
import { receiveMail, type ReceiveMailDeps } from '#workflows/receive-mail';
import { runJob, type RunJobDeps } from '#workflows/run-job';
import { AdjustableClock } from '../../support/clock.ts';
import { installFaults, InjectedCrash, type CallRecord, type FaultInjector } from '../../support/faults.ts';
import { startTestStack, waitFor, type TestStack } from '../../support/local-stack.ts';
import { sendComplaint } from '../../support/smtp.ts';

/**
 * Exactly-once under faults, against the local stand-ins with the real adapters and SDK clients.
 * A crash is injected before or after every SDK call one clean run makes; the same SES event (or
 * scheduler job) is then delivered again, as Lambda's async retry (or SQS redelivery) would, until it
 * succeeds. Only the duplicate window documented in functions/adapters/ses-outbox.ts may send twice.
 */

const LEASE_MS = 60_000;
const MAX_DELIVERIES = 8;

let stack: TestStack;
let faults: FaultInjector;
let clock: AdjustableClock;
let inboundDeps: ReceiveMailDeps;
let jobDeps: RunJobDeps;
let store: DynamoComplaintStore;
let counter = 0;

const figures = { inboundCalls: 0, jobCalls: 0, crashPoints: 0, deliveries: 0, complaintsLost: 0, duplicatesOutsideWindow: 0, duplicatesInsideWindow: 0, retriesThatWaitedOnLease: 0 };

beforeAll(async () => {
  const { LOCAL_APP_CONFIG } = await import('#local/local-config');
  // A burst escalation would add calls to some runs and not others; the sweep needs one call sequence.
  stack = await startTestStack({ pollScheduler: false, config: { ...LOCAL_APP_CONFIG, patterns: { minimum: 1_000_000 } } });
  const runtime = await import('../../../functions/handlers/runtime.ts');
  const scheduler = await import('../../../functions/handlers/scheduler.ts');
  const settings = runtime.runtimeSettings();
  clock = new AdjustableClock();
  faults = installFaults();
  store = new DynamoComplaintStore(dynamoDocumentClient(), settings.tableName);
  // The production outbox with a lease short enough to expire by moving the clock, and a short wait for the holder.
  const outbox = new SesOutbox(sesClient(), dynamoDocumentClient(), settings.tableName, clock, { leaseMs: LEASE_MS, waitForHolderMs: 30, pollMs: 10, messageIdDomain: 'example.com' });
  inboundDeps = {
    config: settings.config,
    mailStore: new S3MailStore(s3Client(), settings.mailBucket),
    complaints: store,
    outbox,
    scheduler: schedulerAdapter(settings.schedulerQueueUrl, clock, settings.schedulerMaxDelaySeconds),
    clock,
    signingSecret: runtime.signingSecret(),
    categories: runtime.categoryNames(),
    inboundPrefix: settings.inboundPrefix,
    attachmentsPrefix: settings.attachmentsPrefix,
    log: () => undefined,
  };
  jobDeps = { ...scheduler.wireScheduler(clock), complaints: store, outbox, log: () => undefined };
});
afterAll(async () => {
  faults?.disarm();
  await stack?.dispose();
});

function complaintMail(customer: string, subject: string): string {
  return [
    `From: Kim Customer <${customer}>`,
    'To: complaints@example.com',
    `Subject: ${subject}`,
    `Message-ID: <${customer.replace(/\W/g, '')}@customer.test>`,
    'Date: Mon, 23 Nov 2026 10:00:00 +0100',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The washing machine you delivered on order 55321 leaks water all over the floor.',
    '',
  ].join('\r\n');
}

/** Stores the raw mail as the SES S3 action would and returns the record the Lambda action gets. */
async function storeInbound(raw: string, source: string): Promise<SesReceiptRecord> {
  counter += 1;
  const messageId = `fault${Date.now().toString(36)}x${counter}`.padEnd(40, '0');
  await s3Client().send(new PutObjectCommand({ Bucket: 'complaints-mail', Key: `inbound/${messageId}`, Body: raw }));
  const pass = { status: 'PASS' };
  return {
    eventSource: 'aws:ses',
    ses: {
      mail: { messageId, timestamp: new Date().toISOString(), source, destination: ['complaints@example.com'] },
      receipt: { recipients: ['complaints@example.com'], spamVerdict: pass, virusVerdict: pass, spfVerdict: pass, dkimVerdict: pass, dmarcVerdict: pass },
    },
  } as SesReceiptRecord;
}

async function outboxMessages(): Promise<OutboxMessage[]> {
  return stack.outbox.messages();
}
const to = (messages: OutboxMessage[], address: string, subjectIncludes = '') =>
  messages.filter((message) => message.envelope.destinations.includes(address) && (message.subject ?? '').includes(subjectIncludes));

interface DeliveryLog {
  deliveries: number;
  /** Sends of the watched email seen at each retry that met a live claim (must not grow there). */
  sentWhileLeaseValid: number[];
}

/**
 * Runs one delivery after another like Lambda's retries until one succeeds. A retry that meets a
 * live claim must give up without sending; the test then lets the lease run out (moves the clock).
 */
async function deliverUntilDone<T>(deliver: () => Promise<T>, countWatchedSends: () => Promise<number>): Promise<{ result: T } & DeliveryLog> {
  const log: DeliveryLog = { deliveries: 0, sentWhileLeaseValid: [] };
  for (;;) {
    log.deliveries += 1;
    if (log.deliveries > MAX_DELIVERIES) throw new Error(`no success after ${MAX_DELIVERIES} deliveries`);
    try {
      const result = await deliver();
      return { result, ...log };
    } catch (error) {
      faults.revive();
      if (error instanceof InjectedCrash) continue;
      if (error instanceof EmailInFlightError) {
        log.sentWhileLeaseValid.push(await faults.paused(countWatchedSends));
        clock.advance(LEASE_MS + 1_000);
        continue;
      }
      throw error;
    }
  }
}

/** The crash points inside the documented window: after SES accepted a mail, before the send was recorded. */
function duplicateWindow(calls: CallRecord[]): Set<string> {
  const window = new Set<string>();
  calls.forEach((call, position) => {
    if (call.command !== 'SendRawEmailCommand') return;
    window.add(`after:${call.index}`);
    const next = calls[position + 1];
    if (next) window.add(`before:${next.index}`);
  });
  return window;
}

/** How many mails SES had accepted when the crash hit: a job's watched count excludes the acknowledgement sent before. */
function sesSendsBefore(calls: CallRecord[], crash: 'before' | 'after', index: number): number {
  return calls.filter((call) => call.command === 'SendRawEmailCommand' && (crash === 'after' ? call.index <= index : call.index < index)).length;
}

describe('crash sweep of the inbound pipeline', () => {
  it('ends every crash point in one complaint, one acknowledgement and one agent notification (two only inside the window)', async () => {
    const cleanCustomer = 'clean-run@customer.test';
    const cleanRecord = await storeInbound(complaintMail(cleanCustomer, 'Leaking washing machine'), cleanCustomer);
    faults.arm([]);
    const clean = await receiveMail(cleanRecord, inboundDeps);
    const calls = [...faults.calls];
    faults.disarm();
    expect(clean.outcome).toBe('complaint');
    expect(calls.filter((call) => call.command === 'SendRawEmailCommand')).toHaveLength(2);
    figures.inboundCalls = calls.length;
    const window = duplicateWindow(calls);
    expect(window.size).toBe(4);

    const duplicatedAt: string[] = [];
    for (const crash of ['before', 'after'] as const) {
      for (const call of calls) {
        const point = `${crash}:${call.index}`;
        const customer = `crash-${crash}-${call.index}@customer.test`;
        const record = await storeInbound(complaintMail(customer, 'Leaking washing machine'), customer);
        faults.arm([{ fault: 'crash', crash, occurrence: call.index }]);
        const run = await deliverUntilDone(
          () => receiveMail(record, inboundDeps),
          async () => {
            const messages = await outboxMessages();
            return to(messages, customer).length + to(messages, 'agents@example.com', referenceFor(record.ses.mail.messageId)).length;
          },
        );
        faults.disarm();
        expect(faults.injected.get('crash'), point).toBe(1);
        figures.crashPoints += 1;
        figures.deliveries += run.deliveries;
        figures.retriesThatWaitedOnLease += run.sentWhileLeaseValid.length;

        const outcome = run.result as InboundOutcome;
        expect(outcome.outcome, point).toBe('complaint');
        const reference = (outcome as { reference: string }).reference;
        const complaints = await store.complaintsOf(customer);
        expect(complaints.map((complaint) => complaint.reference), point).toEqual([reference]);
        if (complaints.length !== 1) figures.complaintsLost += 1;
        expect(await store.getInbound(record.ses.mail.messageId), point).toMatchObject({ result: { outcome: 'complaint', reference } });

        const messages = await outboxMessages();
        const acknowledgements = to(messages, customer).length;
        const notifications = to(messages, 'agents@example.com', reference).length;
        // A retry that met the live claim sent nothing more than what the crashed run had sent.
        // A retry that met the live claim sent nothing: the outbox held exactly what went out before the crash.
        const sentBeforeCrash = sesSendsBefore(calls, crash, call.index);
        for (const seen of run.sentWhileLeaseValid) expect(seen, point).toBe(sentBeforeCrash);
        if (window.has(point)) expect(run.sentWhileLeaseValid.length, `${point}: the retry should have met the live claim`).toBeGreaterThan(0);
        const extra = acknowledgements - 1 + (notifications - 1);
        expect(acknowledgements, point).toBeGreaterThanOrEqual(1);
        expect(notifications, point).toBeGreaterThanOrEqual(1);
        if (window.has(point)) {
          expect(acknowledgements + notifications, point).toBeLessThanOrEqual(3);
          figures.duplicatesInsideWindow += extra;
          if (extra > 0) duplicatedAt.push(point);
        } else {
          figures.duplicatesOutsideWindow += extra;
          expect({ point, acknowledgements, notifications }).toEqual({ point, acknowledgements: 1, notifications: 1 });
        }
        // The send is recorded once, whatever happened: the acknowledgement is on the complaint.
        expect((await store.getComplaint(reference))?.acknowledgement?.messageIdHeader, point).toMatch(/amazonses\.com>$/);
      }
    }
    // The window is real and it is the only place duplicates come from.
    expect(new Set(duplicatedAt)).toEqual(window);
    expect(figures.complaintsLost).toBe(0);
    expect(figures.duplicatesOutsideWindow).toBe(0);
  }, 120_000);
});

describe('crash sweep of a scheduler job that emails the customer', () => {
  it('sends the follow-up once for every crash point (twice only inside the window)', async () => {
    async function complaintFor(customer: string): Promise<string> {
      const record = await storeInbound(complaintMail(customer, 'Still leaking'), customer);
      const outcome = await receiveMail(record, inboundDeps);
      if (outcome.outcome !== 'complaint') throw new Error(`expected a complaint, got ${outcome.outcome}`);
      return outcome.reference;
    }
    const followUp = (reference: string) => {
      const now = clock.now().toISOString();
      return { reference, kind: 'follow-up' as const, sequence: 1, scheduledAt: now, dueAt: now };
    };
    // The complaint was acknowledged before the faults were armed: everything after that one mail is a follow-up.
    const followUpsTo = async (customer: string) => to(await outboxMessages(), customer).length - 1;

    const cleanReference = await complaintFor('job-clean@customer.test');
    faults.arm([]);
    expect(await runJob(followUp(cleanReference), jobDeps)).toBe('sent');
    const calls = [...faults.calls];
    faults.disarm();
    expect(calls.map((call) => call.command)).toContain('SendRawEmailCommand');
    figures.jobCalls = calls.length;
    const window = duplicateWindow(calls);
    expect(window.size).toBe(2);

    const duplicatedAt: string[] = [];
    for (const crash of ['before', 'after'] as const) {
      for (const call of calls) {
        const point = `${crash}:${call.index}`;
        const customer = `job-${crash}-${call.index}@customer.test`;
        const reference = await complaintFor(customer);
        const job = followUp(reference);
        faults.arm([{ fault: 'crash', crash, occurrence: call.index }]);
        const run = await deliverUntilDone(
          () => runJob(job, jobDeps),
          () => followUpsTo(customer),
        );
        faults.disarm();
        expect(faults.injected.get('crash'), point).toBe(1);
        expect(run.result, point).toBe('sent');
        figures.crashPoints += 1;
        figures.deliveries += run.deliveries;
        figures.retriesThatWaitedOnLease += run.sentWhileLeaseValid.length;
        for (const seen of run.sentWhileLeaseValid) expect(seen, point).toBe(sesSendsBefore(calls, crash, call.index));
        if (window.has(point)) expect(run.sentWhileLeaseValid.length, `${point}: the retry should have met the live claim`).toBeGreaterThan(0);

        const sent = await followUpsTo(customer);
        const claims = (await jobDeps.outbox.listSent(reference)).filter((email) => email.kind === 'follow-up');
        expect(claims.map((claim) => claim.state), point).toEqual(['sent']);
        if (window.has(point)) {
          expect(sent, point).toBeLessThanOrEqual(2);
          figures.duplicatesInsideWindow += sent - 1;
          if (sent > 1) duplicatedAt.push(point);
        } else {
          figures.duplicatesOutsideWindow += sent - 1;
          expect({ point, sent }).toEqual({ point, sent: 1 });
        }
      }
    }
    expect(new Set(duplicatedAt)).toEqual(window);
  }, 90_000);
});

describe('failures that outlive the SDK retries', () => {
  it('dead-letters a message whose DynamoDB calls stay throttled, after two Lambda retries, with the reason; nothing is sent', async () => {
    const customer = 'throttled@customer.test';
    const failedBefore = stack.invocations.failed;
    faults.arm([{ service: 'dynamodb', fault: 'dynamodb-throughput-exceeded', attempts: Number.POSITIVE_INFINITY }]);
    const messageId = await sendComplaint(stack.smtpPort, { from: customer, subject: 'Throttled complaint', text: 'My order 77812 never arrived.' });
    await stack.drain();
    const attempts = faults.injected.get('dynamodb-throughput-exceeded') ?? 0;
    const invocations = faults.calls.filter((call) => call.service === 'dynamodb').length;
    faults.disarm();

    expect(stack.invocations.failed).toBe(failedBefore + 1);
    // Three invocations (Lambda's two retries), each first call tried as often as the SDK allows.
    const sdkAttempts = await dynamoDocumentClient().config.maxAttempts();
    expect(invocations).toBe(3);
    expect(attempts).toBe(3 * sdkAttempts);
    const letters = await new DeadLetterQueue(sqsClient(), stack.queues.inboundFailuresUrl).list();
    const letter = letters.map((entry) => JSON.parse(entry.body) as { requestPayload: { Records: SesReceiptRecord[] }; requestContext: { approximateInvokeCount: number }; responsePayload: { errorType: string; errorMessage: string } }).find((body) =>
      body.requestPayload.Records[0]?.ses.mail.source === customer,
    );
    expect(letter).toBeDefined();
    expect(letter!.requestContext.approximateInvokeCount).toBe(3);
    expect(letter!.responsePayload.errorType).toBe('ProvisionedThroughputExceededException');
    expect(letter!.responsePayload.errorMessage).toMatch(/provisioned throughput/);
    expect(to(await outboxMessages(), customer)).toHaveLength(0);
    expect(messageId).toBeTruthy();
  }, 30_000);

  it('acknowledges once when SES throttling outlives one invocation’s retries but not the next', async () => {
    const customer = 'ses-throttled@customer.test';
    const succeededBefore = stack.invocations.succeeded;
    const sdkAttempts = await sesClient().config.maxAttempts();
    faults.arm([{ service: 'ses', command: 'SendRawEmailCommand', occurrence: 1, fault: 'ses-throttling', attempts: sdkAttempts + 1 }]);
    await sendComplaint(stack.smtpPort, { from: customer, subject: 'Throttled acknowledgement', text: 'The lamp from order 99120 flickers.' });
    await stack.drain();
    const injected = faults.injected.get('ses-throttling');
    const sends = faults.calls.filter((call) => call.command === 'SendRawEmailCommand');
    faults.disarm();
    expect(injected).toBe(sdkAttempts + 1);
    // The acknowledgement twice (the first invocation gave up, the retry got through), then the agent notification.
    expect(sends.map((call) => call.attempts)).toEqual([sdkAttempts, 2, 1]);
    expect(stack.invocations.succeeded).toBe(succeededBefore + 1);
    const acknowledgements = await waitFor(async () => {
      const found = to(await outboxMessages(), customer);
      return found.length > 0 ? found : undefined;
    });
    expect(acknowledgements).toHaveLength(1);
  }, 30_000);

  it('lets the SDK retries absorb one failed attempt on every kind of call', async () => {
    const customer = 'absorbed@customer.test';
    const record = await storeInbound(complaintMail(customer, 'Flaky network'), customer);
    const outcome = await faults.during(
      [
        { service: 'dynamodb', command: 'GetItemCommand', fault: 'dynamodb-throttling' },
        { service: 'dynamodb', command: 'PutItemCommand', every: 2, fault: 'dynamodb-throughput-exceeded' },
        { service: 'dynamodb', command: 'UpdateItemCommand', fault: 'network-reset' },
        { service: 's3', fault: 's3-internal-error' },
        { service: 'ses', fault: 'ses-service-unavailable' },
        { service: 'sqs', fault: 'network-reset' },
      ],
      async () => {
        const result = await receiveMail(record, inboundDeps);
        return { result, injected: new Map(faults.injected) };
      },
    );
    expect(outcome.result.outcome).toBe('complaint');
    for (const fault of ['dynamodb-throttling', 'dynamodb-throughput-exceeded', 'network-reset', 's3-internal-error', 'ses-service-unavailable'] as const) {
      expect(outcome.injected.get(fault), fault).toBeGreaterThan(0);
    }
    const reference = (outcome.result as { reference: string }).reference;
    const messages = await outboxMessages();
    expect(to(messages, customer)).toHaveLength(1);
    expect(to(messages, 'agents@example.com', reference)).toHaveLength(1);
  }, 60_000);
});

afterAll(() => {
  console.info(
    `fault injection: ${figures.inboundCalls} SDK calls per clean inbound run, ${figures.jobCalls} per follow-up job; ${figures.crashPoints} crash points, ${figures.deliveries} deliveries, ${figures.complaintsLost} complaints lost, ` +
      `${figures.duplicatesOutsideWindow} duplicate emails outside the window, ${figures.duplicatesInsideWindow} inside it, ` +
      `${figures.retriesThatWaitedOnLease} retries held off by a live claim`,
  );
});
