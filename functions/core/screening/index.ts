import { autoSubmitted } from './auto-submitted.ts';
import { automatedSender } from './automated-sender.ts';
import { autoreplyHeaders } from './autoreply-headers.ts';
import { deliveryReport } from './delivery-report.ts';
import { mailingList } from './mailing-list.ts';
import { missingSender } from './missing-sender.ts';
import { nullReturnPath } from './null-return-path.ts';
import { ownAddress } from './own-address.ts';
import { precedence } from './precedence.ts';
import { spamVerdict, virusVerdict } from './ses-verdicts.ts';
import type { ScreeningInput, ScreeningRule } from './types.ts';

export type { ReceiptVerdicts, ScreeningInput, ScreeningRule, VerdictStatus } from './types.ts';

/** Ordered: the most serious verdict is the one recorded. Adding a rule is adding a file and a line here. */
export const SCREENING_RULES: readonly ScreeningRule[] = [
  virusVerdict,
  deliveryReport,
  nullReturnPath,
  autoSubmitted,
  autoreplyHeaders,
  precedence,
  mailingList,
  automatedSender,
  ownAddress,
  spamVerdict,
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
