import type { ScreeningRule } from './types.ts';

/** Without a From address there is nobody to acknowledge and no customer to record. */
export const missingSender: ScreeningRule = {
  name: 'missing-sender',
  check: (input) => (input.from ? undefined : 'no usable From address'),
};
