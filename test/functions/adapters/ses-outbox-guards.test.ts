import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESClient } from '@aws-sdk/client-ses';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoSuppressionList } from '#adapters/dynamo-suppression-list';
import { SesOutbox } from '#adapters/ses-outbox';
import type { OutboundEmail } from '#mail/compose';
import { systemClock } from '#workflows/ports';
import { startSesOutbox, type SesOutbox as SesStandIn } from '../../../infra/local/ses-outbox.ts';
import { startTestTable, type TestTable } from '../../support/dynamo.ts';

let table: TestTable;
let standIn: SesStandIn;
let dataDir: string;
let ses: SESClient;
let outbox: SesOutbox;
let suppressions: DynamoSuppressionList;

beforeAll(async () => {
  table = await startTestTable();
  dataDir = await mkdtemp(join(tmpdir(), 'outbox-guards-'));
  standIn = await startSesOutbox({ port: 0, dataDir, region: 'eu-west-1', configurationSets: { complaints: { publish: () => undefined } } });
  // One attempt: a Throttling fault must reach the outbox instead of being retried inside the SDK.
  ses = new SESClient({ region: 'eu-west-1', endpoint: standIn.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  outbox = new SesOutbox(ses, table.db, table.table, systemClock, { messageIdDomain: 'example.com', configurationSetName: 'complaints' });
  suppressions = new DynamoSuppressionList(table.db, table.table);
});
afterAll(async () => {
  ses?.destroy();
  await standIn?.stop();
  await table?.stop();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await fetch(`${standIn.endpoint}/messages`, { method: 'DELETE' });
});

const email = (to: string, cc: string[] = []): OutboundEmail => ({
  from: { name: 'Northwind', address: 'care@example.com' },
  to: [{ address: to }],
  ...(cc.length > 0 ? { cc: cc.map((address) => ({ address })) } : {}),
  subject: 'We received your complaint',
  text: 'Hello',
  html: '<p>Hello</p>',
  references: [],
  automatic: true,
});
const sentTo = async (address: string) => (await standIn.messages()).filter((message) => message.envelope.destinations.includes(address));
const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
const suppress = (address: string) =>
  suppressions.suppress({ address, kind: 'bounce', reason: `${address} bounced permanently on 2026-11-20 (General)`, at: '2026-11-20T10:00:00.000Z', feedbackId: 'fb', sourceMessageId: 'x' }, expiresAt);

describe('SesOutbox guards', () => {
  it('sends nothing to a suppressed To or Cc address, records the refusal (not as sent), and sends once the suppression is lifted', async () => {
    await suppress('gone@customer.test');
    const outcome = await outbox.sendOnce({ reference: 'CMP-SUPPR1', kind: 'follow-up', sequence: 1, expiresAt }, email('Gone@Customer.test'));
    expect(outcome).toMatchObject({ status: 'suppressed', address: 'gone@customer.test', reason: 'gone@customer.test bounced permanently on 2026-11-20 (General)' });
    expect(await outbox.sendOnce({ reference: 'CMP-SUPPR1', kind: 'letter', sequence: 0, expiresAt }, email('fine@customer.test', ['gone@customer.test']))).toMatchObject({ status: 'suppressed' });
    expect(await sentTo('gone@customer.test')).toEqual([]);
    expect(await outbox.listSent('CMP-SUPPR1')).toEqual([]);
    const { Item } = await table.db.send(new GetCommand({ TableName: table.table, Key: { pk: 'C#CMP-SUPPR1', sk: 'EMAIL#follow-up#0001' } }));
    expect(Item).toMatchObject({ state: 'refused', refusal: { status: 'suppressed', address: 'gone@customer.test' } });

    // A concurrent duplicate gets the holder's refusal rather than waiting for a send that never comes.
    const duplicates = await Promise.all([1, 2].map(() => outbox.sendOnce({ reference: 'CMP-SUPPR1', kind: 'thank-you', sequence: 0, expiresAt }, email('gone@customer.test'))));
    expect(duplicates.map((outcome) => outcome.status)).toEqual(['suppressed', 'suppressed']);

    await suppressions.lift('gone@customer.test', { at: '2026-11-21T10:00:00.000Z', by: 'ops', reason: 'fixed' });
    expect((await outbox.sendOnce({ reference: 'CMP-SUPPR1', kind: 'follow-up', sequence: 1, expiresAt }, email('gone@customer.test'))).status).toBe('sent');
    expect(await sentTo('gone@customer.test')).toHaveLength(1);
    expect((await outbox.listSent('CMP-SUPPR1')).map((record) => [record.kind, record.state])).toEqual([['follow-up', 'sent']]);
  });

  it('names the configuration set on every send', async () => {
    expect((await outbox.sendOnce({ reference: 'CMP-CONFIG', kind: 'acknowledgement', sequence: 0, expiresAt }, email('ok@customer.test'))).status).toBe('sent');
    const misnamed = new SesOutbox(ses, table.db, table.table, systemClock, { messageIdDomain: 'example.com', configurationSetName: 'missing' });
    await expect(misnamed.sendOnce({ reference: 'CMP-CONFIG', kind: 'acknowledgement', sequence: 1, expiresAt }, email('ok@customer.test'))).rejects.toThrow(/Configuration set <missing> does not exist/);
  });

  it('caps automatic replies per address and window; a retried reply keeps its one slot', async () => {
    const guards = { autoReply: { cap: 2, window: 'PT24H', inResponseToAt: '2026-11-23T10:00:00.000Z' } };
    // The first attempt is throttled after its slot was taken; the retry must not take a second one.
    await fetch(`${standIn.endpoint}/_faults`, { method: 'POST', body: JSON.stringify({ throttleNext: 1 }) });
    await expect(outbox.sendOnce({ reference: 'CMP-CAP001', kind: 'acknowledgement', sequence: 0, expiresAt }, email('cap@customer.test'), guards)).rejects.toThrow(/Maximum sending rate exceeded/);
    expect((await outbox.sendOnce({ reference: 'CMP-CAP001', kind: 'acknowledgement', sequence: 0, expiresAt }, email('cap@customer.test'), guards)).status).toBe('sent');
    expect((await outbox.sendOnce({ reference: 'CMP-CAP002', kind: 'acknowledgement', sequence: 0, expiresAt }, email('cap@customer.test'), guards)).status).toBe('sent');
    const refused = await outbox.sendOnce({ reference: 'CMP-CAP003', kind: 'acknowledgement', sequence: 0, expiresAt }, email('cap@customer.test'), guards);
    expect(refused).toMatchObject({ status: 'capped', address: 'cap@customer.test', reason: '2 automatic replies already sent to this address in the 24 h window from 2026-11-23 00:00 UTC' });
    expect(await sentTo('cap@customer.test')).toHaveLength(2);
    const { Item } = await table.db.send(new GetCommand({ TableName: table.table, Key: { pk: 'AUTOREPLY#cap@customer.test', sk: '2026-11-23T00:00:00.000Z' } }));
    expect(Item?.count).toBe(2);
    // Not automatic replies: no cap.
    expect((await outbox.sendOnce({ reference: 'CMP-CAP003', kind: 'agent-reply:x', sequence: 0, expiresAt }, email('cap@customer.test'))).status).toBe('sent');
    // Already sent before the window filled: a retry is answered from the log, not refused.
    expect((await outbox.sendOnce({ reference: 'CMP-CAP002', kind: 'acknowledgement', sequence: 0, expiresAt }, email('cap@customer.test'), guards)).status).toBe('already-sent');
  });
});
