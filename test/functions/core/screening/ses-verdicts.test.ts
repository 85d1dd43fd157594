import { describe, expect, it } from 'vitest';
import { dmarcVerdict, quarantineReason, spamVerdict, virusVerdict } from '#core/screening/ses-verdicts';
import { screeningInput } from './input.ts';

describe('SES verdict rules', () => {
  it('quarantines on a virus FAIL, decided from the receipt alone', () => {
    expect(quarantineReason(screeningInput({ verdicts: { virus: 'FAIL' } }).verdicts)).toMatch(/virus verdict FAIL: quarantined/);
    expect(virusVerdict.check(screeningInput({ verdicts: { virus: 'FAIL' } }))).toBe('SES virus verdict FAIL');
    for (const status of ['PASS', 'GRAY', 'PROCESSING_FAILED', 'DISABLED'] as const) {
      expect(quarantineReason(screeningInput({ verdicts: { virus: status } }).verdicts)).toBeUndefined();
      expect(virusVerdict.check(screeningInput({ verdicts: { virus: status } }))).toBeUndefined();
    }
  });

  it('screens a spam FAIL only', () => {
    expect(spamVerdict.check(screeningInput({ verdicts: { spam: 'FAIL' } }))).toBe('SES spam verdict FAIL');
    expect(spamVerdict.check(screeningInput({ verdicts: { spam: 'GRAY' } }))).toBeUndefined();
  });

  it.each(['reject', 'quarantine'] as const)('screens a DMARC FAIL under policy %s (no reply to a probably forged From)', (dmarcPolicy) => {
    expect(dmarcVerdict.check(screeningInput({ verdicts: { dmarc: 'FAIL', dmarcPolicy } }))).toContain(`policy "${dmarcPolicy}"`);
  });

  it('processes a DMARC FAIL under policy none, a DMARC FAIL without a policy, and a DMARC PASS', () => {
    expect(dmarcVerdict.check(screeningInput({ verdicts: { dmarc: 'FAIL', dmarcPolicy: 'none' } }))).toBeUndefined();
    expect(dmarcVerdict.check(screeningInput({ verdicts: { dmarc: 'FAIL' } }))).toBeUndefined();
    expect(dmarcVerdict.check(screeningInput({ verdicts: { dmarc: 'PASS', dmarcPolicy: 'reject' } }))).toBeUndefined();
    expect(dmarcVerdict.check(screeningInput({ verdicts: { dmarc: 'GRAY', dmarcPolicy: 'reject' } }))).toBeUndefined();
  });
});
