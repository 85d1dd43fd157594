import { header, keyword, type ScreeningRule } from './types.ts';

/** bulk/junk/list by convention; auto_reply is what some vacation responders send. */
const AUTOMATED_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);

export const precedence: ScreeningRule = {
  name: 'precedence',
  check(input) {
    const value = header(input, 'precedence');
    const kind = value === undefined ? undefined : keyword(value);
    return kind && AUTOMATED_PRECEDENCE.has(kind) ? `Precedence: ${kind} (bulk, list or automatic mail)` : undefined;
  },
};
