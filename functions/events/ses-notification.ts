import * as z from 'zod/mini';
import { formatZodIssues } from '#core/errors';
import type { FeedbackNotification } from '#core/suppression';

const nonEmpty = () => z.string().check(z.minLength(1));

/**
 * The parts of an SES bounce or complaint we rely on ("Contents of event data that Amazon SES
 * publishes to Amazon SNS"). Through a configuration set's event destination the type is in
 * `eventType`; identity feedback notifications call it `notificationType`. SES may add fields,
 * so unknown ones are ignored.
 */
export const sesNotificationSchema = z.object({
  eventType: z.optional(z.string()),
  notificationType: z.optional(z.string()),
  mail: z.object({
    messageId: nonEmpty(),
    timestamp: nonEmpty(),
    source: z.optional(z.string()),
    sourceArn: z.optional(z.string()),
    destination: z._default(z.array(z.string()), []),
  }),
  bounce: z.optional(
    z.object({
      bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
      bounceSubType: z.string(),
      bouncedRecipients: z
        .array(
          z.object({
            emailAddress: nonEmpty(),
            action: z.optional(z.string()),
            status: z.optional(z.string()),
            diagnosticCode: z.optional(z.string()),
          }),
        )
        .check(z.minLength(1)),
      timestamp: nonEmpty(),
      feedbackId: nonEmpty(),
      reportingMTA: z.optional(z.string()),
    }),
  ),
  complaint: z.optional(
    z.object({
      complainedRecipients: z.array(z.object({ emailAddress: nonEmpty() })).check(z.minLength(1)),
      timestamp: nonEmpty(),
      feedbackId: nonEmpty(),
      complaintFeedbackType: z.optional(z.string()),
      complaintSubType: z.optional(z.nullable(z.string())),
      userAgent: z.optional(z.string()),
      arrivalDate: z.optional(z.string()),
    }),
  ),
});

export type SesNotification = z.infer<typeof sesNotificationSchema>;

/** An SNS → Lambda event; each record's Message is the SES notification as a JSON string. */
export const snsEventSchema = z.object({
  Records: z
    .array(
      z.object({
        EventSource: z.literal('aws:sns'),
        Sns: z.object({ MessageId: nonEmpty(), TopicArn: z.optional(z.string()), Message: nonEmpty(), Timestamp: z.optional(z.string()) }),
      }),
    )
    .check(z.minLength(1)),
});

export type SnsEvent = z.input<typeof snsEventSchema>;

export type ParsedNotification =
  | { ok: true; notification: FeedbackNotification & { mail: { sourceArn?: string | undefined } } }
  | { ok: true; notification: undefined; ignored: string }
  | { ok: false; error: string };

/**
 * One SNS message → a bounce or complaint the suppression workflow acts on, an ignored event type
 * (Delivery, Send…), or a precise reason it is not an SES notification.
 */
export function parseSesNotification(message: string): ParsedNotification {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch (error) {
    return { ok: false, error: `  (root): the SNS message is not JSON (${(error as Error).message})` };
  }
  const parsed = sesNotificationSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: formatZodIssues(parsed.error) };
  const { eventType, notificationType, mail, bounce, complaint } = parsed.data;
  const type = eventType ?? notificationType;
  if (type === 'Bounce') {
    if (!bounce) return { ok: false, error: '  bounce: a Bounce notification must carry a bounce object' };
    return { ok: true, notification: { type, bounce, mail } };
  }
  if (type === 'Complaint') {
    if (!complaint) return { ok: false, error: '  complaint: a Complaint notification must carry a complaint object' };
    return { ok: true, notification: { type, complaint, mail } };
  }
  if (type === undefined) return { ok: false, error: '  eventType: expected eventType (or notificationType) Bounce or Complaint' };
  return { ok: true, notification: undefined, ignored: `${type} notifications are not acted on` };
}
