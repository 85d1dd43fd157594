import type { HeaderMap, Mailbox } from '#mail/parse';

export type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';

/** The sending domain's published DMARC policy; SES puts it on the receipt only when DMARC failed. */
export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export interface ReceiptVerdicts {
  spam: VerdictStatus;
  virus: VerdictStatus;
  spf: VerdictStatus;
  dkim: VerdictStatus;
  dmarc: VerdictStatus;
  dmarcPolicy?: DmarcPolicy | undefined;
}

/** What a screening rule may look at: headers and SES's verdicts, never the body. */
export interface ScreeningInput {
  headers: HeaderMap;
  contentType: string;
  subject: string;
  from?: Mailbox | undefined;
  /** SMTP envelope sender (SES `mail.source`); empty for a null return path. */
  envelopeSender: string;
  verdicts: ReceiptVerdicts;
  /** Addresses we send from: mail from them is our own mail coming back. */
  ownAddresses: readonly string[];
  /** The message's Message-ID, when the Message-ID index says we sent it (our own mail coming back). */
  ownMessageId?: string | undefined;
}

export interface ScreeningRule {
  /** Stable name recorded with the verdict: admins search screened records by it. */
  name: string;
  /** A human-readable reason when the message must not be treated as a complaint, else undefined. */
  check(input: ScreeningInput): string | undefined;
}

export function header(input: ScreeningInput, name: string): string | undefined {
  return input.headers.get(name)?.[0];
}

/** The first token of a structured header value, lower case: "Auto-Replied; x=1" → "auto-replied". */
export function keyword(value: string): string {
  return value.split(/[;(\s]/)[0]!.trim().toLowerCase();
}
