import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { QUIET_CONFIG, scanTable, seedPeople, type Item } from '../../support/seed-people.ts';

// An unusual retention, so an expiry that is right only by coincidence (a hard-coded 1095 days) fails.
const RETENTION_DAYS = 401;
const DAY = 86_400;
let stack: TestStack;
let items: Item[];

beforeAll(async () => {
  stack = await startTestStack({ config: { ...QUIET_CONFIG, retentionDays: RETENTION_DAYS } });
  await seedPeople(stack);
  const { handler } = await import('../../../functions/handlers/report.ts');
  await handler({ month: new Date().toISOString().slice(0, 7) });
  items = await scanTable();
}, 120_000);
afterAll(async () => {
  await stack?.dispose();
});

const typeOf = (item: Item) => String(item.itemType ?? `(no itemType) ${String(item.pk)} | ${String(item.sk)}`);

describe('every item the stores write expires (DynamoDB TTL on expiresAt)', () => {
  it('covers every item type a complaint’s life writes', () => {
    expect(new Set(items.map(typeOf))).toEqual(
      new Set(['complaint', 'event', 'email', 'inbound', 'message-id', 'category-count', 'pattern', 'suppression', 'auto-reply-count']),
    );
  });

  it('gives every item a numeric expiresAt in the future, none beyond retentionDays from now', () => {
    const now = Math.floor(Date.now() / 1000);
    const missing = items.filter((item) => typeof item.expiresAt !== 'number').map((item) => `${typeOf(item)}: ${String(item.pk)} | ${String(item.sk)}`);
    expect(missing).toEqual([]);
    for (const item of items) {
      expect(item.expiresAt as number).toBeGreaterThan(now);
      expect(item.expiresAt as number).toBeLessThanOrEqual(now + RETENTION_DAYS * DAY + 60);
    }
  });

  it('lets what belongs to a complaint (record, timeline, emails, links, inbound mail) expire retentionDays after it arrived', () => {
    const complaints = items.filter((item) => item.itemType === 'complaint');
    const received = new Map(complaints.map((item) => [String(item.reference), Math.floor(Date.parse(String(item.receivedAt)) / 1000)]));
    const dueFor = (reference: string) => received.get(reference)! + RETENTION_DAYS * DAY;
    for (const item of items) {
      const underComplaint = /^C#(CMP-\w+)$/.exec(String(item.pk))?.[1];
      if (underComplaint && received.has(underComplaint)) expect(item.expiresAt, `${String(item.pk)} | ${String(item.sk)}`).toBe(dueFor(underComplaint));
      if (item.itemType === 'message-id') expect(item.expiresAt).toBe(dueFor(String(item.reference)));
      if (item.itemType === 'inbound') expect(item.expiresAt).toBe(Math.floor(Date.parse(String(item.receivedAt)) / 1000) + RETENTION_DAYS * DAY);
    }
    // The monthly report's claim is not a complaint's, and still expires.
    expect(items.some((item) => item.pk === 'C#REPORTS' && typeof item.expiresAt === 'number')).toBe(true);
  });
});
