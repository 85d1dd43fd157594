import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoSuppressionList } from '#adapters/dynamo-suppression-list';
import { startTestTable, type TestTable } from '../../support/dynamo.ts';

const run = promisify(execFile);
const bin = new URL('../../../bin/complaints.js', import.meta.url).pathname;
let table: TestTable;
let env: NodeJS.ProcessEnv;
let list: DynamoSuppressionList;

beforeAll(async () => {
  table = await startTestTable();
  list = new DynamoSuppressionList(table.db, table.table);
  const endpoint = await table.db.config.endpoint!();
  env = {
    ...process.env,
    TABLE_NAME: table.table,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL_DYNAMODB: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`,
  };
  const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
  await list.suppress({ address: 'gone@customer.test', kind: 'bounce', reason: 'gone@customer.test bounced permanently on 2026-11-20 (General: smtp; 550 5.1.1 user unknown)', at: '2026-11-20T10:00:00.000Z', feedbackId: 'f1', sourceMessageId: 'm1' }, expiresAt);
  await list.suppress({ address: 'angry@customer.test', kind: 'complaint', reason: 'angry@customer.test reported our email as unwanted on 2026-11-21 (feedback type abuse)', at: '2026-11-21T10:00:00.000Z', feedbackId: 'f2', sourceMessageId: 'm2' }, expiresAt);
});
afterAll(async () => {
  await table?.stop();
});

const complaints = (...args: string[]) => run(process.execPath, [bin, ...args], { env });

describe('complaints suppressed / unsuppress', () => {
  it('lists the suppressed addresses newest first, as a table or as JSON', async () => {
    const { stdout } = await complaints('suppressed');
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Since\s+Kind\s+Address\s+Reason$/);
    expect(lines[1]).toMatch(/^2026-11-21 10:00\s+complaint\s+angry@customer\.test\s+angry@customer\.test reported our email as unwanted/);
    expect(lines[2]).toMatch(/^2026-11-20 10:00\s+bounce\s+gone@customer\.test\s+gone@customer\.test bounced permanently/);
    const json = JSON.parse((await complaints('suppressed', '--json', '--limit', '1')).stdout) as Array<{ address: string }>;
    expect(json.map((entry) => entry.address)).toEqual(['angry@customer.test']);
  });

  it('lifts a suppression with the reason recorded, and says so clearly when there is none', async () => {
    const { stdout } = await complaints('unsuppress', 'Gone@Customer.test', '--reason', 'customer confirmed the mailbox works', '--by', 'ops');
    expect(stdout.trim().split('\n')).toEqual([
      'gone@customer.test may be emailed again (it was suppressed: gone@customer.test bounced permanently on 2026-11-20 (General: smtp; 550 5.1.1 user unknown)).',
      "On AWS, also lift SES's own suppression: aws sesv2 delete-suppressed-destination --email-address gone@customer.test",
    ]);
    expect((await list.get('gone@customer.test'))?.lifted).toMatchObject({ by: 'ops', reason: 'customer confirmed the mailbox works' });
    expect((await complaints('suppressed')).stdout).not.toContain('gone@customer.test');

    await expect(complaints('unsuppress', 'gone@customer.test', '--reason', 'again')).rejects.toMatchObject({ stderr: expect.stringMatching(/^complaints: gone@customer\.test is not suppressed \(lifted by ops on .*: customer confirmed the mailbox works\)/) });
    await expect(complaints('unsuppress', 'not-an-address', '--reason', 'x')).rejects.toMatchObject({ stderr: expect.stringContaining('"not-an-address" is not an email address') });
    await expect(complaints('unsuppress', 'angry@customer.test')).rejects.toMatchObject({ stderr: expect.stringContaining("required option '--reason <text>' not specified") });
  });
});
