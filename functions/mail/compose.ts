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
    subject: singleLine(email.subject),
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
  return { name: singleLine(address.name ?? ''), address: address.address };
}

/** local+TOKEN@domain: replies find their complaint even when headers are lost. */
export function plusAddress(address: string, token: string): string {
  const [local, domain] = address.split('@');
  return `${local}+${token}@${domain}`;
}
