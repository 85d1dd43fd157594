import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSesOutbox, type OutboxMessage, type SesOutbox } from '../../../infra/local/ses-outbox.ts';

const REGION = 'eu-west-1';

function sesClient(endpoint: string, maxAttempts?: number): SESClient {
  return new SESClient({
    region: REGION,
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
}

async function composeReply(subject = 'Re: Your complaint [C-1234]'): Promise<Buffer> {
  return new MailComposer({
    from: 'Complaints Desk <complaints@shop.example>',
    to: 'Ann Customer <ann@customer.example>',
    replyTo: 'complaints+C-1234@shop.example',
    subject,
    messageId: '<composer-generated@shop.example>',
    inReplyTo: '<CAF=abc123@mail.customer.example>',
    references: ['<first@mail.customer.example>', '<CAF=abc123@mail.customer.example>'],
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
    text: 'We received your complaint.\nReference: C-1234\n',
    html: '<p>We received your complaint.</p><p>Reference: <b>C-1234</b></p>',
    attachments: [{ filename: 'receipt.txt', content: 'receipt body', contentType: 'text/plain' }],
  })
    .compile()
    .build();
}

/** The raw message with the Message-ID line swapped, which is the only change SES may make. */
function withMessageId(raw: Buffer, header: string): Buffer {
  const text = raw.toString('latin1');
  const replaced = text.replace(/^Message-ID: .*\r\n/im, `Message-ID: ${header}\r\n`);
  expect(replaced).not.toBe(text);
  return Buffer.from(replaced, 'latin1');
}

function headerValues(message: OutboxMessage, name: string): string[] {
  return message.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
}

describe('local SES outbox', () => {
  let dataDir: string;
  let outbox: SesOutbox | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ses-outbox-'));
    outbox = await startSesOutbox({ port: 0, dataDir, region: REGION });
  });

  afterEach(async () => {
    await outbox?.stop();
    outbox = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  function running(): SesOutbox {
    if (outbox === undefined) throw new Error('outbox not started');
    return outbox;
  }

  it('accepts SendRawEmail from the real SDK and keeps every header but Message-ID as sent', async () => {
    const raw = await composeReply();
    const response = await sesClient(running().endpoint).send(
      new SendRawEmailCommand({
        Source: 'bounces@shop.example',
        Destinations: ['ann@customer.example', 'audit@shop.example'],
        RawMessage: { Data: raw },
      }),
    );

    const id = response.MessageId ?? '';
    expect(id).toMatch(/^0100[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-000000$/);
    expect(response.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const [stored] = await running().messages();
    expect(stored?.id).toBe(id);
    expect(stored?.messageId).toBe(`<${id}@eu-west-1.amazonses.com>`);
    expect(stored?.envelope).toEqual({ source: 'bounces@shop.example', destinations: ['ann@customer.example', 'audit@shop.example'] });

    // Byte for byte what was sent, except the Message-ID SES assigns.
    const files = await readdir(dataDir);
    const eml = files.find((f) => f.endsWith('.eml'));
    expect(files.some((f) => f.endsWith('.json'))).toBe(true);
    expect(eml).toBe(stored?.emlFile);
    const storedRaw = await readFile(join(dataDir, eml ?? ''));
    expect(storedRaw.equals(withMessageId(raw, `<${id}@eu-west-1.amazonses.com>`))).toBe(true);

    // Leading CRLF so the first header line matches the same pattern as the others.
    const emlText = `\r\n${storedRaw.toString('utf8')}`;
    expect(emlText).toContain('\r\nIn-Reply-To: <CAF=abc123@mail.customer.example>\r\n');
    expect(emlText).toContain('\r\nReferences: <first@mail.customer.example>\r\n <CAF=abc123@mail.customer.example>\r\n');
    expect(emlText).toContain('\r\nAuto-Submitted: auto-replied\r\n');
    expect(emlText).toContain('\r\nX-Auto-Response-Suppress: All\r\n');
    expect(emlText).toContain('\r\nReply-To: complaints+C-1234@shop.example\r\n');
    expect(emlText).toContain(`\r\nMessage-ID: <${id}@eu-west-1.amazonses.com>\r\n`);
    expect(emlText).not.toContain('composer-generated');

    // Parsed view: ordered headers, threading fields, bodies, attachment metadata.
    if (stored === undefined) throw new Error('nothing stored');
    expect(headerValues(stored, 'Message-ID')).toEqual([`<${id}@eu-west-1.amazonses.com>`]);
    expect(headerValues(stored, 'In-Reply-To')).toEqual(['<CAF=abc123@mail.customer.example>']);
    expect(headerValues(stored, 'References')).toEqual(['<first@mail.customer.example> <CAF=abc123@mail.customer.example>']);
    expect(headerValues(stored, 'Auto-Submitted')).toEqual(['auto-replied']);
    expect(stored.headers.map(([name]) => name)).toEqual(
      raw.toString('latin1').split('\r\n\r\n')[0]?.split('\r\n').filter((l) => !/^\s/.test(l)).map((l) => l.slice(0, l.indexOf(':'))),
    );
    expect(stored.inReplyTo).toBe('<CAF=abc123@mail.customer.example>');
    expect(stored.references).toEqual(['<first@mail.customer.example>', '<CAF=abc123@mail.customer.example>']);
    expect(stored.subject).toBe('Re: Your complaint [C-1234]');
    expect(stored.replyTo).toEqual([{ name: '', address: 'complaints+C-1234@shop.example' }]);
    expect(stored.text).toContain('Reference: C-1234');
    expect(stored.html).toContain('<b>C-1234</b>');
    expect(stored.attachments).toEqual([expect.objectContaining({ filename: 'receipt.txt', contentType: 'text/plain', size: 12 })]);
  });

  it('serves the outbox over HTTP: JSON list, JSON detail, raw .eml and an escaped HTML page', async () => {
    const ses = sesClient(running().endpoint);
    const first = await ses.send(new SendRawEmailCommand({ RawMessage: { Data: await composeReply('first') } }));
    const second = await ses.send(
      new SendRawEmailCommand({ RawMessage: { Data: await composeReply('<script>alert("x")</script> & more') } }),
    );

    const list = (await (await fetch(`${running().endpoint}/messages`)).json()) as Array<{ id: string; subject: string; envelope: { destinations: string[] } }>;
    expect(list.map((m) => m.id)).toEqual([second.MessageId, first.MessageId]);
    // No Destinations given: the envelope comes from To/Cc/Bcc, the source from From.
    expect(list[1]?.envelope.destinations).toEqual(['ann@customer.example']);

    const detail = await fetch(`${running().endpoint}/messages/${first.MessageId}`);
    expect(detail.headers.get('content-type')).toMatch(/^application\/json/);
    const detailJson = (await detail.json()) as OutboxMessage;
    expect(detailJson.envelope.source).toBe('complaints@shop.example');
    expect(detailJson.headers).toContainEqual(['X-Auto-Response-Suppress', 'All']);
    expect(detailJson.text).toContain('We received your complaint.');

    const eml = await fetch(`${running().endpoint}/messages/${first.MessageId}.eml`);
    expect(eml.headers.get('content-type')).toBe('message/rfc822');
    const [firstStored] = (await running().messages()).filter((m) => m.id === first.MessageId);
    expect(Buffer.from(await eml.arrayBuffer()).equals(await readFile(join(dataDir, firstStored?.emlFile ?? '')))).toBe(true);

    expect((await fetch(`${running().endpoint}/messages/nope`)).status).toBe(404);

    const page = await (await fetch(running().url)).text();
    expect(page).not.toContain('<script>');
    expect(page).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; more');
    expect(page.indexOf('script&#62;alert')).toBeLessThan(page.indexOf('>first<'));

    const cleared = await fetch(`${running().endpoint}/messages`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ deleted: 2 });
    expect(await running().messages()).toEqual([]);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('keeps messages across a restart', async () => {
    const sent = await sesClient(running().endpoint).send(
      new SendRawEmailCommand({ RawMessage: { Data: await composeReply() } }),
    );
    const before = await running().messages();
    await running().stop();

    outbox = await startSesOutbox({ port: 0, dataDir, region: REGION });
    expect(await running().messages()).toEqual(before);
    const detail = (await (await fetch(`${running().endpoint}/messages/${sent.MessageId}`)).json()) as OutboxMessage;
    expect(detail.messageId).toBe(`<${sent.MessageId}@eu-west-1.amazonses.com>`);

    // New messages sort after the reloaded ones.
    const next = await sesClient(running().endpoint).send(new SendRawEmailCommand({ RawMessage: { Data: await composeReply() } }));
    expect((await running().messages()).map((m) => m.id)).toEqual([next.MessageId, sent.MessageId]);
  });

  it('fails the next n sends with Throttling when a fault is injected', async () => {
    const fault = await fetch(`${running().endpoint}/_faults`, { method: 'POST', body: JSON.stringify({ throttleNext: 1 }) });
    expect(await fault.json()).toEqual({ throttleNext: 1 });

    const noRetry = sesClient(running().endpoint, 1);
    const error = await noRetry.send(new SendRawEmailCommand({ RawMessage: { Data: await composeReply() } })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'Throttling', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    expect(await running().messages()).toEqual([]);

    // The SDK's standard retry strategy treats Throttling as retryable, like against real SES.
    await fetch(`${running().endpoint}/_faults`, { method: 'POST', body: JSON.stringify({ throttleNext: 1 }) });
    const retried = await sesClient(running().endpoint).send(new SendRawEmailCommand({ RawMessage: { Data: await composeReply() } }));
    expect(retried.$metadata.attempts).toBe(2);
    expect(await running().messages()).toHaveLength(1);
  });

  it('rejects actions it does not implement with an SES XML error', async () => {
    const response = await fetch(running().endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=SendEmail&Version=2010-12-01',
    });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain(`<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">`);
    expect(body).toContain('<Code>InvalidAction</Code>');
  });
});
