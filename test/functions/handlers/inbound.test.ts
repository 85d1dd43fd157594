import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dynamoDocumentClient, s3Client } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import type { SesReceiptEvent } from '#events/ses-receipt';
import type { InboundOutcome } from '#workflows/ports';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';

/** The copy in the repository, and the team's shared corpus beside it when present (it may grow). */
const CORPORA = [join(import.meta.dirname, '../../fixtures/mime'), join(import.meta.dirname, '../../../../shared/corpus/mime')].filter((dir) => existsSync(dir));

let stack: TestStack;
let handler: (event: unknown) => Promise<InboundOutcome[]>;
let store: DynamoComplaintStore;
let counter = 0;

beforeAll(async () => {
  stack = await startTestStack();
  ({ handler } = await import('../../../functions/handlers/inbound.ts'));
  store = new DynamoComplaintStore(dynamoDocumentClient(), 'complaints');
});
afterAll(async () => {
  await stack?.dispose();
});
beforeEach(async () => {
  await fetch(`${stack.outbox.endpoint}/messages`, { method: 'DELETE' });
});

/** Stores raw MIME where the SES S3 action would and returns the event its Lambda action sends. */
async function deliverRaw(raw: Buffer | string, overrides: { source?: string; spam?: string; virus?: string } = {}): Promise<SesReceiptEvent> {
  counter += 1;
  const messageId = `test${Date.now()}x${counter}`.padEnd(40, '0');
  await s3Client().send(new PutObjectCommand({ Bucket: 'complaints-mail', Key: `inbound/${messageId}`, Body: raw }));
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        ses: {
          mail: { messageId, timestamp: new Date().toISOString(), source: overrides.source ?? 'sender@customer.test', destination: ['complaints@example.com'] },
          receipt: {
            recipients: ['complaints@example.com'],
            spamVerdict: { status: overrides.spam ?? 'PASS' },
            virusVerdict: { status: overrides.virus ?? 'PASS' },
            spfVerdict: { status: 'PASS' },
            dkimVerdict: { status: 'PASS' },
            dmarcVerdict: { status: 'PASS' },
          },
        },
      },
    ],
  };
}

const complaintMail = (subject: string) =>
  [
    'From: Ola Nordmann <ola@customer.test>',
    'To: complaints@example.com',
    `Subject: ${subject}`,
    `Message-ID: <${subject.replace(/\W/g, '')}@customer.test>`,
    'Date: Mon, 23 Nov 2026 10:00:00 +0100',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Jeg har ikke fått pakken min, og ingen svarer på e-post. Ordrenummer 778899.',
    '',
  ].join('\r\n');

async function outboxTo(address: string) {
  return (await stack.outbox.messages()).filter((message) => message.envelope.destinations.includes(address));
}

describe('inbound handler against the local stand-ins', () => {
  it('turns the same event delivered 3 times concurrently into 1 complaint and 1 acknowledgement', async () => {
    const event = await deliverRaw(complaintMail('Pakken kom aldri'));
    const results = await Promise.all([handler(event), handler(event), handler(event)]);
    const references = new Set(results.map(([outcome]) => (outcome?.outcome === 'complaint' ? outcome.reference : undefined)));
    expect(references.size).toBe(1);
    const [reference] = [...references];
    expect(reference).toMatch(/^CMP-/);

    expect(await outboxTo('ola@customer.test')).toHaveLength(1);
    const complaints = (await store.listComplaints({ status: 'open' })).filter((complaint) => complaint.sourceMessageId === event.Records[0]!.ses.mail.messageId);
    expect(complaints).toHaveLength(1);

    // A fourth, late redelivery changes nothing either.
    await handler(event);
    expect(await outboxTo('ola@customer.test')).toHaveLength(1);
  });

  it('records a spam FAIL as screened and quarantines a virus FAIL unread, without a reply', async () => {
    const spam = await handler(await deliverRaw(complaintMail('Spam verdict'), { spam: 'FAIL' }));
    const virusEvent = await deliverRaw(complaintMail('Virus verdict'), { virus: 'FAIL' });
    const messageId = virusEvent.Records[0]!.ses.mail.messageId;
    const virus = await handler(virusEvent);
    expect(spam[0]).toEqual({ outcome: 'screened', rule: 'spam', reason: 'SES spam verdict FAIL' });
    expect(virus[0]).toEqual({ outcome: 'quarantined', reason: 'SES virus verdict FAIL: quarantined, not processed', quarantineKey: `quarantine/inbound/${messageId}` });
    expect(await outboxTo('ola@customer.test')).toHaveLength(0);
    // Moved, not copied: nothing under inbound/ can be read again; the screened list shows it.
    await expect(s3Client().send(new HeadObjectCommand({ Bucket: 'complaints-mail', Key: `inbound/${messageId}` }))).rejects.toThrow();
    const moved = await s3Client().send(new HeadObjectCommand({ Bucket: 'complaints-mail', Key: `quarantine/inbound/${messageId}` }));
    expect(moved.ContentLength).toBeGreaterThan(0);
    expect((await store.listScreened({ limit: 50 })).map((record) => record.sesMessageId)).toContain(messageId);
    // A redelivery after the move returns the recorded outcome.
    expect(await handler(virusEvent)).toEqual(virus);
  });

  it('skips the setup notification SES writes when the S3 action is created', async () => {
    const event = await deliverRaw('setup');
    event.Records[0]!.ses.mail.messageId = 'AMAZON_SES_SETUP_NOTIFICATION';
    expect(await handler(event)).toEqual([{ outcome: 'ignored', reason: 'SES setup notification' }]);
  });

  it('rejects an event that is not an SES receipt with the offending field named', async () => {
    await expect(handler({ Records: [{ eventSource: 'aws:sqs' }] })).rejects.toThrow(/Records\.0\.eventSource/);
  });

  it('screens a message larger than the configured limit without downloading it', async () => {
    const big = Buffer.alloc(stack.config.limits.maxRawBytes + 1, 'a');
    const [outcome] = await handler(await deliverRaw(big));
    expect(outcome).toMatchObject({ outcome: 'screened', rule: 'too-large' });
  });

  it('stores attachments in S3 and lists them on the complaint', async () => {
    const raw = [
      'From: kunde@customer.test',
      'To: complaints@example.com',
      'Subject: Photo of the damage',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The parcel was crushed, see the photo.',
      '--b1',
      'Content-Type: image/png; name="damage.png"',
      'Content-Disposition: attachment; filename="damage.png"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('not really a png').toString('base64'),
      '--b1--',
      '',
    ].join('\r\n');
    const [outcome] = await handler(await deliverRaw(raw));
    expect(outcome?.outcome).toBe('complaint');
    const complaint = await store.getComplaint((outcome as { reference: string }).reference);
    expect(complaint?.attachments).toEqual([expect.objectContaining({ filename: 'damage.png', contentType: 'image/png', size: 16 })]);
    expect(complaint?.attachments[0]?.s3Key).toMatch(/^attachments\/.+\/1-damage\.png$/);
  });

  it('ends every corpus file as a complaint or a screened record with a reason, and never replies to the bounce or the spam', async () => {
    const byName = new Map(CORPORA.flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.eml')).map((name) => [name, join(dir, name)] as const)));
    const files = [...byName.keys()].sort();
    expect(files.length).toBeGreaterThanOrEqual(10);
    const outcomes: Record<string, InboundOutcome> = {};
    for (const file of files) {
      const raw = readFileSync(byName.get(file)!);
      const returnPath = /^Return-Path:\s*<([^>]*)>/im.exec(raw.subarray(0, 4096).toString('latin1'))?.[1];
      const event = await deliverRaw(raw, { source: returnPath ?? 'sender@corpus.test' });
      const [outcome] = await handler(event);
      expect(outcome, file).toBeDefined();
      outcomes[file] = outcome!;
      const record = await store.getInbound(event.Records[0]!.ses.mail.messageId);
      expect(record?.result, file).toEqual(outcome);
      if (outcome!.outcome === 'screened') expect(outcome!.reason.length, file).toBeGreaterThan(5);
      else expect(outcome!.outcome, file).toBe('complaint');
    }
    expect(outcomes['delivery-status.eml']).toMatchObject({ outcome: 'screened', rule: 'delivery-report' });
    expect(outcomes['spam.eml']).toMatchObject({ outcome: 'screened' });
    expect(outcomes['large_text.eml']).toMatchObject({ outcome: 'screened', rule: 'precedence' });
    expect(outcomes['nodemailer.eml']).toMatchObject({ outcome: 'complaint' });
    const sent = await stack.outbox.messages();
    const recipients = sent.flatMap((message) => message.envelope.destinations);
    expect(recipients).not.toContain('xxxxx@gmail.com');
    expect(recipients).not.toContain('noreply@guide-des-vins-de-bourgogne.fr');
    console.info('corpus outcomes', Object.fromEntries(Object.entries(outcomes).map(([file, outcome]) => [file, outcome.outcome === 'screened' ? `screened: ${outcome.rule}` : outcome.outcome])));
  });
});
