import { describe, expect, it } from 'vitest';
import { decideFeedback, feedbackTimelineSummary, type FeedbackNotification } from '#core/suppression';

const mail = { messageId: '0100018c-aaaa-000000', timestamp: '2026-11-23T10:00:00.000Z' };
const bounce = (bounceType: 'Permanent' | 'Transient' | 'Undetermined', recipients: Array<{ emailAddress: string; diagnosticCode?: string }>): FeedbackNotification => ({
  type: 'Bounce',
  bounce: { bounceType, bounceSubType: bounceType === 'Transient' ? 'MailboxFull' : 'General', bouncedRecipients: recipients, timestamp: '2026-11-23T10:01:00.000Z', feedbackId: 'fb-1' },
  mail,
});

describe('decideFeedback', () => {
  it('suppresses a permanently bounced address, lower-cased, with the reason and SES details', () => {
    expect(decideFeedback(bounce('Permanent', [{ emailAddress: 'Jane.Doe@Customer.test', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }]))).toEqual([
      {
        address: 'jane.doe@customer.test',
        action: 'suppress',
        kind: 'bounce',
        reason: 'jane.doe@customer.test bounced permanently on 2026-11-23 (General: smtp; 550 5.1.1 user unknown)',
        at: '2026-11-23T10:01:00.000Z',
        bounceType: 'Permanent',
        bounceSubType: 'General',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
        feedbackId: 'fb-1',
        sourceMessageId: '0100018c-aaaa-000000',
      },
    ]);
  });

  it('only records transient and undetermined bounces', () => {
    const [transient] = decideFeedback(bounce('Transient', [{ emailAddress: 'full@customer.test' }]));
    const [undetermined] = decideFeedback(bounce('Undetermined', [{ emailAddress: 'odd@customer.test' }]));
    expect(transient).toMatchObject({ action: 'record', reason: 'full@customer.test bounced temporarily on 2026-11-23 (MailboxFull)' });
    expect(undetermined?.action).toBe('record');
  });

  it('suppresses every complained-about recipient once, whatever the case', () => {
    const decisions = decideFeedback({
      type: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: 'a@customer.test' }, { emailAddress: 'A@customer.test' }, { emailAddress: 'b@customer.test' }], timestamp: '2026-11-23T11:00:00.000Z', feedbackId: 'fb-2', complaintFeedbackType: 'abuse' },
      mail,
    });
    expect(decisions.map((decision) => [decision.address, decision.action, decision.kind])).toEqual([
      ['a@customer.test', 'suppress', 'complaint'],
      ['b@customer.test', 'suppress', 'complaint'],
    ]);
    expect(decisions[0]?.reason).toBe('a@customer.test reported our email as unwanted on 2026-11-23 (feedback type abuse)');
  });
});

describe('feedbackTimelineSummary', () => {
  it("says whether it is the customer's address and that it will not be emailed again", () => {
    const [decision] = decideFeedback(bounce('Permanent', [{ emailAddress: 'jane@customer.test', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }]));
    expect(feedbackTimelineSummary(decision!, 'Jane@customer.test')).toBe(
      'The customer’s address jane@customer.test bounced permanently (General: smtp; 550 5.1.1 user unknown); it will not be emailed again.',
    );
    expect(feedbackTimelineSummary(decision!, 'someone@else.test')).toMatch(/^The address jane@customer\.test bounced permanently/);
    const [transient] = decideFeedback(bounce('Transient', [{ emailAddress: 'jane@customer.test' }]));
    expect(feedbackTimelineSummary(transient!, 'jane@customer.test')).toBe('The customer’s address jane@customer.test bounced temporarily (MailboxFull); later emails will still be sent.');
  });
});
