import MailComposer from 'nodemailer/lib/mail-composer';
import { singleLine } from './parse.ts';

export interface Address {
  name?: string;
  address: string;
}

export interface OutboundEmail {
  from: Address;
  to: Address[];
  cc?: Address[];
  replyTo?: Address;
  subject: string;
  text: string;
  html: string;
  /** Message-ID of the mail this answers (customer's or ours as SES rewrote it). */
  inReplyTo?: string;
  references: string[];
  /** Automatic mail (RFC 3834); false only for words an agent wrote. */
  automatic: boolean;
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
}

/** Builds the raw MIME that SendRawEmail takes; SES replaces the Message-ID we put here. */
export async function composeRawEmail(email: OutboundEmail, messageIdDomain: string): Promise<Buffer> {
  const headers: Record<string, string> = { 'X-Auto-Response-Suppress': 'All' };
  if (email.automatic) headers['Auto-Submitted'] = 'auto-replied';
  const composer = new MailComposer({
    from: mailbox(email.from),
    to: email.to.map(mailbox),
    cc: email.cc?.map(mailbox),
    replyTo: email.replyTo ? mailbox(email.replyTo) : undefined,
    subject: headerText(email.subject),
    text: email.text,
    html: email.html,
    inReplyTo: email.inReplyTo,
    references: email.references.length > 0 ? email.references : undefined,
    messageId: `<${crypto.randomUUID()}@${messageIdDomain}>`,
    headers,
    attachments: email.attachments?.map((attachment) => ({ ...attachment })),
  });
  return composer.compile().build();
}

function mailbox(address: Address): { name: string; address: string } {
  return { name: headerText(address.name ?? ''), address: address.address };
}

const WORD_JOINER = '\u2060';

/**
 * Customer words going into a header of ours: one line, no control characters, and no literal
 * `=?`: nodemailer leaves ASCII text that looks like an RFC 2047 encoded-word as it is, so a
 * subject that once arrived encoded twice would be decoded by the recipient into a CR/LF or any
 * other text. An invisible word joiner keeps it from ever reading as an encoded-word.
 */
export function headerText(value: string): string {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  const printable = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ');
  return singleLine(printable).replaceAll('=?', `=${WORD_JOINER}?`);
}

/** local+TOKEN@domain: replies find their complaint even when headers are lost. */
export function plusAddress(address: string, token: string): string {
  const [local, domain] = address.split('@');
  return `${local}+${token}@${domain}`;
}
