import { z } from 'zod';
import { formatZodIssues } from '#core/errors';

/** ISO-8601 duration such as PT8H or P5D (no years/months: they have no fixed length). */
const isoDuration = z
  .string()
  .regex(/^P(?:\d+W|(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$/, 'an ISO-8601 duration such as PT8H or P5D')
  .refine((value) => value !== 'P' && !value.endsWith('T'), 'an ISO-8601 duration such as PT8H or P5D');

const emailAddress = z.string().email();

const regexSource = z.string().refine((source) => {
  try {
    new RegExp(source, 'giu');
    return true;
  } catch {
    return false;
  }
}, 'a valid regular expression');

export const appConfigSchema = z.object({
  brand: z.object({
    name: z.string().min(1),
    fromAddress: emailAddress,
    postalAddress: z.array(z.string()).default([]),
    website: z.string().url().optional(),
    signOff: z.string().min(1).default('Customer Care'),
  }),
  /** The address customers write to; replies carry a plus token: local+CMP-XXXXXX@domain. */
  complaintAddress: emailAddress,
  agentsAddress: emailAddress,
  managersAddress: emailAddress,
  /** Who may speak for the company by replying to an agent notification. */
  agents: z
    .array(z.object({ name: z.string().min(1), email: emailAddress, title: z.string().optional() }))
    .default([]),
  /** A customer reply to a resolved complaint reopens it (true) or opens a new, linked one (false). */
  reopenOnReply: z.boolean().default(true),
  defaultLocale: z.string().min(2).default('en'),
  sla: z.object({
    firstResponse: isoDuration,
    resolution: isoDuration,
  }),
  /** Patterns whose first capture group (or whole match) is an account or order number. */
  identifierPatterns: z
    .object({
      account: z.array(regexSource).default([]),
      order: z.array(regexSource).default([]),
    })
    .default({ account: [], order: [] }),
  limits: z
    .object({
      maxRawBytes: z.number().int().positive().default(40 * 1024 * 1024),
      maxAttachments: z.number().int().positive().default(20),
      maxAttachmentBytes: z.number().int().positive().default(15 * 1024 * 1024),
      classificationChars: z.number().int().positive().default(20_000),
      parseTimeoutMs: z.number().int().positive().default(10_000),
    })
    .default({
      maxRawBytes: 40 * 1024 * 1024,
      maxAttachments: 20,
      maxAttachmentBytes: 15 * 1024 * 1024,
      classificationChars: 20_000,
      parseTimeoutMs: 10_000,
    }),
  lifecycle: z
    .object({
      /** A status update goes out this long after the acknowledgement (and after each update) while no agent has replied. */
      followUpEvery: isoDuration.default('P2D'),
      followUpMax: z.number().int().min(0).default(3),
      feedbackRequestAfter: isoDuration.default('PT24H'),
      /** How long the rating links in a feedback request stay valid. */
      feedbackLinkValidity: isoDuration.default('P30D'),
    })
    .default({ followUpEvery: 'P2D', followUpMax: 3, feedbackRequestAfter: 'PT24H', feedbackLinkValidity: 'P30D' }),
  retentionDays: z.number().int().positive().default(1095),
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
