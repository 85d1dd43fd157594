import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient, s3Client } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import type { ReportFigures } from '#core/patterns/report';
import type { SesReceiptEvent } from '#events/ses-receipt';
import type { InboundOutcome } from '#workflows/ports';
import { buildReport, renderReport, reportContext } from '#workflows/report';
import { reportContextSchema } from '#templates/render';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';

const run = promisify(execFile);
const HOUR = 3_600_000;
const TZ = 'Europe/Copenhagen';
/** October 2026 in Copenhagen. */
const OCTOBER = { from: '2026-09-30T22:00:00.000Z', to: '2026-10-31T23:00:00.000Z' };

let stack: TestStack;
let store: DynamoComplaintStore;
let inbound: (event: unknown) => Promise<InboundOutcome[]>;
let counter = 0;
const refs: Record<string, string> = {};

async function complaintAt(at: string, from: string, subject: string, text: string): Promise<string> {
  counter += 1;
  const messageId = `report${Date.now()}x${counter}`.padEnd(40, '0');
  const mime = [`From: ${from}`, 'To: complaints@example.com', `Subject: ${subject}`, `Message-ID: <${messageId}@customer.test>`, 'Content-Type: text/plain; charset=utf-8', '', text, ''].join('\r\n');
  await s3Client().send(new PutObjectCommand({ Bucket: 'complaints-mail', Key: `inbound/${messageId}`, Body: mime }));
  const event: SesReceiptEvent = {
    Records: [
      {
        eventSource: 'aws:ses',
        ses: {
          mail: { messageId, timestamp: at, source: from, destination: ['complaints@example.com'] },
          receipt: { recipients: ['complaints@example.com'], spamVerdict: { status: 'PASS' }, virusVerdict: { status: 'PASS' }, spfVerdict: { status: 'PASS' }, dkimVerdict: { status: 'PASS' }, dmarcVerdict: { status: 'PASS' } },
        },
      },
    ],
  };
  const [outcome] = await inbound(event);
  if (outcome?.outcome !== 'complaint') throw new Error(`not a complaint: ${JSON.stringify(outcome)}`);
  // The acknowledgement went out just now (real time); the seeded history has it 5 s after receipt.
  await store.recordAcknowledgement(outcome.reference, { sesMessageId: `ack-${counter}`, messageIdHeader: `<ack-${counter}@example.com>`, sentAt: plus(at, 5 / 3600) });
  return outcome.reference;
}
const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR).toISOString();
const parcel = 'My parcel was due last week and the tracking has not moved for days. Where is it?';

/**
 * October 2026: six delivery complaints on the 6th (the sixth is a burst and a repeat), two
 * billing complaints on the 14th (one Danish), an urgent product complaint on the 20th, and one
 * complaint on each side of the month. Four are answered and resolved, three of them rated.
 */
async function seed(): Promise<void> {
  const day6 = '2026-10-06T08:00:00.000Z';
  refs.c1 = await complaintAt(day6, 'ann@customer.test', 'Parcel never arrived', parcel);
  refs.c2 = await complaintAt(plus(day6, 1), 'bo@customer.test', 'RE: Parcel never arrived', parcel);
  refs.c3 = await complaintAt(plus(day6, 2), 'cy@customer.test', 'Parcel never arrived!', parcel);
  refs.c4 = await complaintAt(plus(day6, 3), 'di@customer.test', 'Where is my parcel?', parcel);
  refs.c5 = await complaintAt(plus(day6, 4), 'ed@customer.test', 'Parcel 4411 never arrived', parcel);
  refs.c6 = await complaintAt(plus(day6, 5), 'ann@customer.test', 'Still no parcel', parcel);
  const day14 = '2026-10-14T09:00:00.000Z';
  refs.c7 = await complaintAt(day14, 'fi@customer.test', 'Invoice wrong', 'The invoice charges me twice for the same order. Please correct the amount and refund the difference.');
  refs.c8 = await complaintAt(plus(day14, 1), 'gu@customer.test', 'Faktura forkert', 'Jeg har fået en faktura på et beløb, der er dobbelt så stort som aftalt. Jeg vil gerne have den rettet hurtigst muligt.');
  refs.c9 = await complaintAt('2026-10-20T12:00:00.000Z', 'hu@customer.test', 'Heater caught fire', 'The heater I bought caught fire last night and burned my hand. This is dangerous, I am contacting the consumer authority.');
  // 23:00 on 30 September and 00:30 on 1 November in Copenhagen: not October.
  await complaintAt('2026-09-30T21:00:00.000Z', 'early@customer.test', 'Parcel never arrived', parcel);
  await complaintAt('2026-10-31T23:30:00.000Z', 'late@customer.test', 'Parcel never arrived', parcel);

  const replied = async (key: string, hours: number) => {
    const complaint = (await store.getComplaint(refs[key]!))!;
    await store.recordAgentReply(complaint.reference, plus(complaint.receivedAt, hours));
  };
  const resolved = async (key: string, hours: number, by: string, rating?: number) => {
    const complaint = (await store.getComplaint(refs[key]!))!;
    const resolvedAt = plus(complaint.receivedAt, hours);
    expect(await store.resolveComplaint(complaint.reference, { resolvedAt, resolvedBy: by, summary: 'Sorted out.' })).toBe('resolved');
    if (rating) expect(await store.recordFeedback(complaint.reference, { rating, at: plus(resolvedAt, 24) })).toBe('recorded');
  };
  await replied('c1', 2);
  await replied('c2', 4);
  await replied('c3', 10); // first response due after 8 h: late
  await replied('c7', 1);
  await resolved('c1', 24, 'Sam Berg', 5);
  await resolved('c2', 48, 'Sam Berg', 4);
  await resolved('c3', 168, 'Liis Tamm', 2); // resolution due after 5 days: late
  await resolved('c7', 3, 'Liis Tamm');
}

beforeAll(async () => {
  const { LOCAL_APP_CONFIG } = await import('#local/local-config');
  stack = await startTestStack({ pollScheduler: false, config: { ...LOCAL_APP_CONFIG, sla: { firstResponse: 'PT8H', resolution: 'P5D' } } });
  ({ handler: inbound } = await import('../../../functions/handlers/inbound.ts'));
  store = new DynamoComplaintStore(dynamoDocumentClient(), 'complaints');
  await seed();
}, 120_000);
afterAll(async () => {
  await stack?.dispose();
});

function expectOctoberFigures(figures: ReportFigures): void {
  expect(figures.period).toEqual(OCTOBER);
  expect(figures.totals).toEqual({ received: 9, resolved: 4, open: 5, overdue: 5 });
  expect(figures.categories.map((row) => [row.name, row.count])).toEqual([['delivery', 6], ['billing', 2], ['product', 1]]);
  expect(figures.languages.map((row) => [row.name, row.count])).toEqual([['en', 8], ['da', 1]]);
  expect(figures.severities.map((row) => [row.name, row.count])).toEqual([['urgent', 1], ['high', 0], ['normal', 8]]);
  // first replies 1, 2, 4, 10 h; resolutions 3, 24, 48, 168 h
  expect(figures.times.firstReply).toEqual({ count: 4, medianMs: 3 * HOUR, p90Ms: 29_520_000 }); // 8.2 h
  expect(figures.times.resolution).toEqual({ count: 4, medianMs: 36 * HOUR, p90Ms: 132 * HOUR });
  expect(figures.times.acknowledgement).toEqual({ count: 9, medianMs: 5000, p90Ms: 5000 });
  expect(figures.sla.firstResponse).toEqual({ met: 3, breached: 6, pending: 0, metShare: 3 / 9 });
  expect(figures.sla.resolution).toEqual({ met: 3, breached: 6, pending: 0, metShare: 3 / 9 });
  expect(figures.satisfaction).toMatchObject({ responses: 3 });
  expect(figures.satisfaction.average).toBeCloseTo(11 / 3);
  expect(figures.satisfaction.distribution.map((row) => row.count)).toEqual([1, 1, 0, 1, 0]);
  expect(figures.repeats).toMatchObject({ complaints: 1, categories: [{ name: 'delivery', count: 1 }] });
  expect(figures.repeats.rate).toBeCloseTo(1 / 9);
  expect(figures.recurring).toEqual([{ name: 'Parcel never arrived', count: 4, share: 4 / 9 }]);
  expect(figures.bursts).toEqual([
    { category: 'delivery', windowStart: '2026-10-06T00:00:00.000Z', windowEnd: '2026-10-07T00:00:00.000Z', count: 6, baseline: 0, threshold: 5, reference: refs.c6 },
  ]);
  expect(figures.agents).toEqual([
    { name: 'Liis Tamm', handled: 2, medianFirstReplyMs: 5.5 * HOUR },
    { name: 'Sam Berg', handled: 2, medianFirstReplyMs: 3 * HOUR },
  ]);
}

describe('the complaints report on a seeded local stack', () => {
  it('computes the figures from the status index (complaints received in the period only)', async () => {
    const figures = await buildReport(OCTOBER, { config: stack.config, complaints: store, clock: { now: () => new Date() }, timeZone: TZ });
    expectOctoberFigures(figures);
  });

  it('`complaints report --json` prints the same figures; the text form shows them with bars', async () => {
    const env = { ...process.env, ...stack.env };
    const bin = new URL('../../../bin/complaints.js', import.meta.url).pathname;
    const json = await run(process.execPath, [bin, 'report', '--from', '2026-10-01', '--to', '2026-11-01', '--tz', TZ, '--json'], { env });
    const printed = JSON.parse(json.stdout) as ReportFigures & { timeZone: string };
    expect(printed.timeZone).toBe(TZ);
    expectOctoberFigures(printed);

    const text = (await run(process.execPath, [bin, 'report', '--month', '2026-10', '--tz', TZ], { env })).stdout;
    expect(text).toContain('Complaints report 2026-10-01 – 2026-10-31 (Europe/Copenhagen)');
    expect(text).toMatch(/Received\s+9/);
    expect(text).toMatch(/Repeat complaints\s+1 \(11\.1%\)/);
    expect(text).toMatch(/First response\s+3\s+6\s+0\s+33\.3%/);
    expect(text).toMatch(/first agent reply\s+3h\s+8h 12m\s+4/);
    expect(text).toMatch(/resolution\s+1d 12h\s+5d 12h\s+4/);
    expect(text).toMatch(/delivery\s+6\s+66\.7%\s+█{28}\n/);
    expect(text).toMatch(/4\s+Parcel never arrived/);
    expect(text).toMatch(/Average 3\.67 of 5 from 3 ratings/);
    expect(text).toContain(refs.c6);

    await expect(run(process.execPath, [bin, 'report', '--from', '2026-11-01', '--to', '2026-10-01'], { env })).rejects.toMatchObject({ stderr: expect.stringMatching(/must be after --from/) });
  });

  it('renders the report email: the context passes the template schema and the numbers are in it', async () => {
    const figures = await buildReport(OCTOBER, { config: stack.config, complaints: store, clock: { now: () => new Date() }, timeZone: TZ });
    expect(reportContextSchema.safeParse(reportContext(figures, stack.config)).success).toBe(true);
    const email = renderReport(figures, { config: stack.config, timeZone: TZ });
    expect(email.subject).toBe('Complaints report 1 October 2026 – 31 October 2026');
    expect(email.text).toMatch(/Received: 9\nResolved: 4\nStill open: 5\nPast their deadline: 5/);
    expect(email.text).toContain('First reply late or still missing: 6');
    expect(email.text).toContain('- first agent reply: 3 hours / 8 hours and 12 minutes (4)');
    expect(email.text).toContain('- resolution: 1 day and 12 hours / 5 days and 12 hours (4)');
    expect(email.text).toContain('- delivery: 6 (66.7%)');
    expect(email.text).toContain('- Urgent: 1 (11.1%)');
    expect(email.text).toContain('Repeat complaints (same customer, same category): 1 (11.1%)');
    expect(email.text).toContain('- delivery, Tuesday, 6 October 2026 at 02:00 CEST: 6 (threshold 5)');
    expect(email.text).toContain('Average score 3.67 of 5 from 3 answers.');
    expect(email.text).toContain('- Liis Tamm: 2, 5 hours and 30 minutes');
    // The bars are table cells sized in percent of the largest row.
    expect(email.html).toMatch(/<td width="100%" height="10" bgcolor="#1f4e79"/);
    expect(email.html).toMatch(/<td width="33%" height="10" bgcolor="#1f4e79"/);
  });

  it('mails last month’s report to the managers once, however often the schedule fires', async () => {
    const { handler } = await import('../../../functions/handlers/report.ts');
    const scheduled = { version: '0', 'detail-type': 'Scheduled Event', source: 'aws.events', time: '2026-11-01T06:00:00Z', resources: [] };
    const first = await handler(scheduled);
    const again = await Promise.all([handler(scheduled), handler({ month: '2026-10' })]);
    expect(first).toEqual({ month: '2026-10', from: OCTOBER.from, to: OCTOBER.to, received: 9, status: 'sent' });
    expect(again.map((result) => result.status)).toEqual(['already-sent', 'already-sent']);

    const reports = (await stack.outbox.messages()).filter((mail) => mail.envelope.destinations.includes('managers@example.com') && /Complaints report/.test(mail.subject ?? ''));
    expect(reports).toHaveLength(1);
    const body = await fetch(`${stack.outbox.endpoint}/messages/${reports[0]!.id}.eml`).then((response) => response.arrayBuffer());
    const mail = await simpleParser(Buffer.from(body));
    expect(mail.subject).toBe('Complaints report 1 October 2026 – 31 October 2026');
    expect(mail.text).toContain('Received: 9');
    expect(mail.html).toContain('bgcolor="#1f4e79"');
    await expect(handler({ month: '2026-13' })).rejects.toThrow(/must look like 2026-11/);
  });
});
