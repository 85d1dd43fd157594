import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { s3Client } from '#adapters/aws-clients';
import { S3MailStore } from '#adapters/s3-mail-store';
import { complaintAdapters, schedulerAdapter } from '#adapters/wiring';
import type { AppConfig } from '#config/app-config';
import { STORED_BODY_BYTES, TRUNCATION_MARKER } from '#core/intake';
import { sesReceiptRecordSchema, type SesReceiptRecord } from '#events/ses-receipt';
import { systemClock, type ComplaintStore, type InboundOutcome } from '#workflows/ports';
import { receiveMail, type ReceiveMailDeps } from '#workflows/receive-mail';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';

let stack: TestStack;
let deps: ReceiveMailDeps;
let store: ComplaintStore;
/** How often each ComplaintStore method was called since the last reset. */
const calls = new Map<string, number>();
let counter = 0;

beforeAll(async () => {
  stack = await startTestStack();
  const { categoryNames } = await import('../../../functions/handlers/runtime.ts');
  const adapters = complaintAdapters('complaints', stack.config, systemClock);
  store = adapters.complaints;
  const counting = new Proxy(adapters.complaints, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  deps = {
    config: stack.config,
    mailStore: new S3MailStore(s3Client(), 'complaints-mail'),
    complaints: counting,
    outbox: adapters.outbox,
    scheduler: schedulerAdapter(stack.queues.schedulerUrl, systemClock, 900),
    clock: systemClock,
    signingSecret: 'test-secret',
    categories: categoryNames(),
    inboundPrefix: 'inbound/',
    attachmentsPrefix: 'attachments/',
    log: () => undefined,
  };
});
afterAll(async () => {
  await stack?.dispose();
});
beforeEach(async () => {
  await fetch(`${stack.outbox.endpoint}/messages`, { method: 'DELETE' });
  calls.clear();
});

type ReceiptOverrides = Partial<Record<'spam' | 'virus' | 'dmarc' | 'spf' | 'dkim', string>> & { dmarcPolicy?: string; source?: string; recipients?: string[] };

/** Stores raw MIME where SES's S3 action would and returns the record its Lambda action carries. */
async function deliver(raw: string | Buffer, overrides: ReceiptOverrides = {}): Promise<SesReceiptRecord> {
  counter += 1;
  const messageId = `wf${Date.now()}x${counter}`.padEnd(40, '0');
  await s3Client().send(new PutObjectCommand({ Bucket: 'complaints-mail', Key: `inbound/${messageId}`, Body: raw }));
  const recipients = overrides.recipients ?? ['complaints@example.com'];
  return sesReceiptRecordSchema.parse({
    eventSource: 'aws:ses',
    ses: {
      mail: { messageId, timestamp: new Date().toISOString(), source: overrides.source ?? 'sender@customer.test', destination: recipients },
      receipt: {
        recipients,
        spamVerdict: { status: overrides.spam ?? 'PASS' },
        virusVerdict: { status: overrides.virus ?? 'PASS' },
        spfVerdict: { status: overrides.spf ?? 'PASS' },
        dkimVerdict: { status: overrides.dkim ?? 'PASS' },
        dmarcVerdict: { status: overrides.dmarc ?? 'PASS' },
        ...(overrides.dmarcPolicy ? { dmarcPolicy: overrides.dmarcPolicy } : {}),
      },
    },
  });
}

function mime(headers: Record<string, string>, body: string): string {
  const lines = Object.entries({ To: 'complaints@example.com', Date: 'Mon, 23 Nov 2026 10:00:00 +0100', 'Content-Type': 'text/plain; charset=utf-8', ...headers }).map(([name, value]) => `${name}: ${value}`);
  return [...lines, '', body, ''].join('\r\n');
}

const uniqueCustomer = () => `customer${Date.now()}${(counter += 1)}@customer.test`;

async function sentTo(address: string) {
  return (await stack.outbox.messages()).filter((message) => message.envelope.destinations.includes(address));
}

async function complaintFrom(from: string, subject = 'The parcel never arrived', body = 'I ordered a lamp three weeks ago and it never arrived. Please help.') {
  const outcome = await receiveMail(await deliver(mime({ From: from, Subject: subject, 'Message-ID': `<${counter}.${Date.now()}@customer.test>` }, body)), deps);
  if (outcome.outcome !== 'complaint') throw new Error(`expected a complaint, got ${JSON.stringify(outcome)}`);
  const complaint = await store.getComplaint(outcome.reference);
  return complaint!;
}

describe('receiveMail: reads', () => {
  it('reads the per-customer index once for a new complaint and passes the previous language to the classifier', async () => {
    const customer = uniqueCustomer();
    const first = await complaintFrom(customer, 'Pakken kom aldri', 'Jeg har ikke fått pakken min, og ingen svarer på e-post. Jeg er veldig skuffet over kundeservicen deres.');
    expect(first.classification.language).toBe('nb');

    calls.clear();
    // Too little text to decide: the customer's previous language decides, not the default (en).
    const second = await complaintFrom(customer, 'Faktura', 'Faktura 12345');
    expect(second.classification.language).toBe('nb');
    expect(calls.get('complaintsOf')).toBe(1);
    expect(calls.get('customerComplaintsBetween') ?? 0).toBe(0);
    expect(second.classification.signals.join(' ')).toBeTruthy();

    // Without a previous complaint the same text falls back to the default language.
    const stranger = await complaintFrom(uniqueCustomer(), 'Faktura', 'Faktura 12345');
    expect(stranger.classification.language).toBe('en');
  });

  it('reads the complaint once on the reply path', async () => {
    const customer = uniqueCustomer();
    const complaint = await complaintFrom(customer);
    calls.clear();
    const outcome = await receiveMail(
      await deliver(mime({ From: customer, Subject: 'More details', 'Message-ID': `<reply${counter}@customer.test>` }, 'It was a blue lamp.'), { recipients: [`complaints+${complaint.reference}@example.com`] }),
      deps,
    );
    expect(outcome).toMatchObject({ outcome: 'customer-reply', reference: complaint.reference, via: 'plus-token' });
    expect(calls.get('getComplaint')).toBe(1);
  });
});

describe('receiveMail: out-of-office replies', () => {
  async function acknowledged() {
    const customer = uniqueCustomer();
    const complaint = await complaintFrom(customer);
    const [acknowledgement] = await sentTo(customer);
    expect(acknowledgement).toBeDefined();
    await fetch(`${stack.outbox.endpoint}/messages`, { method: 'DELETE' });
    return { customer, complaint };
  }

  it('adds the customer’s automatic reply to the timeline without notifying, answering or reopening', async () => {
    const { customer, complaint } = await acknowledged();
    await store.resolveComplaint(complaint.reference, { resolvedAt: new Date().toISOString(), resolvedBy: 'Agent', summary: 'Refunded' });
    const outcome = await receiveMail(
      await deliver(
        mime(
          { From: customer, Subject: `Automatic reply: [${complaint.reference}] We have received your complaint`, 'Auto-Submitted': 'auto-replied', 'In-Reply-To': complaint.acknowledgement!.messageIdHeader, 'Message-ID': `<oof${counter}@customer.test>` },
          'I am out of the office until Monday.',
        ),
        { source: '' },
      ),
      deps,
    );
    expect(outcome).toEqual({ outcome: 'auto-reply', reference: complaint.reference, reason: 'Auto-Submitted: auto-replied' });
    const timeline = await store.getTimeline(complaint.reference);
    expect(timeline.filter((event) => event.type === 'auto-reply')).toEqual([expect.objectContaining({ actor: 'customer', details: expect.objectContaining({ via: 'message-id' }) })]);
    expect(timeline.map((event) => event.type)).not.toContain('reopened');
    expect((await store.getComplaint(complaint.reference))?.status).toBe('resolved');
    expect(await stack.outbox.messages()).toHaveLength(0);
  });

  it('recognises a localised out-of-office subject threading by the plus address', async () => {
    const { customer, complaint } = await acknowledged();
    const outcome = await receiveMail(
      await deliver(mime({ From: customer, Subject: `Fraværende: [${complaint.reference}] Vi har mottatt klagen din` }, 'Jeg er på ferie.'), { recipients: [`complaints+${complaint.reference}@example.com`] }),
      deps,
    );
    expect(outcome).toMatchObject({ outcome: 'auto-reply', reference: complaint.reference });
    expect(await stack.outbox.messages()).toHaveLength(0);
  });

  it('screens an automatic reply that threads onto someone else’s complaint, or onto nothing', async () => {
    const { complaint } = await acknowledged();
    const stranger = await receiveMail(
      await deliver(mime({ From: 'someone.else@other.test', Subject: 'Out of Office: hello', 'In-Reply-To': complaint.acknowledgement!.messageIdHeader }, 'Away.')),
      deps,
    );
    expect(stranger).toMatchObject({ outcome: 'screened', rule: 'out-of-office-subject' });
    const unthreaded = await receiveMail(await deliver(mime({ From: uniqueCustomer(), Subject: 'Re: your newsletter', 'Auto-Submitted': 'auto-replied' }, 'Away.')), deps);
    expect(unthreaded).toMatchObject({ outcome: 'screened', rule: 'auto-submitted' });
    expect((await store.getTimeline(complaint.reference)).map((event) => event.type)).not.toContain('auto-reply');
    expect(await stack.outbox.messages()).toHaveLength(0);
  });

  it('never lets a bounce from the customer’s domain land on the timeline', async () => {
    const { customer, complaint } = await acknowledged();
    const bounce = await receiveMail(
      await deliver(
        mime({ From: customer, Subject: 'Automatic reply: undeliverable', 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="b"', 'In-Reply-To': complaint.acknowledgement!.messageIdHeader }, '--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--b--'),
        { source: '' },
      ),
      deps,
    );
    expect(bounce).toMatchObject({ outcome: 'screened', rule: 'delivery-report' });
  });
});

describe('receiveMail: our own mail coming back, SES verdicts', () => {
  it('screens a message carrying a Message-ID we sent, and processes a customer’s own SES Message-ID', async () => {
    const customer = uniqueCustomer();
    const complaint = await complaintFrom(customer);
    const sentId = complaint.acknowledgement!.messageIdHeader;
    expect(sentId).toMatch(/amazonses\.com>$/);
    const looped = await receiveMail(await deliver(mime({ From: 'alias@forwarder.test', Subject: 'Fwd: complaint', 'Message-ID': sentId }, 'Redirected unchanged.')), deps);
    expect(looped).toEqual({ outcome: 'screened', rule: 'own-message-id', reason: `Message-ID ${sentId} is one we sent (our own mail coming back)` });

    const viaSes = await receiveMail(await deliver(mime({ From: uniqueCustomer(), Subject: 'Broken chair', 'Message-ID': `<0102018c${counter}@eu-west-1.amazonses.com>` }, 'The chair I bought broke on the first day.')), deps);
    expect(viaSes.outcome).toBe('complaint');
  });

  it('screens a DMARC failure under reject or quarantine without a reply, and processes one under none', async () => {
    const forged = uniqueCustomer();
    for (const dmarcPolicy of ['reject', 'QUARANTINE']) {
      const outcome = await receiveMail(await deliver(mime({ From: forged, Subject: 'Refund now' }, 'Send the refund to this account.'), { dmarc: 'FAIL', spf: 'FAIL', dkim: 'FAIL', dmarcPolicy }), deps);
      expect(outcome).toMatchObject({ outcome: 'screened', rule: 'dmarc' });
    }
    expect(await sentTo(forged)).toHaveLength(0);
    const monitored = uniqueCustomer();
    const outcome = await receiveMail(await deliver(mime({ From: monitored, Subject: 'Late delivery' }, 'My parcel is two weeks late.'), { dmarc: 'FAIL', dmarcPolicy: 'none' }), deps);
    expect(outcome.outcome).toBe('complaint');
    expect(await sentTo(monitored)).toHaveLength(1);
  });
});

describe('receiveMail: limits', () => {
  async function withLimits<T>(limits: Partial<AppConfig['limits']>, run: () => Promise<T>): Promise<T> {
    const original = deps.config;
    deps.config = { ...original, limits: { ...original.limits, ...limits } };
    try {
      return await run();
    } finally {
      deps.config = original;
    }
  }

  it('records on the complaint which attachments were not stored and why', async () => {
    const part = (name: string, content: string) =>
      ['--b', `Content-Type: application/octet-stream; name="${name}"`, `Content-Disposition: attachment; filename="${name}"`, 'Content-Transfer-Encoding: base64', '', Buffer.from(content).toString('base64')].join('\r\n');
    const raw = mime(
      { From: uniqueCustomer(), Subject: 'Documents', 'MIME-Version': '1.0', 'Content-Type': 'multipart/mixed; boundary="b"' },
      ['--b', 'Content-Type: text/plain', '', 'See the attached documents.', part('a.txt', 'small'), part('big.bin', 'x'.repeat(64)), part('c.txt', 'c'), part('d.txt', 'd'), part('e.txt', 'e'), '--b--'].join('\r\n'),
    );
    const outcome = await withLimits({ maxAttachments: 2, maxAttachmentBytes: 32 }, async () => receiveMail(await deliver(raw), deps));
    const complaint = await store.getComplaint((outcome as { reference: string }).reference);
    expect(complaint?.attachments.map((attachment) => attachment.filename)).toEqual(['a.txt']);
    expect(complaint?.attachmentsNotStored).toEqual([
      '3 attachments over the 2-attachment limit were not stored; they remain in the raw message.',
      'big.bin (64 bytes) is over the 32-byte attachment limit and was not stored; it remains in the raw message.',
    ]);
    const received = (await store.getTimeline(complaint!.reference)).find((event) => event.type === 'complaint-received');
    expect(String(received?.details?.attachmentsNotStored)).toContain('3 attachments over the 2-attachment limit');
  });

  it('keeps a huge multibyte body under the DynamoDB item limit, marked as truncated, the whole text in the raw mail', async () => {
    const body = 'Pakken min kom ødelagt. 包裹坏了。'.repeat(20_000);
    const record = await deliver(mime({ From: uniqueCustomer(), Subject: 'Ødelagt pakke' }, body));
    const outcome = await receiveMail(record, deps);
    const complaint = await store.getComplaint((outcome as { reference: string }).reference);
    expect(complaint?.bodyTruncated).toBe(true);
    expect(complaint!.body.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(Buffer.byteLength(complaint!.body.slice(0, -TRUNCATION_MARKER.length), 'utf8')).toBeLessThanOrEqual(STORED_BODY_BYTES);
    expect(complaint!.body).not.toContain('\uFFFD');
    const raw = await deps.mailStore.getRaw(complaint!.rawS3Key);
    expect(raw.content.toString('utf8')).toContain(body.slice(-200));
  });

  it('screens a message that cannot be parsed in time on its first delivery, with the reason', async () => {
    const record = await deliver(mime({ From: uniqueCustomer(), Subject: 'Slow' }, 'x'.repeat(5_000_000)));
    const outcome = await withLimits({ parseTimeoutMs: 1 }, () => receiveMail(record, deps));
    expect(outcome).toEqual({ outcome: 'screened', rule: 'unparseable', reason: 'parsing took longer than 1 ms' });
    expect((await store.getInbound(record.ses.mail.messageId))?.result).toEqual(outcome);
  });

  it('accepts a message of exactly the raw size limit and screens one byte over', async () => {
    const raw = mime({ From: uniqueCustomer(), Subject: 'Exactly at the limit' }, 'My order arrived broken and I want a refund.');
    const size = Buffer.byteLength(raw);
    const atLimit = await withLimits({ maxRawBytes: size }, async () => receiveMail(await deliver(raw), deps));
    expect(atLimit.outcome).toBe('complaint');
    const over = await withLimits({ maxRawBytes: size - 1 }, async () => receiveMail(await deliver(raw), deps));
    expect(over).toEqual({ outcome: 'screened', rule: 'too-large', reason: `raw message is ${size} bytes, over the ${size - 1}-byte limit` });
  });

  it('bounds classification to limits.classificationChars', async () => {
    // The only severity cue sits after the classification prefix: it must not count.
    const body = `${'Jeg venter fortsatt på pakken. '.repeat(40)}\nDette er livsfarlig, barnet mitt ble skadet av produktet!`;
    const short = await withLimits({ classificationChars: 200 }, async () => receiveMail(await deliver(mime({ From: uniqueCustomer(), Subject: 'Pakke' }, body)), deps));
    const whole = await receiveMail(await deliver(mime({ From: uniqueCustomer(), Subject: 'Pakke' }, body)), deps);
    const severity = async (outcome: InboundOutcome) => (await store.getComplaint((outcome as { reference: string }).reference))?.classification.severity;
    expect(await severity(whole)).not.toBe('normal');
    expect(await severity(short)).toBe('normal');
  });
});
