import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sqsClient } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { DynamoSuppressionList } from '#adapters/dynamo-suppression-list';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import type { ScheduledJob } from '#core/lifecycle';
import type { OutboxMessage } from '#local/ses-outbox';
import type { Scheduler } from '#workflows/ports';
import { resolveComplaint } from '#workflows/resolve';
import type { RunJobDeps } from '#workflows/run-job';
import { AdjustableClock, DAY, HOUR } from '../../support/clock.ts';
import { startTestStack, waitFor, type TestStack } from '../../support/local-stack.ts';
import { sendComplaint } from '../../support/smtp.ts';

let stack: TestStack;
let clock: AdjustableClock;
let deps: RunJobDeps;
let store: DynamoComplaintStore;
const hops: ScheduledJob[] = [];
const scheduled: ScheduledJob[] = [];

beforeAll(async () => {
  stack = await startTestStack({
    schedulerMaxDelaySeconds: 1,
    config: {
      ...(await import('#local/local-config')).LOCAL_APP_CONFIG,
      sla: { firstResponse: 'PT8H', resolution: 'P5D' },
      lifecycle: { followUpEvery: 'P2D', followUpMax: 2, feedbackRequestAfter: 'PT24H', feedbackLinkValidity: 'P30D' },
    },
  });
  clock = new AdjustableClock();
  const scheduler = await import('../../../functions/handlers/scheduler.ts');
  deps = scheduler.wireScheduler(clock);
  const counting: Scheduler = {
    maxDelaySeconds: deps.scheduler.maxDelaySeconds,
    schedule: (job) => {
      scheduled.push(job);
      return deps.scheduler.schedule(job);
    },
    enqueue: async (job, delay) => {
      hops.push(job);
      await deps.scheduler.enqueue(job, delay);
    },
  };
  scheduler.useDependencies({ ...deps, scheduler: counting });
  store = new DynamoComplaintStore(dynamoDocumentClient(), 'complaints');
});
afterAll(async () => {
  await stack?.dispose();
});
beforeEach(() => {
  hops.length = 0;
});

async function mailsTo(address: string, subjectIncludes?: string): Promise<OutboxMessage[]> {
  return (await stack.outbox.messages()).filter(
    (message) => message.envelope.destinations.includes(address) && (!subjectIncludes || (message.subject ?? '').includes(subjectIncludes)),
  );
}
async function emailKinds(reference: string): Promise<string[]> {
  const sent = await deps.outbox.listSent(reference);
  // Agent notifications are internal mail about the same complaint; these tests follow the customer's side.
  return sent.filter((email) => email.state === 'sent' && !email.kind.startsWith('agent-notification')).map((email) => `${email.kind}#${email.sequence}`).sort();
}
async function waitForKind(reference: string, kind: string, timeoutMs = 8_000): Promise<void> {
  await waitFor(async () => ((await emailKinds(reference)).includes(kind) ? true : undefined), timeoutMs, 100);
}
/** What a browser does with an attribute value: Handlebars escapes `=` as &#x3D;. */
function decodeAttribute(value: string): string {
  return value.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16))).replace(/&amp;/g, '&');
}
async function mailOf(reference: string, kind: string): Promise<OutboxMessage> {
  const claim = (await deps.outbox.listSent(reference)).find((email) => email.kind === kind);
  const mail = (await stack.outbox.messages()).find((message) => message.messageId === claim?.messageIdHeader);
  if (!mail) throw new Error(`no ${kind} mail for ${reference} in the outbox`);
  return mail;
}
async function newComplaint(customer: string, subject: string): Promise<string> {
  await sendComplaint(stack.smtpPort, { from: customer, subject, text: 'The kettle I bought leaks from the base after two days of use.' });
  await stack.drain();
  const complaints = await store.listComplaints({ status: 'open' });
  const complaint = complaints.find((candidate) => candidate.customer.email === customer && candidate.subject === subject);
  if (!complaint) throw new Error('complaint not stored');
  return complaint.reference;
}
const resolveDeps = () => ({ ...deps, clock });

describe('the complaint lifecycle on SQS delays', () => {
  it('acknowledgement → follow-up → resolve → feedback request → rating → thank-you', async () => {
    const reference = await newComplaint('lifecycle@customer.test', 'Leaking kettle');
    expect(await emailKinds(reference)).toEqual(['acknowledgement#0']);

    clock.advance(2 * DAY + HOUR);
    await waitForKind(reference, 'follow-up#1');
    await waitFor(async () => ((await store.getTimeline(reference)).some((event) => event.summary.startsWith('follow-up sent')) ? true : undefined));

    const resolved = await resolveComplaint({ reference, summary: 'We are sending a new kettle today and you keep the old one.', prevention: 'The supplier now pressure-tests every base.', resolvedBy: { name: 'Sam Agent', title: 'Customer Care' } }, resolveDeps());
    expect(resolved.outcome).toBe('resolved');
    await waitForKind(reference, 'resolution-letter#0');

    clock.advance(25 * HOUR);
    await waitForKind(reference, 'feedback-request#0');
    const request = await mailOf(reference, 'feedback-request');
    expect(request.subject).toContain(reference);
    const links = [...(request!.html ?? '').matchAll(/href="([^"]*feedback\?[^"]*)"/g)].map((match) => decodeAttribute(match[1]!));
    expect(links.length).toBeGreaterThanOrEqual(5);
    const fourStars = links.find((link) => new URL(link).searchParams.get('r') === '4')!;

    const form = await fetch(fourStars);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toMatch(/value="4" required checked/);
    expect((await store.getComplaint(reference))?.feedback).toBeUndefined();

    const token = new URL(fourStars).searchParams.get('t')!;
    const posted = await fetch(new URL('/feedback', fourStars), { method: 'POST', body: new URLSearchParams({ t: token, rating: '4', comment: 'Quick and fair.' }) });
    expect(posted.status).toBe(200);
    expect((await store.getComplaint(reference))?.feedback).toMatchObject({ rating: 4, comment: 'Quick and fair.' });

    await waitForKind(reference, 'thank-you#0');
    // Two days without an agent answer also breached the 8-hour first-response SLA: one escalation.
    expect(await emailKinds(reference)).toEqual(['acknowledgement#0', 'feedback-request#0', 'follow-up#1', 'resolution-letter#0', 'sla-breach-first-response#0', 'thank-you#0']);
    expect(await mailsTo('lifecycle@customer.test')).toHaveLength(5);

    const again = await fetch(new URL('/feedback', fourStars), { method: 'POST', body: new URLSearchParams({ t: token, rating: '1' }) });
    expect(again.status).toBe(409);
    expect((await store.getComplaint(reference))?.feedback?.rating).toBe(4);
  });

  it('sends no follow-up when the complaint is resolved before it is due', async () => {
    const reference = await newComplaint('early@customer.test', 'Wrong colour');
    await resolveComplaint({ reference, summary: 'Exchanged for the blue one.', resolvedBy: { name: 'Sam Agent', title: 'Customer Care' } }, resolveDeps());
    clock.advance(3 * DAY);
    await waitForKind(reference, 'feedback-request#0');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await emailKinds(reference)).toEqual(['acknowledgement#0', 'feedback-request#0', 'resolution-letter#0']);
  });

  it('stops following up once the customer address is suppressed, and says why on the timeline', async () => {
    const customer = 'bounced-later@customer.test';
    const reference = await newComplaint(customer, 'Cracked lid');
    const at = clock.now().toISOString();
    await new DynamoSuppressionList(dynamoDocumentClient(), 'complaints').suppress(
      { address: customer, kind: 'bounce', reason: `${customer} bounced permanently on ${at.slice(0, 10)} (General: smtp; 550 5.1.1 user unknown)`, at, bounceType: 'Permanent', bounceSubType: 'General', diagnosticCode: 'smtp; 550 5.1.1 user unknown', feedbackId: 'fb-lifecycle', sourceMessageId: 'ses-lifecycle' },
      Math.floor(Date.now() / 1000) + DAY / 1000,
    );
    clock.advance(2 * DAY + HOUR);
    const refused = await waitFor(async () => (await store.getTimeline(reference)).find((event) => event.type === 'email-not-sent'), 8_000, 100);
    expect(refused.summary).toMatch(/^follow-up not sent: bounced-later@customer\.test bounced permanently/);
    await stack.drain();
    // Follow-up #1 was refused, so its job scheduled no #2 (unsuppressed, it would: see the first test's hops).
    expect(scheduled.filter((job) => job.reference === reference && job.kind === 'follow-up')).toEqual([]);
    expect(await mailsTo(customer)).toHaveLength(1); // the acknowledgement, before the bounce
  });

  it('sends one email when the same job is delivered twice', async () => {
    const reference = await newComplaint('twice@customer.test', 'Late delivery');
    const now = clock.now().toISOString();
    const job: ScheduledJob = { reference, kind: 'follow-up', sequence: 7, scheduledAt: now, dueAt: now };
    const queueUrl = stack.queues.schedulerUrl;
    await Promise.all([1, 2].map(() => sqsClient().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(job) }))));
    await waitForKind(reference, 'follow-up#7');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await emailKinds(reference)).filter((kind) => kind === 'follow-up#7')).toHaveLength(1);
    const claim = (await deps.outbox.listSent(reference)).find((email) => email.kind === 'follow-up' && email.sequence === 7)!;
    const delivered = (await mailsTo('twice@customer.test')).filter((mail) => mail.messageId === claim.messageIdHeader);
    expect(delivered).toHaveLength(1);
    // Every mail this customer got is accounted for by exactly one claim: no unclaimed duplicate.
    const claimed = new Set((await deps.outbox.listSent(reference)).map((email) => email.messageIdHeader));
    expect((await mailsTo('twice@customer.test')).every((mail) => claimed.has(mail.messageId))).toBe(true);
  });

  it('hops a wait longer than the delay cap through the queue and acts on time', async () => {
    const reference = await newComplaint('hops@customer.test', 'Refund missing');
    await store.resolveComplaint(reference, { resolvedAt: clock.now().toISOString(), resolvedBy: 'test', summary: 'Refunded' });
    const dueAt = new Date(clock.now().getTime() + 5_000).toISOString();
    await deps.scheduler.schedule({ reference, kind: 'feedback-request', sequence: 0, scheduledAt: clock.now().toISOString(), dueAt });
    await waitForKind(reference, 'feedback-request#0', 10_000);
    const sent = (await deps.outbox.listSent(reference)).find((email) => email.kind === 'feedback-request')!;
    const lateByMs = Date.parse(sent.sentAt!) - Date.parse(dueAt);
    expect(lateByMs).toBeGreaterThanOrEqual(-1_000);
    expect(lateByMs).toBeLessThan(2_500);
    expect(hops.filter((job) => job.reference === reference).length).toBeGreaterThanOrEqual(2);
  });

  it('escalates an SLA breach to the managers once', async () => {
    const reference = await newComplaint('sla@customer.test', 'No answer yet');
    clock.advance(9 * HOUR);
    await waitForKind(reference, 'sla-breach-first-response#0');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const breaches = (await emailKinds(reference)).filter((kind) => kind.startsWith('sla-breach'));
    // Earlier tests moved the clock days ahead, so the resolution deadline may have passed too: one escalation per breach.
    expect(breaches.filter((kind) => kind === 'sla-breach-first-response#0')).toHaveLength(1);
    expect(new Set(breaches).size).toBe(breaches.length);
    const escalations = (await mailsTo('managers@example.com')).filter((mail) => (mail.subject ?? '').includes(reference));
    expect(escalations).toHaveLength(breaches.length);
  });
});
