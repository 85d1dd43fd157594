// zod/mini: the same schemas as classic zod at a fraction of the bundle (this runs in every Lambda).
import * as z from 'zod/mini';
import { formatZodIssues } from '#core/errors';

const ISO_DURATION = /^P(?:\d+W|(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$/;

/** ISO-8601 duration such as PT8H or P5D (no years/months: they have no fixed length). */
const isoDuration = z.string().check(
  z.refine((value) => ISO_DURATION.test(value) && value !== 'P' && !value.endsWith('T'), 'an ISO-8601 duration such as PT8H or P5D'),
);

const emailAddress = z.email();
const nonEmpty = () => z.string().check(z.minLength(1));
const positiveInt = () => z.int().check(z.positive());

const regexSource = z.string().check(
  z.refine((source) => {
    try {
      new RegExp(source, 'giu');
      return true;
    } catch {
      return false;
    }
  }, 'a valid regular expression'),
);

export const appConfigSchema = z.object({
  brand: z.object({
    name: nonEmpty(),
    fromAddress: emailAddress,
    postalAddress: z._default(z.array(z.string()), []),
    website: z.optional(z.url()),
    signOff: z._default(nonEmpty(), 'Customer Care'),
  }),
  /** The address customers write to; replies carry a plus token: local+CMP-XXXXXX@domain. */
  complaintAddress: emailAddress,
  agentsAddress: emailAddress,
  managersAddress: emailAddress,
  /** Who may speak for the company by replying to an agent notification. */
  agents: z._default(z.array(z.object({ name: nonEmpty(), email: emailAddress, title: z.optional(z.string()) })), []),
  /** A customer reply to a resolved complaint reopens it (true) or opens a new, linked one (false). */
  reopenOnReply: z._default(z.boolean(), true),
  defaultLocale: z._default(z.string().check(z.minLength(2)), 'en'),
  sla: z.object({
    firstResponse: isoDuration,
    resolution: isoDuration,
  }),
  /** Patterns whose first capture group (or whole match) is an account or order number. */
  identifierPatterns: z._default(
    z.object({
      account: z._default(z.array(regexSource), []),
      order: z._default(z.array(regexSource), []),
    }),
    { account: [], order: [] },
  ),
  limits: z._default(
    z.object({
      maxRawBytes: z._default(positiveInt(), 40 * 1024 * 1024),
      maxAttachments: z._default(positiveInt(), 20),
      maxAttachmentBytes: z._default(positiveInt(), 15 * 1024 * 1024),
      classificationChars: z._default(positiveInt(), 20_000),
      parseTimeoutMs: z._default(positiveInt(), 10_000),
    }),
    {
      maxRawBytes: 40 * 1024 * 1024,
      maxAttachments: 20,
      maxAttachmentBytes: 15 * 1024 * 1024,
      classificationChars: 20_000,
      parseTimeoutMs: 10_000,
    },
  ),
  lifecycle: z._default(
    z.object({
      /** A status update goes out this long after the acknowledgement (and after each update) while no agent has replied. */
      followUpEvery: z._default(isoDuration, 'P2D'),
      followUpMax: z._default(z.int().check(z.minimum(0)), 3),
      feedbackRequestAfter: z._default(isoDuration, 'PT24H'),
      /** How long the rating links in a feedback request stay valid. */
      feedbackLinkValidity: z._default(isoDuration, 'P30D'),
    }),
    { followUpEvery: 'P2D', followUpMax: 3, feedbackRequestAfter: 'PT24H', feedbackLinkValidity: 'P30D' },
  ),
  /** Repeat complaints and category bursts (functions/core/patterns/). */
  patterns: z._default(
    z.object({
      /** A complaint is a repeat when the same customer complained about the same category this long before. */
      repeatWindow: z._default(isoDuration, 'P90D'),
      /** Category counts are kept per window of this length (P1D: per UTC day). */
      window: z._default(isoDuration.check(z.refine((value) => /[1-9]/.test(value), 'a duration longer than zero')), 'P1D'),
      /** The baseline is the mean count of this many previous windows. */
      baselineWindows: z._default(z.int().check(z.minimum(1), z.maximum(366)), 14),
      /** A window's count must exceed this before it can be a burst, whatever the baseline. */
      minimum: z._default(z.int().check(z.minimum(0)), 5),
      /** …and exceed the baseline times this. */
      factor: z._default(z.number().check(z.positive()), 3),
    }),
    { repeatWindow: 'P90D', window: 'P1D', baselineWindows: 14, minimum: 5, factor: 3 },
  ),
  /** RFC 3834 §2: at most `autoReplyCap` automatic replies to one address per `autoReplyWindow` (fixed windows). */
  loopSafety: z._default(
    z.object({
      autoReplyCap: z._default(z.int().check(z.minimum(1, 'at least 1 (a cap of 0 would never acknowledge anyone)'), z.maximum(100, 'at most 100 (RFC 3834 asks for a few)')), 3),
      autoReplyWindow: z._default(
        isoDuration.check(z.refine((value) => /[1-9]/.test(value), 'a duration longer than zero, such as PT24H')),
        'PT24H',
      ),
    }),
    { autoReplyCap: 3, autoReplyWindow: 'PT24H' },
  ),
  retentionDays: z._default(positiveInt(), 1095),
});

export type AppConfig = z.infer<typeof appConfigSchema>;
export type AppConfigInput = z.input<typeof appConfigSchema>;

export class ConfigError extends Error {
  constructor(source: string, details: string) {
    super(`Invalid configuration in ${source}:\n${details}`);
    this.name = 'ConfigError';
  }
}

export function parseAppConfig(input: unknown, source: string): AppConfig {
  const result = appConfigSchema.safeParse(input);
  if (!result.success) throw new ConfigError(source, formatZodIssues(result.error));
  return result.data;
}

/** Reads the runtime configuration the stack (or the local stack) put in COMPLAINTS_CONFIG. */
export function appConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = env.COMPLAINTS_CONFIG;
  if (!raw) throw new ConfigError('COMPLAINTS_CONFIG', '  (not set) the environment variable must hold the JSON configuration');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ConfigError('COMPLAINTS_CONFIG', `  (not JSON) ${(error as Error).message}`);
  }
  return parseAppConfig(json, 'COMPLAINTS_CONFIG');
}
