import type { ScreeningRule } from './types.ts';

const REPORT_TYPES = ['multipart/report', 'message/delivery-status', 'message/disposition-notification', 'message/feedback-report'];

/** Bounces, read receipts and abuse reports are information about mail, not complaints. */
export const deliveryReport: ScreeningRule = {
  name: 'delivery-report',
  check(input) {
    return REPORT_TYPES.includes(input.contentType) ? `${input.contentType} (bounce, read receipt or abuse report)` : undefined;
  },
};
