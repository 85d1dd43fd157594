import { describe, expect, it } from 'vitest';
import { autoReplyCapReason, autoReplyCounterExpiry, autoReplyWindow, humanDuration, isAutoReplyToInbound } from '#core/auto-reply-cap';

describe('the automatic-reply cap', () => {
  it('counts acknowledgements, not follow-ups, letters or agent replies', () => {
    expect(isAutoReplyToInbound('acknowledgement')).toBe(true);
    for (const kind of ['follow-up', 'resolution-letter', 'feedback-request', 'agent-reply:0100abc', 'thank-you']) expect(isAutoReplyToInbound(kind)).toBe(false);
  });

  it('puts every retry of one reply in the same window: the one holding the time the mail was received', () => {
    expect(autoReplyWindow('2026-11-23T23:59:59.999Z', 'PT24H')).toEqual({ start: '2026-11-23T00:00:00.000Z', end: '2026-11-24T00:00:00.000Z' });
    expect(autoReplyWindow('2026-11-24T00:00:00.000Z', 'PT24H').start).toBe('2026-11-24T00:00:00.000Z');
    expect(autoReplyWindow('2026-11-23T10:20:00.000Z', 'PT1H')).toEqual({ start: '2026-11-23T10:00:00.000Z', end: '2026-11-23T11:00:00.000Z' });
  });

  it('keeps the counter a day past its window', () => {
    expect(autoReplyCounterExpiry({ start: '2026-11-23T00:00:00.000Z', end: '2026-11-24T00:00:00.000Z' })).toBe(Date.parse('2026-11-25T00:00:00.000Z') / 1000);
  });

  it('explains the refusal in words', () => {
    expect(autoReplyCapReason(3, autoReplyWindow('2026-11-23T10:00:00.000Z', 'PT24H'))).toBe('3 automatic replies already sent to this address in the 24 h window from 2026-11-23 00:00 UTC');
    expect(autoReplyCapReason(1, autoReplyWindow('2026-11-23T10:20:00.000Z', 'PT30M'))).toBe('1 automatic reply already sent to this address in the 30 min window from 2026-11-23 10:00 UTC');
    expect(humanDuration(1_500)).toBe('1.5 s');
  });
});
