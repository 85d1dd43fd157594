import { describe, expect, it } from 'vitest';
import { deliveryReport } from '#core/screening/delivery-report';
import { screeningInput } from './input.ts';

describe('delivery-report rule', () => {
  it.each([
    ['multipart/report; report-type=delivery-status; boundary="x"', 'bounce or delay notice'],
    ['multipart/report; report-type="disposition-notification"', 'read receipt'],
    ['multipart/report; report-type=feedback-report', 'abuse report (ARF)'],
    ['multipart/report; boundary=x', 'delivery report'],
  ])('screens %s', (contentType, kind) => {
    const reason = deliveryReport.check(screeningInput({ contentType: 'multipart/report', headers: { 'Content-Type': contentType } }));
    expect(reason).toContain(kind);
  });
  it('screens a top-level message/delivery-status', () => {
    expect(deliveryReport.check(screeningInput({ contentType: 'message/delivery-status' }))).toContain('bounce or delay notice');
  });
  it.each(['text/plain', 'multipart/mixed', 'multipart/alternative'])('lets %s through', (contentType) => {
    expect(deliveryReport.check(screeningInput({ contentType }))).toBeUndefined();
  });
});
