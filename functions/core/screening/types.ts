import type { HeaderMap, Mailbox } from '#mail/parse';

export type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';

export interface ReceiptVerdicts {
  spam: VerdictStatus;
  virus: VerdictStatus;
  spf: VerdictStatus;
  dkim: VerdictStatus;
  dmarc: VerdictStatus;
}

/** What a screening rule may look at: headers and SES's verdicts, never the body. */
export interface ScreeningInput {
  headers: HeaderMap;
  contentType: string;
  from?: Mailbox;
  /** SMTP envelope sender (SES `mail.source`); empty for a null return path. */
  envelopeSender: string;
  verdicts: ReceiptVerdicts;
  /** Addresses we send from: mail from them is our own mail coming back. */
  ownAddresses: readonly string[];
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
