import { describe, expect, it } from 'vitest';
import type { Complaint } from '#core/complaint';
import { addDuration } from '#core/duration';
import { decideJob, nextFollowUp, type ScheduledJob } from '#core/lifecycle';

const now = new Date('2026-11-23T12:00:00.000Z');
const complaint = (overrides: Partial<Complaint> = {}): Complaint => ({
  reference: 'CMP-ABCDEF',
  status: 'open',
  sourceMessageId: 'm',
  customer: { name: 'Jane', email: 'jane@customer.test' },
  subject: 's',
  body: 'b',
  bodyTruncated: false,
  receivedAt: '2026-11-20T12:00:00.000Z',
  customerReferences: [],
  accountNumbers: [],
  orderNumbers: [],
  attachments: [],
  rawS3Key: 'inbound/m',
  classification: { language: 'en', category: 'product', severity: 'normal', signals: [] },
  sla: { firstResponseDue: '2026-11-20T20:00:00.000Z', resolutionDue: '2026-11-25T12:00:00.000Z' },
  ...overrides,
});
const job = (overrides: Partial<ScheduledJob> = {}): ScheduledJob => ({
  reference: 'CMP-ABCDEF',
  kind: 'follow-up',
  sequence: 1,
  scheduledAt: '2026-11-21T12:00:00.000Z',
  dueAt: '2026-11-23T12:00:00.000Z',
  ...overrides,
});

describe('decideJob', () => {
  it('waits at most the delay cap while a job is not due', () => {
    expect(decideJob(job({ dueAt: '2026-11-23T14:00:00.000Z' }), complaint(), now, 900)).toEqual({ action: 'wait', delaySeconds: 900 });
    expect(decideJob(job({ dueAt: '2026-11-23T12:01:40.000Z' }), complaint(), now, 900)).toEqual({ action: 'wait', delaySeconds: 100 });
  });

  it('drops a job whose complaint is gone', () => {
    expect(decideJob(job(), undefined, now, 900)).toMatchObject({ action: 'drop' });
  });

  it('sends a follow-up only while open and without an agent reply since it was scheduled', () => {
    expect(decideJob(job(), complaint(), now, 900)).toEqual({ action: 'send-customer', email: 'follow-up' });
    expect(decideJob(job(), complaint({ status: 'resolved' }), now, 900)).toMatchObject({ action: 'drop' });
    expect(decideJob(job(), complaint({ lastAgentReplyAt: '2026-11-22T09:00:00.000Z' }), now, 900)).toMatchObject({ action: 'drop', reason: expect.stringContaining('agent replied') });
    expect(decideJob(job(), complaint({ lastAgentReplyAt: '2026-11-21T09:00:00.000Z' }), now, 900)).toMatchObject({ action: 'send-customer' });
  });

  it('escalates SLA breaches only for open complaints without the awaited response', () => {
    expect(decideJob(job({ kind: 'first-response-check', sequence: 0 }), complaint(), now, 900)).toEqual({ action: 'escalate', breach: 'first-response' });
    expect(decideJob(job({ kind: 'first-response-check', sequence: 0 }), complaint({ firstAgentReplyAt: '2026-11-20T13:00:00.000Z' }), now, 900)).toMatchObject({ action: 'drop' });
    expect(decideJob(job({ kind: 'resolution-check', sequence: 0 }), complaint(), now, 900)).toEqual({ action: 'escalate', breach: 'resolution' });
    expect(decideJob(job({ kind: 'resolution-check', sequence: 0 }), complaint({ status: 'resolved' }), now, 900)).toMatchObject({ action: 'drop' });
  });

  it('asks for feedback once per resolution and thanks only after feedback', () => {
    const resolution = { resolvedAt: '2026-11-22T12:00:00.000Z', resolvedBy: 'Sam', summary: 'Refunded' };
    const request = job({ kind: 'feedback-request', sequence: 0, assumesResolvedAt: resolution.resolvedAt });
    expect(decideJob(request, complaint({ status: 'resolved', resolution }), now, 900)).toEqual({ action: 'send-customer', email: 'feedback-request' });
    expect(decideJob(request, complaint({ status: 'open', resolution }), now, 900)).toMatchObject({ action: 'drop', reason: expect.stringContaining('not resolved') });
    expect(decideJob(request, complaint({ status: 'resolved', resolution: { ...resolution, resolvedAt: '2026-11-23T10:00:00.000Z' } }), now, 900)).toMatchObject({ action: 'drop', reason: expect.stringContaining('reopened') });
    expect(decideJob(request, complaint({ status: 'resolved', resolution, feedback: { rating: 5, at: '2026-11-23T11:00:00.000Z' } }), now, 900)).toMatchObject({ action: 'drop' });
    expect(decideJob(job({ kind: 'thank-you', sequence: 0 }), complaint({ status: 'resolved' }), now, 900)).toMatchObject({ action: 'drop' });
    expect(decideJob(job({ kind: 'thank-you', sequence: 0 }), complaint({ status: 'resolved', feedback: { rating: 5, at: now.toISOString() } }), now, 900)).toEqual({ action: 'send-customer', email: 'thank-you' });
  });
});

describe('nextFollowUp', () => {
  it('schedules the next follow-up until the configured count is reached', () => {
    const settings = { followUpEvery: 'P2D', followUpMax: 2 };
    expect(nextFollowUp(job({ sequence: 1 }), now, settings, addDuration)).toMatchObject({ sequence: 2, dueAt: '2026-11-25T12:00:00.000Z' });
    expect(nextFollowUp(job({ sequence: 2 }), now, settings, addDuration)).toBeUndefined();
  });
});
