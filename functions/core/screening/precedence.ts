import { header, type ScreeningRule } from './types.ts';

const AUTOMATED_PRECEDENCE = new Set(['bulk', 'junk', 'list']);

export const precedence: ScreeningRule = {
  name: 'precedence',
  check(input) {
    const value = header(input, 'precedence')?.trim().toLowerCase();
    return value && AUTOMATED_PRECEDENCE.has(value) ? `Precedence: ${value} (bulk or list mail)` : undefined;
  },
};
