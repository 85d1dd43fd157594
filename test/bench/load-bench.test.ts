import { describe, expect, it } from 'vitest';
import { benchComplaints, DEFAULT_CONNECTIONS, runLoad, summarize, toBenchResult } from './load-bench.ts';

describe('the load bench', () => {
  it('acknowledges every one of 20 complaints sent over SMTP exactly once, losing none', async () => {
    const report = await runLoad({ count: 20, connections: DEFAULT_CONNECTIONS, progress: false, settleTimeoutMs: 15_000 });

    expect(report.smtpFailures).toEqual([]);
    expect(report.accepted).toBe(20);
    expect(report.acknowledged).toBe(20);
    expect(report.lost).toEqual([]);
    expect(report.duplicateAcknowledgements).toBe(0);
    expect(report.duplicateComplaintRecords).toBe(0);
    expect(report.unthreadedAcknowledgements).toBe(0);
    expect(report.complaintRecords).toBe(20);
    expect(report.screened + report.inboundDlq + report.schedulerDlq).toBe(0);
    expect(report.latencyMs.p50).toBeGreaterThan(0);
    expect(report.latencyMs.max).toBeGreaterThanOrEqual(report.latencyMs.p99);
    expect(report.inboundInvocations).toBe(20);

    // The latency target is for the full run on an idle machine; loss and duplication are never allowed.
    const missed = toBenchResult(report).rows.filter((row) => row.ok === false && !row.name.startsWith('latency'));
    expect(missed.map((row) => row.name)).toEqual([]);
  }, 30_000);

  it('sends distinct complaints from distinct senders in every corpus language', () => {
    const complaints = benchComplaints(70, 'test');
    expect(new Set(complaints.map((complaint) => complaint.address)).size).toBe(70);
    expect(new Set(complaints.map((complaint) => complaint.messageId)).size).toBe(70);
    expect(new Set(complaints.map((complaint) => complaint.text)).size).toBe(70);
    expect(new Set(complaints.map((complaint) => complaint.language))).toEqual(new Set(['da', 'de', 'en', 'et', 'fi', 'nb', 'sv']));
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(summarize(values)).toEqual({ p50: 50, p90: 90, p99: 99, max: 100, mean: 50.5 });
    expect(summarize([7])).toMatchObject({ p50: 7, p99: 7, max: 7 });
  });
});
