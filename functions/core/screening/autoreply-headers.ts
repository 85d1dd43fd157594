import { header, type ScreeningRule } from './types.ts';

/** Non-standard markers that vacation responders and ticket systems still send. */
export const autoreplyHeaders: ScreeningRule = {
  name: 'autoreply-headers',
  check(input) {
    for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponse']) {
      if (header(input, name) !== undefined) return `${name} present (automatic reply)`;
    }
    const suppress = header(input, 'x-auto-response-suppress')?.toLowerCase();
    if (suppress && /\b(all|autoreply|oof)\b/.test(suppress) && header(input, 'auto-submitted') !== undefined) {
      return 'X-Auto-Response-Suppress on automatic mail';
    }
    return undefined;
  },
};
