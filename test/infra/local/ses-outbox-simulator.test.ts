import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSesNotification } from '#events/ses-notification';
import { SIMULATOR_BOUNCE, SIMULATOR_COMPLAINT, startSesOutbox, type SesFeedbackEvent, type SesOutbox } from '../../../infra/local/ses-outbox.ts';
import { waitFor } from '../../support/local-stack.ts';

let dataDir: string;
let outbox: SesOutbox;
let published: SesFeedbackEvent[];
let ses: SESClient;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ses-simulator-'));
  published = [];
  outbox = await startSesOutbox({
    port: 0,
    dataDir,
    region: 'eu-west-1',
    configurationSets: { complaints: { publish: (event) => published.push(event) } },
    bounceAddresses: ['gone@customer.test'],
    feedbackDelayMs: 20,
  });
  ses = new SESClient({ region: 'eu-west-1', endpoint: outbox.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
});
afterEach(async () => {
  ses.destroy();
  await outbox.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const raw = (to: string) => Buffer.from(`From: care@example.com\r\nTo: ${to}\r\nSubject: Your complaint\r\nMessage-ID: <ours@example.com>\r\n\r\nHello\r\n`);
const send = (to: string[], configurationSetName?: string) =>
  ses.send(new SendRawEmailCommand({ Source: 'care@example.com', Destinations: to, RawMessage: { Data: raw(to.join(', ')) }, ...(configurationSetName ? { ConfigurationSetName: configurationSetName } : {}) }));

describe('the SES stand-in as mailbox simulator', () => {
  it('publishes a Permanent bounce for the simulator address and the configured ones, in the SES event format', async () => {
    const { MessageId } = await send([SIMULATOR_BOUNCE, 'Gone@customer.test', 'fine@customer.test'], 'complaints');
    const [event] = await waitFor(async () => (published.length > 0 ? published : undefined));
    expect(event).toMatchObject({
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: SIMULATOR_BOUNCE, action: 'failed', status: '5.1.1' }, { emailAddress: 'Gone@customer.test' }] },
      mail: { messageId: MessageId, source: 'care@example.com', sourceArn: 'arn:aws:ses:eu-west-1:000000000000:identity/example.com', destination: [SIMULATOR_BOUNCE, 'Gone@customer.test', 'fine@customer.test'], tags: { 'ses:configuration-set': ['complaints'] } },
    });
    // Our own parser (the handler's edge) reads what the stand-in publishes.
    const parsed = parseSesNotification(JSON.stringify(event));
    expect(parsed.ok && parsed.notification?.type).toBe('Bounce');
    // SES accepted the message: it is in the outbox.
    expect((await outbox.messages()).map((message) => message.id)).toEqual([MessageId]);
  });

  it('publishes a complaint for complaint@simulator.amazonses.com and for addresses added later', async () => {
    outbox.simulate({ complaint: ['angry@customer.test'] });
    await send([SIMULATOR_COMPLAINT, 'angry@customer.test'], 'complaints');
    const [event] = await waitFor(async () => (published.length > 0 ? published : undefined));
    expect(event).toMatchObject({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: SIMULATOR_COMPLAINT }, { emailAddress: 'angry@customer.test' }], complaintFeedbackType: 'abuse' } });
    expect(parseSesNotification(JSON.stringify(event)).ok).toBe(true);
  });

  it('publishes nothing without a configuration set, and refuses an unknown one like SES', async () => {
    await send([SIMULATOR_BOUNCE]);
    await expect(send(['fine@customer.test'], 'nope')).rejects.toMatchObject({ name: 'ConfigurationSetDoesNotExistException', message: 'Configuration set <nope> does not exist.' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(published).toEqual([]);
    expect(await outbox.messages()).toHaveLength(1);
  });
});
