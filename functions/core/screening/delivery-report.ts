import { header, type ScreeningRule } from './types.ts';

const REPORT_TYPES = ['multipart/report', 'message/delivery-status', 'message/disposition-notification', 'message/feedback-report'];

const REPORT_NAMES: Record<string, string> = {
  'delivery-status': 'bounce or delay notice',
  'disposition-notification': 'read receipt',
  'feedback-report': 'abuse report (ARF)',
};

/** Bounces, read receipts and abuse reports are information about mail, not complaints. */
export const deliveryReport: ScreeningRule = {
  name: 'delivery-report',
  check(input) {
    if (!REPORT_TYPES.includes(input.contentType)) return undefined;
    const reportType = /report-type\s*=\s*"?([\w.-]+)/i.exec(header(input, 'content-type') ?? '')?.[1]?.toLowerCase();
    const kind = reportType ?? input.contentType.split('/')[1]!;
    return `${input.contentType}${reportType ? `; report-type=${reportType}` : ''} (${REPORT_NAMES[kind] ?? 'delivery report'})`;
  },
};
