import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAutoReplyLog } from '#adapters/dynamo-auto-reply-log';
import { startTestTable, type TestTable } from '../../support/dynamo.ts';

let table: TestTable;
let log: DynamoAutoReplyLog;

beforeAll(async () => {
  table = await startTestTable();
  log = new DynamoAutoReplyLog(table.db, table.table);
});
afterAll(async () => {
  await table?.stop();
});

const take = (address: string, emailKey: string, windowStart = '2026-11-23T00:00:00.000Z') => log.take({ address, windowStart, emailKey, cap: 3, expiresAt: 1_900_000_000 });

describe('DynamoAutoReplyLog', () => {
  it('counts up to the cap, refuses beyond it, and never counts one email twice', async () => {
    expect(await take('Jane@customer.test', 'CMP-AAAAAA/acknowledgement#0')).toEqual({ result: 'counted', count: 1 });
    expect(await take('jane@customer.test', 'CMP-AAAAAA/acknowledgement#0')).toEqual({ result: 'already-counted', count: 1 });
    expect(await take('jane@customer.test', 'CMP-BBBBBB/acknowledgement#0')).toEqual({ result: 'counted', count: 2 });
    expect(await take('jane@customer.test', 'CMP-CCCCCC/acknowledgement#0')).toEqual({ result: 'counted', count: 3 });
    expect(await take('jane@customer.test', 'CMP-DDDDDD/acknowledgement#0')).toEqual({ result: 'over-cap', count: 3 });
    // A retry of a counted email still may go out when the window is full.
    expect(await take('jane@customer.test', 'CMP-BBBBBB/acknowledgement#0')).toEqual({ result: 'already-counted', count: 3 });
    // Another window, another address: their own counts.
    expect(await take('jane@customer.test', 'CMP-DDDDDD/acknowledgement#0', '2026-11-24T00:00:00.000Z')).toEqual({ result: 'counted', count: 1 });
    expect(await take('john@customer.test', 'CMP-EEEEEE/acknowledgement#0')).toEqual({ result: 'counted', count: 1 });
    const { Item } = await table.db.send(new GetCommand({ TableName: table.table, Key: { pk: 'AUTOREPLY#jane@customer.test', sk: '2026-11-23T00:00:00.000Z' } }));
    expect(Item).toMatchObject({ count: 3, expiresAt: 1_900_000_000, itemType: 'auto-reply-count' });
  });

  it('lets exactly `cap` of many concurrent replies through', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, index) => take('busy@customer.test', `CMP-${index}/acknowledgement#0`)));
    expect(results.filter((result) => result.result === 'counted')).toHaveLength(3);
    expect(results.filter((result) => result.result === 'over-cap')).toHaveLength(5);
  });
});
