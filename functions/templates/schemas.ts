/**
 * The typed contract between the code that sends emails and the templates admins edit.
 *
 * Every template kind declares the variables it may use with a zod schema. `templates check`
 * reads these schemas to reject a template that uses a variable its kind does not provide, and
 * `renderEmail` validates the context against them before rendering.
 *
 * Conventions: timestamps are ISO-8601 strings (2025-03-14T15:00:00Z), durations are ISO-8601
 * durations (PT8H, P5D). Optional fields must be wrapped in {{#if}} in templates (the check
 * enforces it), so a missing value never leaves half a sentence behind.
 */
// zod/mini: the same validation as classic zod at a fraction of the bundle (every Lambda renders).
import * as z from 'zod/mini';
import { COMPLAINT_STATUSES, SEVERITIES } from '#core/complaint';

/** 2025-03-14, 2025-03-14T15:00Z, 2025-03-14T15:00:00.000+01:00 (month, day, hour, minute ranges checked). */
const ISO_TIMESTAMP =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;
/** Weeks, days, hours, minutes, seconds: the units with a fixed length (same rule as the config); not "P" or "P1DT". */
const ISO_DURATION = /^P(?!$)(?:\d+W|(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$/;

// Plain regex checks: zod runs them several times faster than a refine() callback, and the
// render path validates every context.
export const isoTimestamp = z.string().check(z.regex(ISO_TIMESTAMP, 'an ISO-8601 timestamp such as 2025-03-14T15:00:00Z'), z.describe('date and time (show it with formatDate)'));
export const isoDuration = z.string().check(z.regex(ISO_DURATION, 'an ISO-8601 duration such as PT8H or P5D'), z.describe('duration (show it with formatDuration)'));

/** Name, postal address and sign-off come from the application config (brand.*). */
export const brandContextSchema = z.object({
  name: z.string(),
  postalAddress: z.array(z.string()),
  website: z.optional(z.string()),
  signOff: z.string(),
});
export type BrandContext = z.infer<typeof brandContextSchema>;

const customer = z.object({ name: z.string() });
const customerWithEmail = z.object({ name: z.string(), email: z.string() });
const severity = z.enum(SEVERITIES);
const status = z.enum(COMPLAINT_STATUSES);

// ---------------------------------------------------------------------------------------------
// Customer-facing kinds
// ---------------------------------------------------------------------------------------------

/** Sent at once when a complaint arrives. The only promises it makes are the two SLA dates. */
export const acknowledgementContextSchema = z.object({
  brand: brandContextSchema,
  customer,
  complaint: z.object({ reference: z.string(), subject: z.string(), receivedAt: isoTimestamp }),
  sla: z.object({
    firstResponseDue: isoTimestamp,
    resolutionDue: isoTimestamp,
    /** The configured SLA as a duration (PT8H), for "within 8 hours". */
    firstResponseWithin: isoDuration,
    resolutionWithin: isoDuration,
  }),
});
export type AcknowledgementContext = z.infer<typeof acknowledgementContextSchema>;

/** A status update while the complaint is still open. */
export const followUpContextSchema = z.object({
  brand: brandContextSchema,
  customer,
  complaint: z.object({ reference: z.string(), subject: z.string(), receivedAt: isoTimestamp }),
  sla: z.object({ resolutionDue: isoTimestamp }),
  progress: z.object({
    /** True when the resolution date has passed: the template must not repeat a broken promise. */
    overdue: z.boolean(),
    /** A short customer-facing note from the agent on where things stand. */
    note: z.optional(z.string()),
    /** When the customer will hear from us next (only if someone committed to it). */
    nextUpdateBy: z.optional(isoTimestamp),
  }),
});
export type FollowUpContext = z.infer<typeof followUpContextSchema>;

/** Wraps an agent's own words (reply.body) in greeting, reference and signature. */
export const agentReplyContextSchema = z.object({
  brand: brandContextSchema,
  customer,
  complaint: z.object({ reference: z.string(), subject: z.string() }),
  agent: z.object({ name: z.string(), title: z.optional(z.string()) }),
  /** The agent's message, plain text; blank lines separate paragraphs. No greeting or sign-off. */
  reply: z.object({ body: z.string() }),
});
export type AgentReplyContext = z.infer<typeof agentReplyContextSchema>;

/** The formal closing letter in block format. */
export const resolutionLetterContextSchema = z.object({
  brand: brandContextSchema,
  /** postalAddress: the address lines without the name (street, postcode and town, country). */
  customer: z.object({ name: z.string(), postalAddress: z.optional(z.array(z.string())) }),
  complaint: z.object({
    reference: z.string(),
    subject: z.string(),
    receivedAt: isoTimestamp,
    /** The problem as the customer reported it, in a sentence or two. */
    summary: z.string(),
  }),
  letter: z.object({
    date: isoTimestamp,
    /** People who receive a copy (shown as "cc:"); may be empty. */
    cc: z.array(z.object({ name: z.string(), role: z.optional(z.string()) })),
  }),
  /** The follow-up conversations, oldest first; may be empty. */
  contacts: z.array(z.object({ date: isoTimestamp, summary: z.string() })),
  resolution: z.object({
    /** What was agreed with the customer, in plain words. */
    agreement: z.string(),
    /** What changes so it does not happen again (may be left out; the letter then skips that paragraph). */
    prevention: z.optional(z.string()),
  }),
  signatory: z.object({ name: z.string(), title: z.string() }),
});
export type ResolutionLetterContext = z.infer<typeof resolutionLetterContextSchema>;

/** Asks, after resolution, how the handling felt. Feedback arrives as a reply (or via an optional link). */
export const feedbackRequestContextSchema = z.object({
  brand: brandContextSchema,
  customer,
  complaint: z.object({ reference: z.string(), subject: z.string(), resolvedAt: isoTimestamp }),
  feedback: z.object({
    /** Optional link to a feedback form; without it (and without ratingLinks) customers simply reply. */
    url: z.optional(z.string()),
    /** One-click rating: one link per score, 1 (poor) to 5 (very good). */
    ratingLinks: z.optional(z.array(z.object({ rating: z.int().check(z.minimum(1), z.maximum(5)), url: z.string() }))),
  }),
});
export type FeedbackRequestContext = z.infer<typeof feedbackRequestContextSchema>;

/** Thanks the customer after they gave feedback. */
export const thankYouContextSchema = z.object({
  brand: brandContextSchema,
  customer,
  complaint: z.object({ reference: z.string(), subject: z.string() }),
  feedback: z.object({
    /** 1 (poor) to 5 (very good), when the customer gave a score. */
    score: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
    comment: z.optional(z.string()),
  }),
});
export type ThankYouContext = z.infer<typeof thankYouContextSchema>;

// ---------------------------------------------------------------------------------------------
// Internal kinds (to agents and managers)
// ---------------------------------------------------------------------------------------------

const internalComplaint = z.object({
  reference: z.string(),
  subject: z.string(),
  receivedAt: isoTimestamp,
  category: z.string(),
  severity,
  /** The language the classifier detected (en, da, nb, et, ...). */
  language: z.string(),
});

/** Tells the agents' mailbox that a complaint arrived or a customer wrote again. */
export const agentNotificationContextSchema = z.object({
  brand: brandContextSchema,
  event: z.enum(['new-complaint', 'customer-reply']),
  complaint: z.extend(internalComplaint, {
    /** The start of the customer's message. */
    excerpt: z.string(),
    attachmentCount: z.int().check(z.minimum(0)),
    accountNumbers: z.array(z.string()),
    orderNumbers: z.array(z.string()),
  }),
  customer: z.extend(customerWithEmail, {
    /** The customer's other complaints, newest first: has this happened before? */
    earlierComplaints: z.optional(z
      .array(z.object({ reference: z.string(), subject: z.string(), receivedAt: isoTimestamp, status, category: z.string() }))),
  }),
  sla: z.object({ firstResponseDue: isoTimestamp, resolutionDue: isoTimestamp }),
  /** Set when threading was uncertain: the complaint this mail may continue. */
  relatedTo: z.optional(z.string()),
  /**
   * Set when the customer complained about the same category before, within the repeat window:
   * sameCategory of them (at least 1), previous in all, window as a duration (P90D).
   */
  repeat: z.optional(z
    .object({ previous: z.int().check(z.minimum(1)), sameCategory: z.int().check(z.minimum(1)), window: isoDuration })),
  /** A link to the complaint in an admin tool, if there is one. */
  link: z.optional(z.string()),
});
export type AgentNotificationContext = z.infer<typeof agentNotificationContextSchema>;

/** Sent to managers when a complaint needs their attention. */
export const escalationContextSchema = z.object({
  brand: brandContextSchema,
  reason: z.enum(['sla-breach', 'urgent', 'recurring', 'requested', 'low-rating']),
  complaint: z.extend(internalComplaint, { status }),
  customer: z.extend(customerWithEmail, {
    /** Earlier complaints from the same customer. */
    previousComplaints: z.int().check(z.minimum(0)),
  }),
  sla: z.object({
    firstResponseDue: isoTimestamp,
    resolutionDue: isoTimestamp,
    /** How far past the due date, when the reason is an SLA breach. */
    overdueBy: z.optional(isoDuration),
  }),
  /** Who escalated and why, in their words (for reason "requested"). */
  escalatedBy: z.optional(z.string()),
  note: z.optional(z.string()),
  /** The customer's rating (for reason "low-rating"). */
  feedback: z.optional(z.object({ score: z.int().check(z.minimum(1), z.maximum(5)), comment: z.optional(z.string()) })),
  /**
   * For reason "recurring" when a whole category jumped: `count` complaints about `category` in
   * the window from windowStart to windowEnd (`window` long), against `baseline` per window on
   * average over the previous `baselineWindows` windows; more than `threshold` is a burst.
   */
  pattern: z.optional(z
    .object({
      category: z.string(),
      count: z.int().check(z.minimum(0)),
      baseline: z.number().check(z.minimum(0)),
      threshold: z.number().check(z.minimum(0)),
      window: isoDuration,
      windowStart: isoTimestamp,
      windowEnd: isoTimestamp,
      baselineWindows: z.int().check(z.minimum(1)),
    })),
});
export type EscalationContext = z.infer<typeof escalationContextSchema>;

const countRow = z.object({ name: z.string(), count: z.int().check(z.minimum(0)) });
const count = z.int().check(z.minimum(0));
const share = z.number().check(z.minimum(0), z.maximum(1));
/** A bar's length in percent of the widest bar of its chart (0..100): `<td width="{{bar}}%">`. */
const bar = z.int().check(z.minimum(0), z.maximum(100));
const chartRow = z.object({ name: z.string(), count, share, bar });
/** Median and 90th percentile of a time, over `count` complaints. */
const spread = z.object({ count, median: isoDuration, p90: isoDuration });

/** The periodic (monthly) quality report. */
export const reportContextSchema = z.object({
  brand: brandContextSchema,
  period: z.object({ from: isoTimestamp, to: isoTimestamp }),
  totals: z.object({
    received: z.int().check(z.minimum(0)),
    resolved: z.int().check(z.minimum(0)),
    open: z.int().check(z.minimum(0)),
    overdue: z.int().check(z.minimum(0)),
  }),
  sla: z.object({
    /** Share of complaints answered / resolved in time, 0..1. */
    firstResponseMet: z.number().check(z.minimum(0), z.maximum(1)),
    resolutionMet: z.number().check(z.minimum(0), z.maximum(1)),
    medianFirstResponse: z.optional(isoDuration),
    medianResolution: z.optional(isoDuration),
    /** Complaints whose first response / resolution came late or is overdue. */
    breaches: z.optional(z.object({ firstResponse: count, resolution: count })),
  }),
  /** share (0..1) and bar (0..100, relative to the largest category) draw a bar chart. */
  categories: z.array(z.extend(countRow, { share: z.optional(share), bar: z.optional(bar) })),
  languages: z.optional(z.array(chartRow)),
  severities: z.optional(z.array(z.extend(chartRow, { name: severity }))),
  /** Times from receipt, median and 90th percentile (each missing when nothing got that far). */
  times: z.optional(z
    .object({ acknowledgement: z.optional(spread), firstReply: z.optional(spread), resolution: z.optional(spread) })),
  /** Subjects or patterns that came back more than once in the period. */
  recurring: z.array(countRow),
  /** Complaints flagged as repeats (same customer, same category, within the repeat window). */
  repeats: z.optional(z.object({ complaints: count, rate: share, categories: z.array(chartRow) })),
  /** Categories whose count jumped above their baseline (each escalated once). */
  bursts: z.optional(z.array(z.object({ category: z.string(), windowStart: isoTimestamp, count, threshold: z.number().check(z.minimum(0)) }))),
  agents: z.array(z.object({ name: z.string(), handled: z.int().check(z.minimum(0)), medianFirstResponse: z.optional(isoDuration) })),
  satisfaction: z.optional(z
    .object({
      responses: z.int().check(z.minimum(0)),
      averageScore: z.number().check(z.minimum(1), z.maximum(5)),
      /** One row per score, 5 down to 1. */
      distribution: z.optional(z.array(z.object({ rating: z.int().check(z.minimum(1), z.maximum(5)), count, share, bar }))),
    })),
});
export type ReportContext = z.infer<typeof reportContextSchema>;

// ---------------------------------------------------------------------------------------------

export const emailContextSchemas = {
  acknowledgement: acknowledgementContextSchema,
  'follow-up': followUpContextSchema,
  'agent-reply': agentReplyContextSchema,
  'resolution-letter': resolutionLetterContextSchema,
  'feedback-request': feedbackRequestContextSchema,
  'thank-you': thankYouContextSchema,
  'agent-notification': agentNotificationContextSchema,
  escalation: escalationContextSchema,
  report: reportContextSchema,
} as const;

export type EmailKind = keyof typeof emailContextSchemas;
export type EmailContexts = { [K in EmailKind]: z.infer<(typeof emailContextSchemas)[K]> };

export const EMAIL_KINDS = Object.keys(emailContextSchemas) as EmailKind[];

/** Who reads each kind; internal kinds go to agents or managers, never to a customer. */
export const EMAIL_KIND_AUDIENCE: Record<EmailKind, 'customer' | 'internal'> = {
  acknowledgement: 'customer',
  'follow-up': 'customer',
  'agent-reply': 'customer',
  'resolution-letter': 'customer',
  'feedback-request': 'customer',
  'thank-you': 'customer',
  'agent-notification': 'internal',
  escalation: 'internal',
  report: 'internal',
};

export function isEmailKind(value: string): value is EmailKind {
  return Object.hasOwn(emailContextSchemas, value);
}
