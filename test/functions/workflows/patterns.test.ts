import { PutObjectCommand } from '@aws-sdk/client-s3';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient, s3Client, sesClient } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { SesOutbox } from '#adapters/ses-outbox';
import { isRepeat, type FlaggedComplaint, type RepeatInfo } from '#core/patterns/repeat';
import type { SesReceiptEvent } from '#events/ses-receipt';
import type { OutboxMessage } from '#local/ses-outbox';
import { detectPatterns, flagRepeat, type PatternDeps } from '#workflows/patterns';
import { systemClock, type InboundOutcome } from '#workflows/ports';
import { startTestStack, waitFor, type TestStack } from '../../support/local-stack.ts';
import { sendComplaint } from '../../support/smtp.ts';

const MANAGERS = 'managers@example.com';
let stack: TestStack;
let store: DynamoComplaintStore;
let handler: (event: unknown) => Promise<InboundOutcome[]>;
let deps: PatternDeps;

beforeAll(async () => {
  const { LOCAL_APP_CONFIG } = await import('#local/local-config');
  stack = await startTestStack({
    pollScheduler: false,
    // Small numbers so a burst is a handful of mails: more than max(3, 2 × baseline) in an hour.
    config: { ...LOCAL_APP_CONFIG, patterns: { repeatWindow: 'P90D', window: 'PT1H', baselineWindows: 14, minimum: 3, factor: 2 } },
  });
  ({ handler } = await import('../../../functions/handlers/inbound.ts'));
  const db = dynamoDocumentClient();
  store = new DynamoComplaintStore(db, 'complaints');
  deps = { config: stack.config, complaints: store, outbox: new SesOutbox(sesClient(), db, 'complaints', systemClock, { messageIdDomain: 'example.com' }), clock: systemClock };
});
afterAll(async () => {
  await stack?.dispose();
});

async function raw(message: OutboxMessage): Promise<ParsedMail> {
  const body = await fetch(`${stack.outbox.endpoint}/messages/${message.id}.eml`).then((response) => response.arrayBuffer());
  return simpleParser(Buffer.from(body));
}
const mailsTo = async (address: string, subject?: RegExp) =>
  (await stack.outbox.messages()).filter((mail) => mail.envelope.destinations.includes(address) && (!subject || subject.test(mail.subject ?? '')));

describe('repeat complaints', () => {
  const customer = 'repeat.customer@customer.test';

  async function complain(subject: string, text: string): Promise<{ complaint: FlaggedComplaint; notification: ParsedMail }> {
    const before = new Set((await stack.outbox.messages()).map((mail) => mail.id));
    await sendComplaint(stack.smtpPort, { from: `Rita Repeat <${customer}>`, subject, text });
    await stack.drain();
    const message = await waitFor(async () => (await mailsTo('agents@example.com')).find((mail) => !before.has(mail.id) && (mail.subject ?? '').includes(subject)));
    const notification = await raw(message);
    const reference = /CMP-[2-9A-HJ-NP-Z]{6}/.exec(notification.subject ?? '')![0];
    return { complaint: (await store.getComplaint(reference)) as FlaggedComplaint, notification };
  }

  it('flags the third of three complaints as a repeat: same customer, same category, within the window', async () => {
    const first = await complain('My parcel never arrived', 'Order 4711 was due last week and the tracking has not moved for six days. Where is my parcel?');
    const second = await complain('Charged twice for my order', 'My credit card was charged twice for the same invoice. Please refund the double payment.');
    const third = await complain('Still no delivery', 'The courier still has not delivered my package. It is now two weeks late.');
    expect(stack.invocations.failed).toBe(0);
    expect([first, second, third].map(({ complaint }) => complaint.classification.category)).toEqual(['delivery', 'billing', 'delivery']);

    // The first is new; the second complained before, but about something else: not a repeat.
    expect(first.complaint.repeat).toBeUndefined();
    expect(second.complaint.repeat).toMatchObject({ previous: 1, sameCategory: 0 });
    expect(isRepeat(second.complaint.repeat)).toBe(false);
    // The third: two earlier complaints, one of them about delivery.
    expect(third.complaint.repeat).toEqual({
      previous: 2,
      sameCategory: 1,
      references: [second.complaint.reference, first.complaint.reference],
      sameCategoryReferences: [first.complaint.reference],
      window: 'P90D',
    });
    const timeline = await store.getTimeline(third.complaint.reference);
    expect(timeline.find((event) => event.type === 'repeat')?.summary).toContain(first.complaint.reference);

    // Only the third notification carries the flag, in the subject and the body.
    for (const { notification } of [first, second]) {
      expect(notification.subject).not.toMatch(/REPEAT/);
      expect(notification.text).not.toMatch(/Repeat complaint/);
    }
    expect(third.notification.subject).toMatch(/^\[CMP-[A-Z0-9]{6}\] \[REPEAT\] New complaint: Still no delivery/);
    expect(third.notification.text).toMatch(/Repeat complaint\. This customer has complained about delivery before\. Earlier complaints about delivery in the last 90 days: 1 \(2 about anything\)/);
    expect(third.notification.text).toContain(first.complaint.reference);
  });
});

describe('bursts in a category', () => {
  const HOUR_START = '2026-06-10T10:00:00.000Z';
  let counter = 0;

  /** Stores raw MIME where the SES S3 action would and returns the event its Lambda action sends, at a chosen time. */
  async function inboundEvent(minute: number, subject: string, text: string): Promise<SesReceiptEvent> {
    counter += 1;
    const messageId = `burst${Date.now()}x${counter}`.padEnd(40, '0');
    const from = `customer${counter}@burst.test`;
    const mime = [`From: ${from}`, 'To: complaints@example.com', `Subject: ${subject}`, `Message-ID: <${messageId}@burst.test>`, 'Content-Type: text/plain; charset=utf-8', '', text, ''].join('\r\n');
    await s3Client().send(new PutObjectCommand({ Bucket: 'complaints-mail', Key: `inbound/${messageId}`, Body: mime }));
    const at = new Date(Date.parse(HOUR_START) + minute * 60_000).toISOString();
    return {
      Records: [
        {
          eventSource: 'aws:ses',
          ses: {
            mail: { messageId, timestamp: at, source: from, destination: ['complaints@example.com'] },
            receipt: {
              recipients: ['complaints@example.com'],
              spamVerdict: { status: 'PASS' },
              virusVerdict: { status: 'PASS' },
              spfVerdict: { status: 'PASS' },
              dkimVerdict: { status: 'PASS' },
              dmarcVerdict: { status: 'PASS' },
            },
          },
        },
      ],
    };
  }
  const delivery = (minute: number) => inboundEvent(minute, `Parcel ${minute} never arrived`, 'The courier says my parcel was delivered but it never arrived at my address. Order 55512.');
  const referenceOf = (outcomes: InboundOutcome[]): string => {
    const [outcome] = outcomes;
    if (outcome?.outcome !== 'complaint') throw new Error(`not a complaint: ${JSON.stringify(outcome)}`);
    return outcome.reference;
  };

  it('escalates exactly once per category and window, through a continuing burst and duplicate deliveries', async () => {
    // Baseline: 28 complaints in the hour before, i.e. 2 per hour over 14 hours, so the threshold is max(3, 2 × 2) = 4.
    for (let index = 0; index < 28; index += 1) {
      await store.countInWindow({ category: 'delivery', windowStart: '2026-06-10T09:00:00.000Z', reference: `CMP-SEED${String(index).padStart(2, '0')}`, expiresAt: 4_000_000_000 });
    }
    const references: string[] = [];
    for (let minute = 1; minute <= 4; minute += 1) references.push(referenceOf(await handler(await delivery(minute))));
    // 4 is not more than 4: no escalation yet.
    expect(await mailsTo(MANAGERS, /Escalation/)).toHaveLength(0);

    // The fifth tips it over; its event arrives three times at once (SES/Lambda deliver at least once).
    const fifth = await delivery(5);
    const outcomes = await Promise.all([handler(fifth), handler(fifth), handler(fifth)]);
    expect(new Set(outcomes.map(referenceOf)).size).toBe(1);
    references.push(referenceOf(outcomes[0]!));
    // The burst goes on.
    for (let minute = 6; minute <= 8; minute += 1) references.push(referenceOf(await handler(await delivery(minute))));
    // A complaint in the next hour starts a new window: 1 is not a burst there.
    await handler(await delivery(61));

    const escalations = await mailsTo(MANAGERS, /Escalation/);
    expect(escalations).toHaveLength(1);
    const escalation = await raw(escalations[0]!);
    expect(escalation.subject).toContain(`[${references[4]}]`);
    expect(escalation.subject).toMatch(/recurring problem/);
    expect(escalation.text).toMatch(/5 complaints about delivery/);
    expect(escalation.text).toMatch(/about 2 in a period of this length \(1 hour, averaged over the previous 14\); more than 4 counts as a burst/);

    // Each complaint counted once, duplicates included: 28 seeded + 8 in the hour, 1 in the next.
    const counts = await store.windowCounts('delivery', '2026-06-10T09:00:00.000Z', '2026-06-10T11:00:00.000Z');
    expect(counts).toEqual([
      { windowStart: '2026-06-10T09:00:00.000Z', count: 28 },
      { windowStart: '2026-06-10T10:00:00.000Z', count: 8 },
      { windowStart: '2026-06-10T11:00:00.000Z', count: 1 },
    ]);
    const tipping = (await store.getTimeline(references[4]!)).filter((event) => event.type === 'pattern-escalated');
    expect(tipping).toHaveLength(1);

    // A retry of the workflow after a crash (the complaint exists, the inbound record was not written):
    // the tipping complaint finds its own claim and the sent email; a later one finds the claim taken.
    for (const reference of [references[4]!, references[7]!]) {
      const complaint = (await store.getComplaint(reference))!;
      const again = await detectPatterns(complaint, deps, 4_000_000_000);
      expect(again).toMatchObject({ count: 8, escalated: false });
    }
    expect(await mailsTo(MANAGERS, /Escalation/)).toHaveLength(1);
    const patterns = await store.listPatterns({ from: '2026-06-10T00:00:00.000Z', to: '2026-06-11T00:00:00.000Z' });
    expect(patterns).toEqual([
      { category: 'delivery', windowStart: HOUR_START, windowEnd: '2026-06-10T11:00:00.000Z', count: 5, baseline: 2, threshold: 4, reference: references[4] },
    ]);
  });
});

describe('repeat detection reusing the intake’s read of the customer’s latest complaints', () => {
  const at = (daysAgo: number) => new Date(Date.parse('2026-11-23T10:00:00Z') - daysAgo * 86_400_000).toISOString();
  const earlier = (index: number, daysAgo: number) => ({ reference: `CMP-EARLY${index}`, receivedAt: at(daysAgo), classification: { language: 'en', category: 'delivery', severity: 'normal' as const, signals: [] } });

  async function flag(newestFirst: ReturnType<typeof earlier>[], limit: number) {
    let queries = 0;
    const complaints = {
      customerComplaintsBetween: async () => {
        queries += 1;
        return newestFirst;
      },
      recordRepeat: async (_reference: string, repeat: RepeatInfo) => repeat,
      addEvent: async () => undefined,
    } as unknown as PatternDeps['complaints'];
    const current = { reference: 'CMP-CURRNT', receivedAt: at(0), customer: { name: 'R', email: 'r@customer.test' }, classification: { language: 'en', category: 'delivery', severity: 'normal', signals: [] } } as unknown as FlaggedComplaint;
    const repeat = await flagRepeat(current, { ...deps, complaints }, 4_000_000_000, { newestFirst, limit });
    return { repeat, queries };
  }

  it('needs no second query when the read holds all the customer’s complaints', async () => {
    const { repeat, queries } = await flag([earlier(1, 3), earlier(2, 40)], 11);
    expect(queries).toBe(0);
    expect(repeat).toMatchObject({ previous: 2, sameCategory: 2 });
  });

  it('needs no second query when the read reaches back past the repeat window', async () => {
    const history = Array.from({ length: 11 }, (_, index) => earlier(index, index * 10));
    const { repeat, queries } = await flag(history, 11);
    expect(queries).toBe(0);
    expect(repeat?.previous).toBe(9);
  });

  it('queries the window when the read may have missed complaints inside it', async () => {
    const history = Array.from({ length: 11 }, (_, index) => earlier(index, index + 1));
    const { queries } = await flag(history, 11);
    expect(queries).toBe(1);
  });
});
