import { header, type ScreeningRule } from './types.ts';

/** A null reverse-path (<>) is how bounces and other notifications say "never answer me". */
export const nullReturnPath: ScreeningRule = {
  name: 'null-return-path',
  check(input) {
    const returnPath = header(input, 'return-path');
    if (returnPath !== undefined && /^<?\s*>?$/.test(returnPath.trim())) return 'null Return-Path (<>)';
    if (input.envelopeSender.trim() === '' || input.envelopeSender.trim() === '<>') return 'null envelope sender (MAIL FROM:<>)';
    return undefined;
  },
};
