import type { ScreeningRule } from './types.ts';

export const virusVerdict: ScreeningRule = {
  name: 'virus',
  check: (input) => (input.verdicts.virus === 'FAIL' ? 'SES virus verdict FAIL' : undefined),
};

export const spamVerdict: ScreeningRule = {
  name: 'spam',
  check: (input) => (input.verdicts.spam === 'FAIL' ? 'SES spam verdict FAIL' : undefined),
};
