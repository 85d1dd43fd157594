import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoSuppressionList } from '#adapters/dynamo-suppression-list';
import type { Suppression } from '#workflows/ports';
import { startTestTable, type TestTable } from '../../support/dynamo.ts';

let table: TestTable;
let list: DynamoSuppressionList;

beforeAll(async () => {
  table = await startTestTable();
  list = new DynamoSuppressionList(table.db, table.table);
});
afterAll(async () => {
  await table?.stop();
});

const bounce = (address: string, at: string): Omit<Suppression, 'lifted'> => ({
  address,
  kind: 'bounce',
  reason: `${address} bounced permanently on ${at.slice(0, 10)} (General: smtp; 550 5.1.1 user unknown)`,
  at,
  bounceType: 'Permanent',
  bounceSubType: 'General',
  diagnosticCode: 'smtp; 550 5.1.1 user unknown',
  feedbackId: 'fb-1',
  sourceMessageId: '0100018c-0001',
});
const expiresAt = Math.floor(Date.now() / 1000) + 86_400;

describe('DynamoSuppressionList', () => {
  it('keeps an address under its lower-case key with the reason, and finds it among others', async () => {
    expect(await list.suppress(bounce('Gone@Customer.test', '2026-11-20T10:00:00.000Z'), expiresAt)).toBe('suppressed');
    expect(await list.get('gone@customer.test')).toMatchObject({ address: 'gone@customer.test', kind: 'bounce', bounceType: 'Permanent', sourceMessageId: '0100018c-0001' });
    const active = await list.activeAmong(['someone@else.test', 'GONE@customer.test']);
    expect(active.map((entry) => entry.address)).toEqual(['gone@customer.test']);
  });

  it('lists active suppressions newest first and drops a lifted one from the list', async () => {
    await list.suppress({ ...bounce('older@customer.test', '2026-11-19T10:00:00.000Z'), kind: 'complaint', complaintFeedbackType: 'abuse' }, expiresAt);
    await list.suppress(bounce('newer@customer.test', '2026-11-21T10:00:00.000Z'), expiresAt);
    const listed = (await list.listActive()).map((entry) => entry.address);
    expect(listed.indexOf('newer@customer.test')).toBeLessThan(listed.indexOf('older@customer.test'));

    expect(await list.lift('older@customer.test', { at: '2026-11-22T09:00:00.000Z', by: 'ops@example.com', reason: 'customer fixed the mailbox' })).toBe('lifted');
    expect(await list.lift('older@customer.test', { at: '2026-11-22T09:01:00.000Z', by: 'ops@example.com', reason: 'again' })).toBe('not-suppressed');
    expect(await list.lift('never@customer.test', { at: '2026-11-22T09:00:00.000Z', by: 'ops@example.com', reason: 'typo' })).toBe('not-suppressed');
    expect((await list.listActive()).map((entry) => entry.address)).not.toContain('older@customer.test');
    expect(await list.activeAmong(['older@customer.test'])).toEqual([]);
    expect((await list.get('older@customer.test'))?.lifted).toEqual({ at: '2026-11-22T09:00:00.000Z', by: 'ops@example.com', reason: 'customer fixed the mailbox' });
  });

  it('lets a new bounce suppress a lifted address again, but not a redelivered old one', async () => {
    await list.suppress(bounce('again@customer.test', '2026-11-20T10:00:00.000Z'), expiresAt);
    await list.lift('again@customer.test', { at: '2026-11-21T10:00:00.000Z', by: 'ops@example.com', reason: 'mailbox restored' });
    expect(await list.suppress(bounce('again@customer.test', '2026-11-20T10:00:00.000Z'), expiresAt)).toBe('lifted-since');
    expect(await list.activeAmong(['again@customer.test'])).toEqual([]);
    expect(await list.suppress(bounce('again@customer.test', '2026-11-22T10:00:00.000Z'), expiresAt)).toBe('suppressed');
    expect((await list.activeAmong(['again@customer.test']))[0]).toMatchObject({ at: '2026-11-22T10:00:00.000Z' });
    expect((await list.get('again@customer.test'))?.lifted).toBeUndefined();
  });
});
