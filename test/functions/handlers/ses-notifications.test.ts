import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { DynamoSuppressionList } from '#adapters/dynamo-suppression-list';
import { parseAppConfig } from '#config/app-config';
import { buildComplaint } from '#core/intake';
import { LOCAL_APP_CONFIG } from '#local/local-config';
import { parseInbound } from '#mail/parse';
import { sesMessageIdHeader } from '#mail/ses-message-id';
import type { FeedbackOutcome } from '#workflows/suppression';
import { startTestTable, type TestTable } from '../../support/dynamo.ts';

const config = parseAppConfig(LOCAL_APP_CONFIG, 'test');
const sample = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/ses', name), 'utf8')) as Record<string, unknown>;
const snsEvent = (...messages: unknown[]) => ({
  Records: messages.map((message, index) => ({
    EventSource: 'aws:sns',
    EventVersion: '1.0',
    EventSubscriptionArn: 'arn:aws:sns:eu-west-1:123456789012:ses-notifications:0b3f2a0c',
    Sns: { Type: 'Notification', MessageId: `sns-${index + 1}`, TopicArn: 'arn:aws:sns:eu-west-1:123456789012:ses-notifications', Subject: null, Message: typeof message === 'string' ? message : JSON.stringify(message), Timestamp: '2026-11-23T10:00:00.000Z' },
  })),
});

let table: TestTable;
let handler: (event: unknown) => Promise<FeedbackOutcome[]>;
let store: DynamoComplaintStore;
let suppressions: DynamoSuppressionList;
let reference: string;
const SENT_ID = '0100018c2f6e9c11-5b1e3c4d-aaaa-bbbb-cccc-000000000001-000000';

beforeAll(async () => {
  table = await startTestTable();
  const endpoint = await table.db.config.endpoint!();
  Object.assign(process.env, {
    TABLE_NAME: table.table,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL_DYNAMODB: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`,
    COMPLAINTS_CONFIG: JSON.stringify(config),
    POWERTOOLS_LOG_LEVEL: 'WARN',
  });
  ({ handler } = await import('../../../functions/handlers/ses-notifications.ts'));
  store = new DynamoComplaintStore(table.db, table.table);
  suppressions = new DynamoSuppressionList(table.db, table.table);

  // A complaint whose acknowledgement SES sent as SENT_ID (the outbox links that Message-ID to it).
  const raw = Buffer.from('From: Jane Doe <jane@customer.test>\r\nTo: complaints@example.com\r\nSubject: Broken lamp\r\nMessage-ID: <lamp@customer.test>\r\n\r\nMy lamp arrived broken.\r\n');
  const mail = await parseInbound(raw, { parseTimeoutMs: 5_000, maxHtmlChars: 100_000 });
  const complaint = buildComplaint({ ...mail, from: mail.from! }, { sesMessageId: 'inbound-1', receivedAt: '2026-11-23T09:00:00.000Z', rawS3Key: 'inbound/inbound-1' }, [], config);
  reference = complaint.reference;
  const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
  await store.createComplaint(complaint, expiresAt);
  await store.linkMessageId(sesMessageIdHeader(SENT_ID, 'eu-west-1'), reference, expiresAt, 'sent');
});
afterAll(async () => {
  await table?.stop();
});

const withRecipient = (name: 'bounce-event.json' | 'complaint-event.json', address: string, overrides: Record<string, unknown> = {}) => {
  const event = sample(name);
  const mail = { ...(event.mail as Record<string, unknown>), messageId: SENT_ID, sourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/example.com' };
  if (name === 'bounce-event.json') {
    const bounce = event.bounce as Record<string, unknown>;
    const [recipient] = bounce.bouncedRecipients as Array<Record<string, unknown>>;
    return { ...event, mail, bounce: { ...bounce, bouncedRecipients: [{ ...recipient, emailAddress: address }], ...overrides } };
  }
  const complaint = event.complaint as Record<string, unknown>;
  return { ...event, mail, complaint: { ...complaint, complainedRecipients: [{ emailAddress: address }], ...overrides } };
};

describe('ses-notifications handler', () => {
  it('records a transient bounce on the complaint without suppressing the address', async () => {
    const outcomes = await handler(snsEvent(withRecipient('bounce-event.json', 'jane@customer.test', { bounceType: 'Transient', bounceSubType: 'MailboxFull', timestamp: '2026-11-23T09:05:00.000Z' })));
    expect(outcomes).toEqual([{ address: 'jane@customer.test', action: 'record', reference }]);
    expect(await suppressions.get('jane@customer.test')).toBeUndefined();
    const event = (await store.getTimeline(reference)).find((entry) => entry.type === 'address-bounced');
    expect(event).toMatchObject({ at: '2026-11-23T09:05:00.000Z', actor: 'ses' });
    expect(event?.summary).toBe('The customer’s address jane@customer.test bounced temporarily (MailboxFull: smtp; 550 5.1.1 user unknown); later emails will still be sent.');
  });

  it('suppresses on a complaint, finds the complaint through the Message-ID SES gave the email, and is idempotent', async () => {
    const event = snsEvent(withRecipient('complaint-event.json', 'Jane@Customer.test', { timestamp: '2026-11-23T09:10:00.000Z' }));
    expect(await handler(event)).toEqual([{ address: 'jane@customer.test', action: 'suppress', suppression: 'suppressed', reference }]);
    await handler(event);
    expect(await suppressions.get('jane@customer.test')).toMatchObject({ kind: 'complaint', complaintFeedbackType: 'abuse', sourceMessageId: SENT_ID, at: '2026-11-23T09:10:00.000Z' });
    const suppressed = (await store.getTimeline(reference)).filter((entry) => entry.type === 'address-suppressed');
    expect(suppressed).toHaveLength(1);
  });

  it('suppresses an address even when the email was not about a complaint', async () => {
    const event = withRecipient('bounce-event.json', 'managers@corp.test');
    const mail = { ...(event.mail as Record<string, unknown>), messageId: 'not-one-of-ours' };
    expect(await handler(snsEvent({ ...event, mail }))).toEqual([{ address: 'managers@corp.test', action: 'suppress', suppression: 'suppressed' }]);
  });

  it('ignores other SES events and refuses malformed input with a precise reason', async () => {
    const { bounce: _bounce, ...delivery } = sample('bounce-event.json');
    expect(await handler(snsEvent({ ...delivery, eventType: 'Delivery' }))).toEqual([]);
    await expect(handler({ Records: [{ eventSource: 'aws:ses' }] })).rejects.toThrow(/^Not an SNS event:\n {2}Records\.0\.EventSource: /);
    await expect(handler(snsEvent('{"eventType":'))).rejects.toThrow(/^SNS message sns-1 is not an SES bounce or complaint:\n {2}\(root\): the SNS message is not JSON/);
    const bounce = sample('bounce-event.json');
    await expect(handler(snsEvent({ ...bounce, bounce: { ...(bounce.bounce as object), bouncedRecipients: [] } }))).rejects.toThrow(/bounce\.bouncedRecipients: /);
  });
});
