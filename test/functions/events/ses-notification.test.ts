import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSesNotification, snsEventSchema } from '#events/ses-notification';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/ses', name), 'utf8')) as Record<string, unknown>;

describe('parseSesNotification', () => {
  it('reads the documented Bounce event record (configuration set event publishing)', () => {
    const parsed = parseSesNotification(JSON.stringify(fixture('bounce-event.json')));
    expect(parsed).toEqual({
      ok: true,
      notification: {
        type: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: 'recipient@example.com', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
          timestamp: '2017-08-05T00:41:02.669Z',
          feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
          reportingMTA: 'dsn; mta.example.com',
        },
        mail: {
          messageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000',
          timestamp: '2017-08-05T00:40:02.012Z',
          source: 'Sender Name <sender@example.com>',
          sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/sender@example.com',
          destination: ['recipient@example.com'],
        },
      },
    });
  });

  it('reads the documented Complaint event record', () => {
    const parsed = parseSesNotification(JSON.stringify(fixture('complaint-event.json')));
    expect(parsed.ok && parsed.notification?.type === 'Complaint' ? parsed.notification.complaint : undefined).toMatchObject({
      complainedRecipients: [{ emailAddress: 'recipient@example.com' }],
      complaintFeedbackType: 'abuse',
      feedbackId: '01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000',
    });
  });

  it('reads identity feedback notifications too (notificationType instead of eventType)', () => {
    const { eventType, ...rest } = fixture('bounce-event.json');
    const parsed = parseSesNotification(JSON.stringify({ notificationType: eventType, ...rest }));
    expect(parsed.ok && parsed.notification?.type).toBe('Bounce');
  });

  it('ignores other event types with a reason', () => {
    const { bounce: _bounce, ...rest } = fixture('bounce-event.json');
    expect(parseSesNotification(JSON.stringify({ ...rest, eventType: 'Delivery', delivery: {} }))).toEqual({ ok: true, notification: undefined, ignored: 'Delivery notifications are not acted on' });
  });

  it('names the field when a notification is malformed', () => {
    const sample = fixture('bounce-event.json');
    const bounce = { ...(sample.bounce as Record<string, unknown>), bounceType: 'Soft' };
    const parsed = parseSesNotification(JSON.stringify({ ...sample, bounce }));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/^ {2}bounce\.bounceType: /);
    expect(parseSesNotification('not json')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
    const { bounce: _missing, ...withoutBounce } = sample;
    expect(parseSesNotification(JSON.stringify(withoutBounce))).toEqual({ ok: false, error: '  bounce: a Bounce notification must carry a bounce object' });
  });
});

describe('snsEventSchema', () => {
  it('accepts what SNS hands a subscribed Lambda and rejects anything else', () => {
    const event = {
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: 'arn:aws:sns:eu-west-1:123456789012:topic:0b3f2a0c-1111-2222-3333-444455556666',
          Sns: { Type: 'Notification', MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e', TopicArn: 'arn:aws:sns:eu-west-1:123456789012:topic', Subject: null, Message: '{}', Timestamp: '2026-11-23T10:00:00.000Z' },
        },
      ],
    };
    expect(snsEventSchema.safeParse(event).success).toBe(true);
    expect(snsEventSchema.safeParse({ Records: [] }).success).toBe(false);
    expect(snsEventSchema.safeParse({ Records: [{ eventSource: 'aws:ses' }] }).success).toBe(false);
  });
});
