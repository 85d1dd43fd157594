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
import { z } from 'zod';
import { COMPLAINT_STATUSES, SEVERITIES } from '#core/complaint';

/** 2025-03-14, 2025-03-14T15:00Z, 2025-03-14T15:00:00.000+01:00 (month, day, hour, minute ranges checked). */
const ISO_TIMESTAMP =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;
/** Weeks, days, hours, minutes, seconds: the units with a fixed length (same rule as the config); not "P" or "P1DT". */
const ISO_DURATION = /^P(?!$)(?:\d+W|(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$/;

// Plain regex checks: zod runs them several times faster than a refine() callback, and the
// render path validates every context.
export const isoTimestamp = z.string().regex(ISO_TIMESTAMP, 'an ISO-8601 timestamp such as 2025-03-14T15:00:00Z').describe('date and time (show it with formatDate)');
export const isoDuration = z.string().regex(ISO_DURATION, 'an ISO-8601 duration such as PT8H or P5D').describe('duration (show it with formatDuration)');

/** Name, postal address and sign-off come from the application config (brand.*). */
export const brandContextSchema = z.object({
  name: z.string(),
  postalAddress: z.array(z.string()),
  website: z.string().optional(),
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
    note: z.string().optional(),
    /** When the customer will hear from us next (only if someone committed to it). */
    nextUpdateBy: isoTimestamp.optional(),
  }),
});
export type FollowUpContext = z.infer<typeof followUpContextSchema>;

/** Wraps an agent's own words (reply.body) in greeting, reference and signature. */
export const agentReplyContextSchema = z.object({
  brand: brandContextSchema,
  customer,
  complaint: z.object({ reference: z.string(), subject: z.string() }),
  agent: z.object({ name: z.string(), title: z.string().optional() }),
  /** The agent's message, plain text; blank lines separate paragraphs. No greeting or sign-off. */
  reply: z.object({ body: z.string() }),
});
export type AgentReplyContext = z.infer<typeof agentReplyContextSchema>;

/** The formal closing letter in block format. */
export const resolutionLetterContextSchema = z.object({
  brand: brandContextSchema,
  /** postalAddress: the address lines without the name (street, postcode and town, country). */
  customer: z.object({ name: z.string(), postalAddress: z.array(z.string()).optional() }),
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
    cc: z.array(z.object({ name: z.string(), role: z.string().optional() })),
  }),
  /** The follow-up conversations, oldest first; may be empty. */
  contacts: z.array(z.object({ date: isoTimestamp, summary: z.string() })),
  resolution: z.object({
    /** What was agreed with the customer, in plain words. */
    agreement: z.string(),
    /** What changes so it does not happen again (may be left out; the letter then skips that paragraph). */
    prevention: z.string().optional(),
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
    url: z.string().optional(),
    /** One-click rating: one link per score, 1 (poor) to 5 (very good). */
    ratingLinks: z.array(z.object({ rating: z.number().int().min(1).max(5), url: z.string() })).optional(),
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
    score: z.number().int().min(1).max(5).optional(),
    comment: z.string().optional(),
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
  complaint: internalComplaint.extend({
    /** The start of the customer's message. */
    excerpt: z.string(),
    attachmentCount: z.number().int().min(0),
    accountNumbers: z.array(z.string()),
    orderNumbers: z.array(z.string()),
  }),
  customer: customerWithEmail.extend({
    /** The customer's other complaints, newest first: has this happened before? */
    earlierComplaints: z
      .array(z.object({ reference: z.string(), subject: z.string(), receivedAt: isoTimestamp, status, category: z.string() }))
      .optional(),
  }),
  sla: z.object({ firstResponseDue: isoTimestamp, resolutionDue: isoTimestamp }),
  /** Set when threading was uncertain: the complaint this mail may continue. */
  relatedTo: z.string().optional(),
  /**
   * Set when the customer complained about the same category before, within the repeat window:
   * sameCategory of them (at least 1), previous in all, window as a duration (P90D).
   */
  repeat: z
    .object({ previous: z.number().int().min(1), sameCategory: z.number().int().min(1), window: isoDuration })
    .optional(),
  /** A link to the complaint in an admin tool, if there is one. */
  link: z.string().optional(),
});
export type AgentNotificationContext = z.infer<typeof agentNotificationContextSchema>;

/** Sent to managers when a complaint needs their attention. */
export const escalationContextSchema = z.object({
  brand: brandContextSchema,
  reason: z.enum(['sla-breach', 'urgent', 'recurring', 'requested', 'low-rating']),
  complaint: internalComplaint.extend({ status }),
  customer: customerWithEmail.extend({
    /** Earlier complaints from the same customer. */
    previousComplaints: z.number().int().min(0),
  }),
  sla: z.object({
    firstResponseDue: isoTimestamp,
    resolutionDue: isoTimestamp,
    /** How far past the due date, when the reason is an SLA breach. */
    overdueBy: isoDuration.optional(),
  }),
  /** Who escalated and why, in their words (for reason "requested"). */
  escalatedBy: z.string().optional(),
  note: z.string().optional(),
  /** The customer's rating (for reason "low-rating"). */
  feedback: z.object({ score: z.number().int().min(1).max(5), comment: z.string().optional() }).optional(),
  /**
   * For reason "recurring" when a whole category jumped: `count` complaints about `category` in
   * the window from windowStart to windowEnd (`window` long), against `baseline` per window on
   * average over the previous `baselineWindows` windows; more than `threshold` is a burst.
   */
  pattern: z
    .object({
      category: z.string(),
      count: z.number().int().min(0),
      baseline: z.number().min(0),
      threshold: z.number().min(0),
      window: isoDuration,
      windowStart: isoTimestamp,
      windowEnd: isoTimestamp,
      baselineWindows: z.number().int().min(1),
    })
    .optional(),
});
export type EscalationContext = z.infer<typeof escalationContextSchema>;

const countRow = z.object({ name: z.string(), count: z.number().int().min(0) });
const count = z.number().int().min(0);
const share = z.number().min(0).max(1);
/** A bar's length in percent of the widest bar of its chart (0..100): `<td width="{{bar}}%">`. */
const bar = z.number().int().min(0).max(100);
const chartRow = z.object({ name: z.string(), count, share, bar });
/** Median and 90th percentile of a time, over `count` complaints. */
const spread = z.object({ count, median: isoDuration, p90: isoDuration });

/** The periodic (monthly) quality report. */
export const reportContextSchema = z.object({
  brand: brandContextSchema,
  period: z.object({ from: isoTimestamp, to: isoTimestamp }),
  totals: z.object({
    received: z.number().int().min(0),
    resolved: z.number().int().min(0),
    open: z.number().int().min(0),
    overdue: z.number().int().min(0),
  }),
  sla: z.object({
    /** Share of complaints answered / resolved in time, 0..1. */
    firstResponseMet: z.number().min(0).max(1),
    resolutionMet: z.number().min(0).max(1),
    medianFirstResponse: isoDuration.optional(),
    medianResolution: isoDuration.optional(),
    /** Complaints whose first response / resolution came late or is overdue. */
    breaches: z.object({ firstResponse: count, resolution: count }).optional(),
  }),
  /** share (0..1) and bar (0..100, relative to the largest category) draw a bar chart. */
  categories: z.array(countRow.extend({ share: share.optional(), bar: bar.optional() })),
  languages: z.array(chartRow).optional(),
  severities: z.array(chartRow.extend({ name: severity })).optional(),
  /** Times from receipt, median and 90th percentile (each missing when nothing got that far). */
  times: z
    .object({ acknowledgement: spread.optional(), firstReply: spread.optional(), resolution: spread.optional() })
    .optional(),
  /** Subjects or patterns that came back more than once in the period. */
  recurring: z.array(countRow),
  /** Complaints flagged as repeats (same customer, same category, within the repeat window). */
  repeats: z.object({ complaints: count, rate: share, categories: z.array(chartRow) }).optional(),
  /** Categories whose count jumped above their baseline (each escalated once). */
  bursts: z.array(z.object({ category: z.string(), windowStart: isoTimestamp, count, threshold: z.number().min(0) })).optional(),
  agents: z.array(z.object({ name: z.string(), handled: z.number().int().min(0), medianFirstResponse: isoDuration.optional() })),
  satisfaction: z
    .object({
      responses: z.number().int().min(0),
      averageScore: z.number().min(1).max(5),
      /** One row per score, 5 down to 1. */
      distribution: z.array(z.object({ rating: z.number().int().min(1).max(5), count, share, bar })).optional(),
    })
    .optional(),
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
