import type { ScreeningRule } from './types.ts';

const AUTOMATED_LOCAL_PART =
  /^(mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|bounces?|auto[-_.]?reply|auto[-_.]?responder|notifications?)([+=-].*)?$/i;

/** Machines' mailboxes: nobody reads what we would send them, and some answer back. */
export const automatedSender: ScreeningRule = {
  name: 'automated-sender',
  check(input) {
    const candidates = [input.from?.address, input.envelopeSender].filter((address): address is string => Boolean(address));
    for (const address of candidates) {
      const localPart = address.replace(/^<|>$/g, '').split('@')[0] ?? '';
      if (AUTOMATED_LOCAL_PART.test(localPart)) return `automated sender address (${localPart})`;
    }
    return undefined;
  },
};
