/**
 * Local stand-in for Amazon SES (the v1 API that @aws-sdk/client-ses speaks), used by the local
 * stack instead of aws-ses-v2-local because that one rebuilds raw messages and drops threading
 * headers (In-Reply-To, References, Auto-Submitted...), which is exactly what we need to see.
 *
 * Protocol: awsQuery — form-encoded `POST /` with `Action=SendRawEmail&Version=2010-12-01&
 * RawMessage.Data=<base64>&Source=...&Destinations.member.N=...`, answered with the XML
 * `SendRawEmailResponse`. Any other action gets an SES-style XML error with HTTP 400, so a
 * handler that starts calling something new fails loudly instead of silently "working".
 *
 * Like real SES, the stand-in assigns the message id and rewrites the Message-ID header to
 * `<id@REGION.amazonses.com>` (`<id@email.amazonses.com>` in us-east-1). Every other byte of the
 * raw message is kept as sent.
 *
 * Configuration sets: `ConfigurationSetName` must name one of `configurationSets` (else SES's
 * ConfigurationSetDoesNotExist). Like the SES mailbox simulator, mail sent with one to
 * bounce@simulator.amazonses.com (or an address in `bounceAddresses`) produces a Permanent bounce
 * event, and mail to complaint@simulator.amazonses.com (or `complaintAddresses`) a complaint event,
 * published a second after the send (feedbackDelayMs) as the SES event-publishing JSON (eventType Bounce / Complaint)
 * to the set's `publish` (the local stack delivers it to the Lambda as SNS would). The message is
 * still stored: SES accepted it.
 *
 * Messages are persisted in `dataDir` (`<time>-<id>.eml` + `<time>-<id>.json`) and reloaded on
 * start, and can be read back over HTTP on the same port:
 *   GET    /                  HTML outbox, newest first
 *   GET    /messages          JSON summaries, newest first
 *   GET    /messages/:id      JSON: envelope, all headers (ordered [name, value] pairs), text, html
 *   GET    /messages/:id.eml  the raw message as SES would have sent it (message/rfc822)
 *   DELETE /messages          remove every stored message (tests)
 *   POST   /_faults           {"throttleNext": n}: the next n SendRawEmail calls fail with Throttling
 *   GET    /_faults           the pending faults
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type EmailAddress } from 'mailparser';
import { z } from 'zod';
import { sesMessageIdHeader } from '#mail/ses-message-id';
import { listen } from './listen.ts';

const SES_XMLNS = 'http://ses.amazonaws.com/doc/2010-12-01/';
const SES_API_VERSION = '2010-12-01';
/** SES v1 caps a raw message at 10 MB; base64 and form encoding add ~40 %. Leave headroom. */
const MAX_REQUEST_BYTES = 20 * 1024 * 1024;
const MAX_RAW_MESSAGE_BYTES = 10 * 1024 * 1024;

const addressSchema = z.object({ name: z.string(), address: z.string() });

const attachmentSchema = z.object({
  filename: z.string().nullable(),
  contentType: z.string(),
  contentDisposition: z.string().nullable(),
  contentId: z.string().nullable(),
  size: z.number(),
  checksum: z.string(),
});

const outboxMessageSchema = z.object({
  /** The SES message id returned to the caller, e.g. `0100018c...-<uuid>-000000`. */
  id: z.string(),
  /** The Message-ID header SES put on the message, `<id@region.amazonses.com>`. */
  messageId: z.string(),
  /** Arrival order; survives restarts (ties on receivedAt are common in tests). */
  seq: z.number(),
  receivedAt: z.string(),
  region: z.string(),
  envelope: z.object({ source: z.string(), destinations: z.array(z.string()) }),
  /** Every header as sent (Message-ID as rewritten), in order, duplicates kept, unfolded, not MIME-decoded. */
  headers: z.array(z.tuple([z.string(), z.string()])),
  subject: z.string().nullable(),
  from: z.array(addressSchema),
  to: z.array(addressSchema),
  cc: z.array(addressSchema),
  replyTo: z.array(addressSchema),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  text: z.string().nullable(),
  html: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  /** Size in bytes of the stored raw message. */
  size: z.number(),
  /** Basename of the raw message file in dataDir. */
  emlFile: z.string(),
});

export type OutboxAddress = z.infer<typeof addressSchema>;
export type OutboxAttachment = z.infer<typeof attachmentSchema>;
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export interface OutboxMessageSummary {
  id: string;
  messageId: string;
  receivedAt: string;
  envelope: OutboxMessage['envelope'];
  from: OutboxAddress[];
  to: OutboxAddress[];
  subject: string | null;
  inReplyTo: string | null;
  attachments: number;
  size: number;
  links: { json: string; eml: string };
}

export interface SesOutboxOptions {
  /** 0 picks a free port; read the real one from `endpoint`. */
  port: number;
  /** Interface to listen on and to put in the URLs; default 127.0.0.1. */
  host?: string;
  /** Where messages are persisted; created if missing. */
  dataDir: string;
  /** The region the app's SES client uses; decides the Message-ID domain. */
  region: string;
  /** Configuration sets SendRawEmail may name, each with its event destination for bounces and complaints. */
  configurationSets?: Record<string, { publish: (sesEvent: SesFeedbackEvent) => void }>;
  /** Addresses that bounce permanently, besides bounce@simulator.amazonses.com (tests use ordinary customer addresses). */
  bounceAddresses?: readonly string[];
  /** Addresses whose recipient reports the mail as spam, besides complaint@simulator.amazonses.com. */
  complaintAddresses?: readonly string[];
  /** How long after the send a bounce or complaint is published (default 1000 ms; SES takes seconds). */
  feedbackDelayMs?: number;
}

/** The SES mailbox simulator's addresses (SES developer guide, "Using the mailbox simulator"). */
export const SIMULATOR_BOUNCE = 'bounce@simulator.amazonses.com';
export const SIMULATOR_COMPLAINT = 'complaint@simulator.amazonses.com';

/** An SES event record as a configuration set's event destination publishes it (JSON). */
export type SesFeedbackEvent = Record<string, unknown> & { eventType: 'Bounce' | 'Complaint' };

export interface SesOutbox {
  /** Base URL for the SDK (`endpoint` option / AWS_ENDPOINT_URL_SES), e.g. http://127.0.0.1:4579 */
  endpoint: string;
  /** The HTML outbox page. */
  url: string;
  stop(): Promise<void>;
  /** Every stored message, newest first. */
  messages(): Promise<OutboxMessage[]>;
  /** Calls `listener` with each message as soon as it is stored (the load bench times acknowledgements with it); returns the unsubscribe. */
  onMessage(listener: (message: OutboxMessage) => void): () => void;
  /** Makes these addresses bounce (permanently) or complain from now on. */
  simulate(addresses: { bounce?: readonly string[]; complaint?: readonly string[] }): void;
}

/** A message id shaped like SES's: `0100` + 12 hex digits of epoch ms + `-<uuid>-000000`. */
export function newSesMessageId(now: number = Date.now()): string {
  return `0100${now.toString(16).padStart(12, '0')}-${randomUUID()}-000000`;
}

export async function startSesOutbox(options: SesOutboxOptions): Promise<SesOutbox> {
  const host = options.host ?? '127.0.0.1';
  const { dataDir, region } = options;
  await mkdir(dataDir, { recursive: true });

  const store = new Map<string, OutboxMessage>();
  for (const message of await loadMessages(dataDir)) store.set(message.id, message);
  let nextSeq = Math.max(0, ...[...store.values()].map((m) => m.seq + 1));
  let throttleNext = 0;
  const listeners = new Set<(message: OutboxMessage) => void>();
  const configurationSets = options.configurationSets ?? {};
  const bouncing = new Set([SIMULATOR_BOUNCE, ...(options.bounceAddresses ?? [])].map((address) => address.toLowerCase()));
  const complaining = new Set([SIMULATOR_COMPLAINT, ...(options.complaintAddresses ?? [])].map((address) => address.toLowerCase()));

  const newestFirst = (): OutboxMessage[] => [...store.values()].sort((a, b) => b.seq - a.seq);

  async function sendRawEmail(params: URLSearchParams, requestId: string): Promise<ApiResult> {
    if (throttleNext > 0) {
      throttleNext -= 1;
      return apiError(requestId, 'Throttling', 'Maximum sending rate exceeded.');
    }
    const data = params.get('RawMessage.Data');
    if (data === null || data === '') {
      return apiError(requestId, 'ValidationError', "1 validation error detected: Value null at 'rawMessage.data' failed to satisfy constraint: Member must not be null");
    }
    const configurationSetName = params.get('ConfigurationSetName');
    const configurationSet = configurationSetName ? configurationSets[configurationSetName] : undefined;
    if (configurationSetName && !configurationSet) {
      return apiError(requestId, 'ConfigurationSetDoesNotExist', `Configuration set <${configurationSetName}> does not exist.`);
    }
    const sent = Buffer.from(data, 'base64');
    if (sent.length > MAX_RAW_MESSAGE_BYTES) {
      return apiError(requestId, 'MessageRejected', 'Message length is more than 10485760 bytes long.');
    }

    const id = newSesMessageId();
    const messageIdHeader = sesMessageIdHeader(id, region);
    const raw = replaceMessageId(sent, messageIdHeader);
    const parsed = await simpleParser(raw, { skipImageLinks: true, keepCidLinks: true });

    const destinations = collectMembers(params, 'Destinations');
    const envelopeTo = destinations.length > 0
      ? destinations
      : [parsed.to, parsed.cc, parsed.bcc].flatMap((h) => addressList(h)).map((a) => a.address);
    if (envelopeTo.length === 0) {
      return apiError(requestId, 'InvalidParameterValue', 'Missing final \'@domain\'');
    }
    const source = params.get('Source') ?? addressList(parsed.from)[0]?.address;
    if (source === undefined || source === '') {
      return apiError(requestId, 'InvalidParameterValue', 'Missing required header \'From\'.');
    }

    const receivedAt = new Date();
    const base = `${receivedAt.toISOString().replace(/[:.]/g, '-')}-${id}`;
    const references = parsed.references === undefined
      ? []
      : Array.isArray(parsed.references) ? parsed.references : [parsed.references];
    const message: OutboxMessage = {
      id,
      messageId: messageIdHeader,
      seq: nextSeq++,
      receivedAt: receivedAt.toISOString(),
      region,
      envelope: { source, destinations: envelopeTo },
      headers: splitHeaderFields(headerSection(raw.toString('latin1')).head)
        .flatMap((f) => (f.name === null ? [] : [[f.name, unfold(f.value)] as [string, string]]))
        .map(([name, value]) => [name, Buffer.from(value, 'latin1').toString('utf8')]),
      subject: parsed.subject ?? null,
      from: addressList(parsed.from),
      to: addressList(parsed.to),
      cc: addressList(parsed.cc),
      replyTo: addressList(parsed.replyTo),
      inReplyTo: parsed.inReplyTo ?? null,
      references,
      text: parsed.text ?? null,
      html: typeof parsed.html === 'string' ? parsed.html : null,
      attachments: parsed.attachments.map((a) => ({
        filename: a.filename ?? null,
        contentType: a.contentType,
        contentDisposition: a.contentDisposition ?? null,
        contentId: a.contentId ?? null,
        size: a.size,
        checksum: a.checksum,
      })),
      size: raw.length,
      emlFile: `${base}.eml`,
    };
    await writeAtomic(join(dataDir, `${base}.eml`), raw);
    await writeAtomic(join(dataDir, `${base}.json`), `${JSON.stringify(message, null, 2)}\n`);
    store.set(id, message);
    for (const listener of listeners) listener(message);
    if (configurationSet && configurationSetName && envelopeTo.some((address) => bouncing.has(address.toLowerCase()) || complaining.has(address.toLowerCase()))) {
      // SES reports bounces and complaints some time after the send call has returned (by then the
      // sender has recorded the message id it got back), timestamped when they happen.
      setTimeout(() => {
        for (const event of feedbackEvents(message, configurationSetName, { bouncing, complaining })) configurationSet.publish(event);
      }, options.feedbackDelayMs ?? 1_000);
    }

    return {
      status: 200,
      body: xml(
        `<SendRawEmailResponse xmlns="${SES_XMLNS}">` +
          `<SendRawEmailResult><MessageId>${escapeXml(id)}</MessageId></SendRawEmailResult>` +
          `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
          `</SendRawEmailResponse>`,
      ),
    };
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const body = await readBody(req, MAX_REQUEST_BYTES);
    let result: ApiResult;
    if (body === null) {
      result = apiError(requestId, 'InvalidParameterValue', 'Request too large.', 413);
    } else {
      const params = new URLSearchParams(body.toString('utf8'));
      const action = params.get('Action');
      const version = params.get('Version');
      if (action === null || action === '') {
        result = apiError(requestId, 'MissingAction', 'Missing Action');
      } else if (version !== null && version !== SES_API_VERSION) {
        result = apiError(requestId, 'InvalidParameterValue', `Unsupported API version ${version}; this stand-in speaks ${SES_API_VERSION}.`);
      } else if (action === 'SendRawEmail') {
        result = await sendRawEmail(params, requestId);
      } else {
        result = apiError(requestId, 'InvalidAction', `The action ${action} is not valid for this web service (the local SES stand-in only implements SendRawEmail).`);
      }
    }
    res.writeHead(result.status, {
      'content-type': 'text/xml; charset=utf-8',
      'x-amzn-requestid': requestId,
      'content-length': Buffer.byteLength(result.body),
    });
    res.end(result.body);
  }

  async function handleRead(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    if (path === '/' && method === 'GET') {
      send(res, 200, 'text/html; charset=utf-8', renderOutbox(newestFirst()));
      return;
    }
    if (path === '/messages' && method === 'GET') {
      sendJson(res, 200, newestFirst().map(summarize));
      return;
    }
    if (path === '/messages' && method === 'DELETE') {
      const removed = store.size;
      store.clear();
      for (const name of await readdir(dataDir)) {
        if (STORED_FILE.test(name)) await rm(join(dataDir, name), { force: true });
      }
      sendJson(res, 200, { deleted: removed });
      return;
    }
    if (path === '/_faults' && method === 'POST') {
      const body = await readBody(req, 64 * 1024);
      const parsed = faultsSchema.safeParse(safeJson(body?.toString('utf8') ?? ''));
      if (!parsed.success) {
        sendJson(res, 400, { error: 'expected {"throttleNext": <non-negative integer>}' });
        return;
      }
      throttleNext = parsed.data.throttleNext;
      sendJson(res, 200, { throttleNext });
      return;
    }
    if (path === '/_faults' && method === 'GET') {
      sendJson(res, 200, { throttleNext });
      return;
    }
    const match = /^\/messages\/([A-Za-z0-9-]+?)(\.eml)?$/.exec(path);
    if (match !== null && method === 'GET') {
      const message = store.get(match[1] ?? '');
      if (message === undefined) {
        sendJson(res, 404, { error: 'no such message' });
      } else if (match[2] === '.eml') {
        send(res, 200, 'message/rfc822', await readFile(join(dataDir, message.emlFile)));
      } else {
        sendJson(res, 200, message);
      }
      return;
    }
    sendJson(res, 404, { error: `no route for ${method} ${path}` });
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const isApiCall = req.method === 'POST' && path === '/';
    (isApiCall ? handleApi(req, res) : handleRead(req, res, path)).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (isApiCall) {
        const failure = apiError(randomUUID(), 'InternalFailure', String(error), 500);
        send(res, failure.status, 'text/xml; charset=utf-8', failure.body);
      } else {
        sendJson(res, 500, { error: String(error) });
      }
    });
  });

  const { endpoint } = await listen(server, options.port, host);

  return {
    endpoint,
    url: `${endpoint}/`,
    messages: async () => newestFirst(),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    simulate(addresses) {
      for (const address of addresses.bounce ?? []) bouncing.add(address.toLowerCase());
      for (const address of addresses.complaint ?? []) complaining.add(address.toLowerCase());
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Mailbox simulator: the event records SES publishes for a bounce and a complaint.

const SIMULATOR_ACCOUNT = '000000000000';

function feedbackEvents(message: OutboxMessage, configurationSetName: string, simulated: { bouncing: Set<string>; complaining: Set<string> }): SesFeedbackEvent[] {
  const destinations = message.envelope.destinations;
  const bounced = destinations.filter((address) => simulated.bouncing.has(address.toLowerCase()));
  const complained = destinations.filter((address) => simulated.complaining.has(address.toLowerCase()) && !simulated.bouncing.has(address.toLowerCase()));
  const now = new Date().toISOString();
  const mail = mailObject(message, configurationSetName);
  const events: SesFeedbackEvent[] = [];
  if (bounced.length > 0) {
    events.push({
      eventType: 'Bounce',
      bounce: {
        feedbackId: newSesMessageId(),
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: bounced.map((emailAddress) => ({ emailAddress, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' })),
        timestamp: now,
        reportingMTA: `dns; b224-13.smtp-out.${message.region}.amazonses.com`,
        remoteMtaIp: '127.0.2.0',
      },
      mail,
    });
  }
  if (complained.length > 0) {
    events.push({
      eventType: 'Complaint',
      complaint: {
        feedbackId: newSesMessageId(),
        complaintSubType: null,
        complainedRecipients: complained.map((emailAddress) => ({ emailAddress })),
        timestamp: now,
        userAgent: 'Amazon SES Mailbox Simulator',
        complaintFeedbackType: 'abuse',
        arrivalDate: now,
      },
      mail,
    });
  }
  return events;
}

function mailObject(message: OutboxMessage, configurationSetName: string): Record<string, unknown> {
  const header = (name: string): string | undefined => message.headers.find(([field]) => field.toLowerCase() === name)?.[1];
  const fromDomain = message.envelope.source.split('@')[1] ?? '';
  return {
    timestamp: message.receivedAt,
    source: message.envelope.source,
    sourceArn: `arn:aws:ses:${message.region}:${SIMULATOR_ACCOUNT}:identity/${fromDomain}`,
    sendingAccountId: SIMULATOR_ACCOUNT,
    messageId: message.id,
    destination: message.envelope.destinations,
    headersTruncated: false,
    headers: message.headers.map(([name, value]) => ({ name, value })),
    commonHeaders: {
      from: [header('from') ?? message.envelope.source],
      to: (header('to') ?? '').split(',').map((value) => value.trim()).filter(Boolean),
      messageId: message.messageId,
      subject: message.subject ?? '',
    },
    tags: {
      'ses:configuration-set': [configurationSetName],
      'ses:source-ip': ['127.0.0.1'],
      'ses:from-domain': [fromDomain],
      'ses:caller-identity': ['local'],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Raw message surgery. Works on latin1 strings so that every byte round-trips unchanged.

interface HeaderField {
  /** Header name as written, or null for a malformed line without a colon. */
  name: string | null;
  /** Everything after the colon, folding and line terminator included. */
  value: string;
  /** The whole field as it appears in the message. */
  raw: string;
}

/** Splits a message (latin1) into the header section (through the last header's line end) and the rest. */
function headerSection(message: string): { head: string; rest: string } {
  const crlf = message.indexOf('\r\n\r\n');
  const lf = message.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return { head: message, rest: '' };
  if (lf === -1 || (crlf !== -1 && crlf < lf)) return { head: message.slice(0, crlf + 2), rest: message.slice(crlf + 2) };
  return { head: message.slice(0, lf + 1), rest: message.slice(lf + 1) };
}

function splitHeaderFields(head: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of head.split(/(?<=\n)/)) {
    const last = fields.at(-1);
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== undefined) {
      last.value += line;
      last.raw += line;
      continue;
    }
    const colon = line.indexOf(':');
    fields.push(colon > 0
      ? { name: line.slice(0, colon).trim(), value: line.slice(colon + 1), raw: line }
      : { name: null, value: line, raw: line });
  }
  return fields;
}

function unfold(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '').replace(/\r?\n$/, '').trim();
}

/**
 * Sets the Message-ID header like SES does: the first Message-ID field is replaced in place
 * (any further ones are dropped, a message may only have one); without one, it is prepended.
 */
function replaceMessageId(raw: Buffer, messageIdHeader: string): Buffer {
  const message = raw.toString('latin1');
  const { head, rest } = headerSection(message);
  const eol = head.includes('\r\n') || !head.includes('\n') ? '\r\n' : '\n';
  const replacement = `Message-ID: ${messageIdHeader}${eol}`;
  let replaced = false;
  const fields = splitHeaderFields(head).flatMap((field) => {
    if (field.name?.toLowerCase() !== 'message-id') return [field.raw];
    if (replaced) return [];
    replaced = true;
    return [replacement];
  });
  const newHead = replaced ? fields.join('') : replacement + head;
  return Buffer.from(newHead + rest, 'latin1');
}

// ---------------------------------------------------------------------------------------------
// Helpers

interface ApiResult {
  status: number;
  body: string;
}

function apiError(requestId: string, code: string, message: string, status = 400): ApiResult {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return {
    status,
    body: xml(
      `<ErrorResponse xmlns="${SES_XMLNS}">` +
        `<Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
        `<RequestId>${requestId}</RequestId>` +
        `</ErrorResponse>`,
    ),
  };
}

function xml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const escapeHtml = escapeXml;

/** `Destinations.member.1=a&Destinations.member.2=b` → [a, b], in member order. */
function collectMembers(params: URLSearchParams, prefix: string): string[] {
  const members: Array<[number, string]> = [];
  for (const [key, value] of params) {
    const match = new RegExp(`^${prefix}\\.member\\.(\\d+)$`).exec(key);
    if (match?.[1] !== undefined) members.push([Number(match[1]), value]);
  }
  return members.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}

function addressList(header: AddressObject | AddressObject[] | undefined): OutboxAddress[] {
  if (header === undefined) return [];
  const flatten = (entries: EmailAddress[]): OutboxAddress[] =>
    entries.flatMap((e) => (e.group !== undefined ? flatten(e.group) : e.address ? [{ name: e.name, address: e.address }] : []));
  return (Array.isArray(header) ? header : [header]).flatMap((h) => flatten(h.value));
}

function summarize(message: OutboxMessage): OutboxMessageSummary {
  return {
    id: message.id,
    messageId: message.messageId,
    receivedAt: message.receivedAt,
    envelope: message.envelope,
    from: message.from,
    to: message.to,
    subject: message.subject,
    inReplyTo: message.inReplyTo,
    attachments: message.attachments.length,
    size: message.size,
    links: { json: `/messages/${message.id}`, eml: `/messages/${message.id}.eml` },
  };
}

function renderOutbox(messages: OutboxMessage[]): string {
  const rows = messages.map((m) => {
    const to = m.envelope.destinations.join(', ');
    const from = m.from.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ') || m.envelope.source;
    return (
      `<tr><td><time datetime="${escapeHtml(m.receivedAt)}">${escapeHtml(m.receivedAt)}</time></td>` +
      `<td>${escapeHtml(from)}</td><td>${escapeHtml(to)}</td><td>${escapeHtml(m.subject ?? '(no subject)')}</td>` +
      `<td><a href="/messages/${encodeURIComponent(m.id)}">json</a> <a href="/messages/${encodeURIComponent(m.id)}.eml">eml</a></td></tr>`
    );
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local SES outbox (${messages.length})</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}</style>
</head><body><h1>Local SES outbox</h1><p>${messages.length} message(s), newest first.</p>
<table><thead><tr><th>Received</th><th>From</th><th>To (envelope)</th><th>Subject</th><th></th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></body></html>
`;
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', `${JSON.stringify(value, null, 2)}\n`);
}

/** Reads the request body; null when it exceeds `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) tooLarge = true;
    if (!tooLarge) chunks.push(buffer);
  }
  return tooLarge ? null : Buffer.concat(chunks);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const faultsSchema = z.object({ throttleNext: z.number().int().min(0) });

const STORED_FILE = /^\d{4}-\d\d-\d\dT[\d-]+Z-[0-9a-f-]+\.(eml|json)(\.tmp)?$/;

async function writeAtomic(path: string, data: string | Buffer): Promise<void> {
  await writeFile(`${path}.tmp`, data);
  await rename(`${path}.tmp`, path);
}

async function loadMessages(dataDir: string): Promise<OutboxMessage[]> {
  const loaded: OutboxMessage[] = [];
  for (const name of (await readdir(dataDir)).filter((n) => n.endsWith('.json')).sort()) {
    const parsed = outboxMessageSchema.safeParse(safeJson(await readFile(join(dataDir, name), 'utf8')));
    if (parsed.success) loaded.push(parsed.data);
    else console.warn(`[ses-outbox] ignoring unreadable ${join(dataDir, name)}`);
  }
  return loaded;
}
