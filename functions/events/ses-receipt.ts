import { z } from 'zod';

const verdict = z.object({ status: z.string() }).optional();

/** The part of SES's Lambda-action event we rely on (see "Lambda action" in the SES developer guide). */
export const sesReceiptRecordSchema = z.object({
  eventSource: z.literal('aws:ses'),
  ses: z.object({
    mail: z.object({
      messageId: z.string().min(1),
      timestamp: z.string().min(1),
      source: z.string(),
      destination: z.array(z.string()).default([]),
    }),
    receipt: z.object({
      recipients: z.array(z.string()).default([]),
      spamVerdict: verdict,
      virusVerdict: verdict,
      spfVerdict: verdict,
      dkimVerdict: verdict,
      dmarcVerdict: verdict,
      dmarcPolicy: z.string().optional(),
    }),
  }),
});

export const sesReceiptEventSchema = z.object({ Records: z.array(sesReceiptRecordSchema).min(1) });

export type SesReceiptRecord = z.infer<typeof sesReceiptRecordSchema>;
export type SesReceiptEvent = z.infer<typeof sesReceiptEventSchema>;

/** SES writes this object when an S3 action is first set up; it is not mail. */
export const SES_SETUP_NOTIFICATION = 'AMAZON_SES_SETUP_NOTIFICATION';
