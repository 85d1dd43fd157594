import { header, type ScreeningRule } from './types.ts';

export const mailingList: ScreeningRule = {
  name: 'mailing-list',
  check(input) {
    if (header(input, 'list-id') !== undefined) return 'List-Id present (mailing-list mail)';
    if (header(input, 'list-unsubscribe') !== undefined) return 'List-Unsubscribe present (newsletter or list mail)';
    return undefined;
  },
};
