import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { SesReceiptEvent } from '#events/ses-receipt';

export interface SmtpIngressOptions {
  port: number;
  host: string;
  s3: S3Client;
  bucket: string;
  objectKeyPrefix: string;
  /** Domains we receive mail for, as the SES receipt rule's recipients would list them. */
  recipientDomains: string[];
  maxMessageBytes: number;
  /** Called after the raw message is stored, as SES calls the Lambda action after the S3 action. */
  deliver: (event: SesReceiptEvent) => void;
}

export interface SmtpIngress {
  port: number;
  stop(): Promise<void>;
}

/** The local stand-in for SES receiving: SMTP in, raw MIME to S3, an SES-shaped event out. */
export async function startSmtpIngress(options: SmtpIngressOptions): Promise<SmtpIngress> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: options.maxMessageBytes,
    logger: false,
    banner: 'complaints local SES ingress',
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@')[1]?.toLowerCase() ?? '';
      if (!options.recipientDomains.includes(domain)) {
        callback(Object.assign(new Error(`550 5.1.1 <${address.address}>: no receipt rule for this recipient`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      receive(stream, session, options)
        .then(() => callback())
        .catch((error: Error & { responseCode?: number }) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return { port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, options: SmtpIngressOptions): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (stream.sizeExceeded) throw Object.assign(new Error('552 5.3.4 message exceeds the size limit'), { responseCode: 552 });
  const raw = Buffer.concat(chunks);
  const messageId = sesLikeMessageId();
  await options.s3.send(new PutObjectCommand({ Bucket: options.bucket, Key: `${options.objectKeyPrefix}${messageId}`, Body: raw }));
  const source = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const recipients = session.envelope.rcptTo.map((recipient) => recipient.address);
  options.deliver(receiptEvent(messageId, source, recipients, verdictOverrides(raw)));
}

/** SES inbound ids are 40 lower-case base-32 characters. */
function sesLikeMessageId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(40)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * SES computes spam/virus/SPF/DKIM/DMARC verdicts; the stand-in cannot, so it reports what a
 * correctly configured sender gets (PASS) and lets a test say otherwise with one header:
 * `X-Local-SES-Verdicts: spam=FAIL, spf=FAIL, dkim=FAIL`, or `virus=FAIL`, or
 * `dmarc=FAIL, dmarcPolicy=reject` (SES adds the sender domain's policy only when DMARC failed).
 */
function verdictOverrides(raw: Buffer): Record<string, string> {
  const headerEnd = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw.subarray(0, headerEnd >= 0 ? headerEnd : Math.min(raw.length, 65_536)).toString('latin1');
  const match = /^x-local-ses-verdicts:\s*(.+)$/im.exec(head);
  const verdicts: Record<string, string> = {};
  for (const pair of match?.[1]?.split(',') ?? []) {
    const [name, value] = pair.split('=').map((part) => part.trim());
    if (name && value) verdicts[name.toLowerCase()] = value.toUpperCase();
  }
  return verdicts;
}

function receiptEvent(messageId: string, source: string, recipients: string[], overrides: Record<string, string>): SesReceiptEvent {
  const status = (name: string, fallback: string) => ({ status: overrides[name] ?? fallback });
  const timestamp = new Date().toISOString();
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        ses: {
          mail: { messageId, timestamp, source, destination: recipients },
          receipt: {
            recipients,
            spamVerdict: status('spam', 'PASS'),
            virusVerdict: status('virus', 'PASS'),
            spfVerdict: status('spf', 'PASS'),
            dkimVerdict: status('dkim', 'PASS'),
            dmarcVerdict: status('dmarc', 'PASS'),
            dmarcPolicy: overrides.dmarcpolicy?.toLowerCase(),
          },
        },
      },
    ],
  };
}
