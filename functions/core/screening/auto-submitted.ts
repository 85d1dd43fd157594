import { header, keyword, type ScreeningRule } from './types.ts';

/** RFC 3834: anything but "no" marks mail a machine sent; answering it risks a loop. */
export const autoSubmitted: ScreeningRule = {
  name: 'auto-submitted',
  check(input) {
    const value = header(input, 'auto-submitted');
    if (value === undefined) return undefined;
    const submitted = keyword(value);
    return submitted === 'no' || submitted === '' ? undefined : `Auto-Submitted: ${submitted} (automatic mail)`;
  },
};
