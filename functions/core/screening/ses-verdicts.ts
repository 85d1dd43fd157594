import type { ReceiptVerdicts, ScreeningRule } from './types.ts';

/** Decided from the receipt alone, before the raw mail is downloaded: infected mail is never read. */
export function quarantineReason(verdicts: ReceiptVerdicts): string | undefined {
  return verdicts.virus === 'FAIL' ? 'SES virus verdict FAIL: quarantined, not processed' : undefined;
}

export const virusVerdict: ScreeningRule = {
  name: 'virus',
  check: (input) => (input.verdicts.virus === 'FAIL' ? 'SES virus verdict FAIL' : undefined),
};

export const spamVerdict: ScreeningRule = {
  name: 'spam',
  check: (input) => (input.verdicts.spam === 'FAIL' ? 'SES spam verdict FAIL' : undefined),
};

/**
 * DMARC failed and the From domain asks receivers to reject or quarantine such mail: the From is
 * probably forged, and a reply would mail a stranger. Under policy "none" the domain owner is only
 * monitoring, so the mail is processed normally.
 */
export const dmarcVerdict: ScreeningRule = {
  name: 'dmarc',
  check(input) {
    const { dmarc, dmarcPolicy } = input.verdicts;
    if (dmarc !== 'FAIL' || (dmarcPolicy !== 'reject' && dmarcPolicy !== 'quarantine')) return undefined;
    return `SES DMARC verdict FAIL under the sender domain's policy "${dmarcPolicy}" (From probably forged; no reply)`;
  },
};
