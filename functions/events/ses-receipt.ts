import * as z from 'zod/mini';
import type { DmarcPolicy, ReceiptVerdicts, VerdictStatus } from '#core/screening/index';

const verdict = z.optional(z.object({ status: z.string() }));

/** The part of SES's Lambda-action event we rely on (see "Lambda action" in the SES developer guide). */
export const sesReceiptRecordSchema = z.object({
  eventSource: z.literal('aws:ses'),
  ses: z.object({
    mail: z.object({
      messageId: z.string().check(z.minLength(1)),
      timestamp: z.string().check(z.minLength(1)),
      source: z.string(),
      destination: z._default(z.array(z.string()), []),
    }),
    receipt: z.object({
      recipients: z._default(z.array(z.string()), []),
      spamVerdict: verdict,
      virusVerdict: verdict,
      spfVerdict: verdict,
      dkimVerdict: verdict,
      dmarcVerdict: verdict,
      /** Only present when DMARC failed: the sender domain's policy, none | quarantine | reject. */
      dmarcPolicy: z.optional(z.string()),
    }),
  }),
});

export const sesReceiptEventSchema = z.object({ Records: z.array(sesReceiptRecordSchema).check(z.minLength(1)) });

export type SesReceiptRecord = z.infer<typeof sesReceiptRecordSchema>;
export type SesReceiptEvent = z.input<typeof sesReceiptEventSchema>;

/** SES writes this object when an S3 action is first set up; it is not mail. */
export const SES_SETUP_NOTIFICATION = 'AMAZON_SES_SETUP_NOTIFICATION';

/** SES's verdicts as the screening rules read them; an absent or unknown status counts as DISABLED. */
export function receiptVerdicts(receipt: SesReceiptRecord['ses']['receipt']): ReceiptVerdicts {
  const status = (value: { status: string } | undefined): VerdictStatus => {
    const upper = value?.status?.toUpperCase();
    return upper === 'PASS' || upper === 'FAIL' || upper === 'GRAY' || upper === 'PROCESSING_FAILED' ? upper : 'DISABLED';
  };
  const policy = receipt.dmarcPolicy?.trim().toLowerCase();
  const dmarcPolicy: DmarcPolicy | undefined = policy === 'none' || policy === 'quarantine' || policy === 'reject' ? policy : undefined;
  return {
    spam: status(receipt.spamVerdict),
    virus: status(receipt.virusVerdict),
    spf: status(receipt.spfVerdict),
    dkim: status(receipt.dkimVerdict),
    dmarc: status(receipt.dmarcVerdict),
    ...(dmarcPolicy ? { dmarcPolicy } : {}),
  };
}
