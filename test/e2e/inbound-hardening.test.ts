import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { startTestStack, waitFor, type TestStack } from '../support/local-stack.ts';
import { sendComplaint } from '../support/smtp.ts';

let stack: TestStack;
let store: DynamoComplaintStore;

beforeAll(async () => {
  stack = await startTestStack();
  store = new DynamoComplaintStore(dynamoDocumentClient(), 'complaints');
});
afterAll(async () => {
  await stack?.dispose();
});

async function sentTo(address: string) {
  return (await stack.outbox.messages()).filter((message) => message.envelope.destinations.includes(address));
}

/** The inbound record of the mail whose subject is `subject` (screened and quarantined records are listed). */
async function screenedWithSubject(subject: string) {
  return waitFor(async () => (await store.listScreened({ limit: 100 })).find((record) => record.subject === subject));
}

describe('inbound hardening through SMTP', () => {
  it('puts the customer’s out-of-office reply on the timeline silently: no mail out, no reopening', async () => {
    await sendComplaint(stack.smtpPort, { from: 'Kari Nordmann <kari@customer.test>', subject: 'Ødelagt sofa', text: 'Sofaen jeg kjøpte kom med et stort hull i stoffet. Jeg vil ha en ny.' });
    const [acknowledgement] = await waitFor(async () => ((await sentTo('kari@customer.test')).length > 0 ? sentTo('kari@customer.test') : undefined));
    await stack.drain();
    const raw = await fetch(`${stack.outbox.url.replace(/\/$/, '')}/messages/${acknowledgement!.id}.eml`).then((response) => response.arrayBuffer());
    const parsed = await simpleParser(Buffer.from(raw));
    const ackMessageId = parsed.messageId;
    const reference = /\[(CMP-[2-9A-HJ-NP-Z]{6})\]/.exec(parsed.subject ?? '')?.[1];
    expect(ackMessageId && reference).toBeTruthy();
    const before = (await stack.outbox.messages()).length;

    await sendComplaint(stack.smtpPort, {
      from: 'Kari Nordmann <kari@customer.test>',
      subject: `Automatisk svar: [${reference}] Vi har mottatt klagen din`,
      text: 'Jeg er på ferie til 1. desember og leser ikke e-post.',
      headers: { 'Auto-Submitted': 'auto-replied', 'In-Reply-To': ackMessageId!, References: ackMessageId! },
    });
    await stack.drain();

    const timeline = await waitFor(async () => {
      const events = await store.getTimeline(reference!);
      return events.some((event) => event.type === 'auto-reply') ? events : undefined;
    });
    expect(timeline.filter((event) => event.type === 'auto-reply')).toHaveLength(1);
    expect(timeline.map((event) => event.type)).not.toContain('customer-reply');
    expect((await stack.outbox.messages()).length).toBe(before);
    expect((await store.getComplaint(reference!))?.status).toBe('open');
  });

  it('quarantines a message SES found a virus in and sends nothing', async () => {
    const subject = 'Invoice attached (virus)';
    await sendComplaint(stack.smtpPort, { from: 'infected@customer.test', subject, text: 'Please see the attached invoice.', headers: { 'X-Local-SES-Verdicts': 'virus=FAIL' } });
    await stack.drain();
    const record = await waitFor(async () => (await store.listScreened({ limit: 100 })).find((candidate) => candidate.result.outcome === 'quarantined' && candidate.result.quarantineKey.endsWith(candidate.sesMessageId)));
    expect(record.result).toMatchObject({ outcome: 'quarantined', reason: 'SES virus verdict FAIL: quarantined, not processed' });
    // Never parsed: the record knows neither the sender nor the subject.
    expect(record.subject).toBeUndefined();
    expect(await sentTo('infected@customer.test')).toHaveLength(0);
    expect((await store.complaintsOf('infected@customer.test')).length).toBe(0);
  });

  it('does not answer a message failing DMARC under the sender domain’s reject policy', async () => {
    const subject = 'Urgent refund to new account';
    await sendComplaint(stack.smtpPort, { from: 'ceo@bigbank.test', subject, text: 'Transfer the refund to the account below.', headers: { 'X-Local-SES-Verdicts': 'spf=FAIL, dkim=FAIL, dmarc=FAIL, dmarcPolicy=reject' } });
    await stack.drain();
    const record = await screenedWithSubject(subject);
    expect(record.result).toMatchObject({ outcome: 'screened', rule: 'dmarc' });
    expect(await sentTo('ceo@bigbank.test')).toHaveLength(0);
  });
});
