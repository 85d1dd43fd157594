import { describe, expect, it } from 'vitest';
import type { Complaint } from '#core/complaint';
import { aggregateReport, barPercent, normaliseSubject } from '#core/patterns/report';
import type { FlaggedComplaint } from '#core/patterns/repeat';

const HOUR = 3_600_000;
const period = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
const asOf = '2026-12-01T06:00:00.000Z';
const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR).toISOString();

let counter = 0;
function complaint(overrides: Partial<FlaggedComplaint> & { receivedAt: string }, classification: Partial<Complaint['classification']> = {}): FlaggedComplaint {
  counter += 1;
  const { receivedAt } = overrides;
  return {
    reference: `CMP-${String(counter).padStart(6, '0')}`,
    status: 'open',
    sourceMessageId: `m${counter}`,
    customer: { name: 'Ann', email: `c${counter}@customer.test` },
    subject: 'Parcel never arrived',
    body: '',
    bodyTruncated: false,
    customerReferences: [],
    accountNumbers: [],
    orderNumbers: [],
    attachments: [],
    rawS3Key: '',
    classification: { language: 'en', category: 'delivery', severity: 'normal', signals: [], ...classification },
    sla: { firstResponseDue: plus(receivedAt, 8), resolutionDue: plus(receivedAt, 120) },
    acknowledgement: { sesMessageId: 'x', messageIdHeader: '<x>', sentAt: plus(receivedAt, 0.001) },
    ...overrides,
  };
}

describe('aggregateReport', () => {
  const start = '2026-11-02T09:00:00.000Z';
  const complaints: FlaggedComplaint[] = [
    // answered in 2 h, resolved in 24 h by Sam, rated 5
    complaint({ receivedAt: start, status: 'resolved', firstAgentReplyAt: plus(start, 2), resolution: { resolvedAt: plus(start, 24), resolvedBy: 'Sam', summary: 's' }, feedback: { rating: 5, at: plus(start, 30) } }),
    // answered late (10 h), resolved late (130 h) by Sam, rated 2
    complaint({ receivedAt: plus(start, 1), status: 'resolved', subject: 'RE: Parcel never arrived!', firstAgentReplyAt: plus(start, 11), resolution: { resolvedAt: plus(start, 131), resolvedBy: 'Sam', summary: 's' }, feedback: { rating: 2, at: plus(start, 140) } }),
    // billing, urgent, Danish, still open and long overdue, never answered; a repeat
    complaint(
      { receivedAt: plus(start, 2), subject: 'Faktura 4711 sendt to gange', repeat: { previous: 1, sameCategory: 1, references: ['CMP-OLD001'], sameCategoryReferences: ['CMP-OLD001'], window: 'P90D' } },
      { category: 'billing', severity: 'urgent', language: 'da' },
    ),
    // resolved by Liis without a separate agent reply: counts as answered in time
    complaint({ receivedAt: plus(start, 3), status: 'resolved', subject: 'Fwd: parcel NEVER arrived (991)', resolution: { resolvedAt: plus(start, 4), resolvedBy: 'Liis', summary: 's' } }),
    // received at asOf − 1 h: nothing due yet
    complaint({ receivedAt: '2026-11-30T23:30:00.000Z', subject: 'Broken lid' }, { category: 'product', severity: 'high' }),
    // a reopened complaint keeps its old resolution but is open: not resolved
    complaint({ receivedAt: plus(start, 5), subject: 'Wrong colour', resolution: { resolvedAt: plus(start, 6), resolvedBy: 'Sam', summary: 's' } }, { category: 'product' }),
    // outside the period on both sides
    complaint({ receivedAt: '2026-10-31T23:59:59.999Z' }),
    complaint({ receivedAt: period.to }),
  ];
  const figures = aggregateReport(complaints, period, asOf, [
    { category: 'delivery', windowStart: '2026-11-02T00:00:00.000Z', windowEnd: '2026-11-03T00:00:00.000Z', count: 9, baseline: 1, threshold: 5, reference: 'CMP-000001' },
    { category: 'delivery', windowStart: '2026-10-02T00:00:00.000Z', windowEnd: '2026-10-03T00:00:00.000Z', count: 9, baseline: 1, threshold: 5, reference: 'CMP-000009' },
  ]);

  it('counts the complaints received in [from, to) by status', () => {
    expect(figures.totals).toEqual({ received: 6, open: 3, resolved: 3, overdue: 2 });
  });

  it('breaks volumes down by category, language and severity, largest first', () => {
    expect(figures.categories).toEqual([
      { name: 'delivery', count: 3, share: 0.5 },
      { name: 'product', count: 2, share: 2 / 6 },
      { name: 'billing', count: 1, share: 1 / 6 },
    ]);
    expect(figures.languages.map((row) => [row.name, row.count])).toEqual([['en', 5], ['da', 1]]);
    expect(figures.severities.map((row) => [row.name, row.count])).toEqual([['urgent', 1], ['high', 1], ['normal', 4]]);
  });

  it('gives median and p90 of the times to acknowledgement, first reply and resolution', () => {
    expect(figures.times.firstReply).toMatchObject({ count: 2, medianMs: 6 * HOUR });
    expect(figures.times.firstReply.p90Ms).toBeCloseTo(9.2 * HOUR);
    // the reopened one is not resolved; 1 h, 24 h, 130 h
    expect(figures.times.resolution).toMatchObject({ count: 3, medianMs: 24 * HOUR });
    expect(figures.times.resolution.p90Ms).toBeCloseTo(108.8 * HOUR);
    expect(figures.times.acknowledgement.count).toBe(6);
    expect(figures.times.acknowledgement.medianMs).toBeCloseTo(3.6 * 1000);
  });

  it('counts SLA breaches, with complaints not yet due in neither column', () => {
    // first response: met 1, 4 and the reopened one (6 h, before its 8 h due); breached 2 (late) and 3 (never, overdue); pending 5
    expect(figures.sla.firstResponse).toEqual({ met: 3, breached: 2, pending: 1, metShare: 0.6 });
    // resolution: met 1 and 4; breached 2 (late), 3 and 6 (open past due); pending 5
    expect(figures.sla.resolution).toEqual({ met: 2, breached: 3, pending: 1, metShare: 0.4 });
  });

  it('averages the ratings and gives their distribution from 5 down to 1', () => {
    expect(figures.satisfaction.responses).toBe(2);
    expect(figures.satisfaction.average).toBe(3.5);
    expect(figures.satisfaction.distribution.map((row) => [row.rating, row.count])).toEqual([[5, 1], [4, 0], [3, 0], [2, 1], [1, 0]]);
  });

  it('gives the repeat rate, the recurring subjects and the bursts of the period', () => {
    expect(figures.repeats).toEqual({ complaints: 1, rate: 1 / 6, categories: [{ name: 'billing', count: 1, share: 1 }] });
    expect(figures.recurring).toEqual([{ name: 'Parcel never arrived', count: 3, share: 0.5 }]);
    expect(figures.bursts.map((burst) => burst.reference)).toEqual(['CMP-000001']);
  });

  it('credits the agent who resolved, with their median time to first reply', () => {
    expect(figures.agents).toEqual([
      { name: 'Sam', handled: 2, medianFirstReplyMs: 6 * HOUR },
      { name: 'Liis', handled: 1 },
    ]);
  });

  it('is all zeros, without averages, for an empty period', () => {
    const empty = aggregateReport([], period, asOf);
    expect(empty.totals).toEqual({ received: 0, open: 0, resolved: 0, overdue: 0 });
    expect(empty.sla.firstResponse).toEqual({ met: 0, breached: 0, pending: 0 });
    expect(empty.satisfaction.average).toBeUndefined();
    expect(empty.times.resolution).toEqual({ count: 0 });
    expect(empty.repeats.rate).toBe(0);
  });
});

describe('normaliseSubject', () => {
  it('drops reply prefixes, references, numbers, punctuation and case', () => {
    expect(normaliseSubject('RE: Sv: [CMP-7F3K2Q] Parcel 4711 never ARRIVED!!')).toBe('parcel never arrived');
    expect(normaliseSubject('Fwd: Fakturaen er forkert')).toBe('fakturaen er forkert');
    expect(normaliseSubject('12345')).toBe('');
  });
});

describe('barPercent', () => {
  it('scales to the largest row, at least 1 for a non-zero count', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(10, 10)).toBe(100);
    expect(barPercent(1, 1000)).toBe(1);
    expect(barPercent(0, 10)).toBe(0);
  });
});
