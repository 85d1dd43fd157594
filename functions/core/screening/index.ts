import { autoSubmitted } from './auto-submitted.ts';
import { automatedSender } from './automated-sender.ts';
import { outOfOfficeSubject } from './automatic-reply.ts';
import { autoreplyHeaders } from './autoreply-headers.ts';
import { deliveryReport } from './delivery-report.ts';
import { mailingList } from './mailing-list.ts';
import { missingSender } from './missing-sender.ts';
import { nullReturnPath } from './null-return-path.ts';
import { ownAddress } from './own-address.ts';
import { ownMessageId } from './own-message-id.ts';
import { precedence } from './precedence.ts';
import { dmarcVerdict, spamVerdict, virusVerdict } from './ses-verdicts.ts';
import type { ScreeningInput, ScreeningRule } from './types.ts';

export type { DmarcPolicy, ReceiptVerdicts, ScreeningInput, ScreeningRule, VerdictStatus } from './types.ts';
export { AUTOMATIC_REPLY_RULES, automaticReplyReason } from './automatic-reply.ts';
export { mayBeOwnMessageId } from './own-message-id.ts';
export { quarantineReason } from './ses-verdicts.ts';

/**
 * Ordered: the most serious verdict is the one recorded (our own mail before "automatic", so a
 * loop is named as one). Adding a rule is adding a file and a line here.
 */
export const SCREENING_RULES: readonly ScreeningRule[] = [
  virusVerdict,
  ownMessageId,
  ownAddress,
  deliveryReport,
  dmarcVerdict,
  spamVerdict,
  autoSubmitted,
  autoreplyHeaders,
  outOfOfficeSubject,
  precedence,
  mailingList,
  nullReturnPath,
  automatedSender,
  missingSender,
];

export type ScreeningVerdict = { accepted: true } | { accepted: false; rule: string; reason: string };

export function screen(input: ScreeningInput, rules: readonly ScreeningRule[] = SCREENING_RULES): ScreeningVerdict {
  for (const rule of rules) {
    const reason = rule.check(input);
    if (reason !== undefined) return { accepted: false, rule: rule.name, reason };
  }
  return { accepted: true };
}
