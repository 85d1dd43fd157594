import { describe, expect, it } from 'vitest';
import { autoSubmitted } from '#core/screening/auto-submitted';
import { screeningInput } from './input.ts';

describe('auto-submitted rule (RFC 3834)', () => {
  it.each(['auto-replied', 'auto-generated', 'Auto-Generated', 'AUTO-REPLIED; owner-email="a@b.test"', 'auto-notified (a comment)', 'x-something'])('screens Auto-Submitted: %s', (value) => {
    expect(autoSubmitted.check(screeningInput({ headers: { 'Auto-Submitted': value } }))).toMatch(/^Auto-Submitted: [a-z-]+ \(automatic mail\)$/);
  });
  it.each(['no', 'No', 'NO; comment', ' no '])('lets Auto-Submitted: %s through', (value) => {
    expect(autoSubmitted.check(screeningInput({ headers: { 'Auto-Submitted': value } }))).toBeUndefined();
  });
  it('lets mail without the header through', () => {
    expect(autoSubmitted.check(screeningInput())).toBeUndefined();
  });
});
