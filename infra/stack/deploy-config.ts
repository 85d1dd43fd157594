import { z } from 'zod';
import { ConfigError, appConfigSchema, type AppConfig } from '#config/app-config';
import { formatZodIssues } from '#core/errors';

/** Where the deploy configuration lives; named in every validation message. */
export const DEPLOY_CONFIG_SOURCE = 'cdk.json context "complaints"';
export const DEPLOY_CONFIG_CONTEXT_KEY = 'complaints';

/** The retention periods CloudWatch Logs accepts (RetentionInDays). */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const domainName = z
  .string()
  .regex(
    /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'a lower-case DNS domain name such as example.com',
  );

/** SES receipt rule set and rule names: letters, digits, '.', '_', '-', start and end alphanumeric, at most 64. */
const sesName = z
  .string()
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/,
    'an SES name: letters, digits, ".", "_" or "-", starting and ending with a letter or digit, at most 64 characters',
  );

/** A receipt rule recipient: a full address, a domain, or ".domain" for all of its subdomains. */
const recipient = z
  .string()
  .regex(/^(?:[^@\s]+@)?\.?[a-z0-9.-]+\.[a-z]{2,63}$/, 'an email address, a domain, or ".domain" for its subdomains');

const concurrencyMessage = 'a whole number of concurrent executions from 1 to 1000, or false to reserve none';

const deployOnlyFields = {
  /** The SES domain identity: mail is received for it (MX) and sent from it (DKIM). */
  domain: domainName,
  receiptRuleSetName: sesName.default('complaints'),
  receiptRuleName: sesName.default('complaints-inbound'),
  /**
   * Recipient conditions of the receipt rule. Default: the complaint address and its domain, so that
   * plus-addressed replies (local+CMP-XXXXXX@domain) reach the same rule.
   */
  recipients: z.array(recipient).min(1).max(100).optional(),
  /** Where CloudWatch alarms (failed inbound mail, stuck scheduler messages) are e-mailed. Optional. */
  alarmEmail: z.string().email().optional(),
  logRetentionDays: z
    .number()
    .int()
    .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
      message: `one of the CloudWatch Logs retention periods: ${LOG_RETENTION_DAYS.join(', ')}`,
    })
    .default(90),
  /**
   * Create the SES domain identity (Easy DKIM) and attach the configuration set as its default. Turn off
   * when the domain is already verified in this account and region (SES refuses a second identity).
   */
  manageEmailIdentity: z.boolean().default(true),
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'a CloudFormation stack name: a letter, then letters, digits or "-"')
    .default('ComplaintResponder'),
  /** X-Ray active tracing on the functions. */
  tracing: z.boolean().default(true),
  /**
   * Reserved concurrency of the public feedback function: bounds what a flood of requests can cost and
   * keeps it from starving the other functions. `false` reserves nothing, for accounts whose
   * concurrency quota is too small to reserve from (Lambda keeps 100 unreserved).
   */
  feedbackReservedConcurrency: z
    .union([z.number().int(concurrencyMessage).min(1, concurrencyMessage).max(1000, concurrencyMessage), z.literal(false)], {
      error: concurrencyMessage,
    })
    .default(10),
  /**
   * Generation of the feedback-link signing key. Raising it replaces the Secrets Manager secret with a
   * freshly generated one and redeploys both functions that use it, in one stack update; every
   * feedback link sent before then stops working.
   */
  signingSecretGeneration: z.number().int().min(1).default(1),
};

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

function inDomain(address: string, domain: string): boolean {
  const addressDomain = domainOf(address);
  return addressDomain === domain || addressDomain.endsWith(`.${domain}`);
}

/** Whether an SES receipt rule recipient condition ("a@d", "d" or ".d") matches an address. */
export function recipientMatches(condition: string, address: string): boolean {
  const wanted = condition.toLowerCase();
  const actual = address.toLowerCase();
  if (wanted.includes('@')) return wanted === actual;
  const addressDomain = domainOf(actual);
  if (wanted.startsWith('.')) return addressDomain.endsWith(wanted);
  return addressDomain === wanted;
}

/** The runtime configuration (what the functions read from COMPLAINTS_CONFIG) plus deploy-only fields. */
export const deployConfigSchema = z.object({ ...appConfigSchema.def.shape, ...deployOnlyFields }).superRefine((config, ctx) => {
  const complaintLocalPart = config.complaintAddress.slice(0, config.complaintAddress.lastIndexOf('@'));
  if (complaintLocalPart.includes('+')) {
    ctx.addIssue({
      code: 'custom',
      path: ['complaintAddress'],
      message: 'must not carry a plus tag: replies are addressed local+CMP-XXXXXX@domain',
    });
  }
  // Zod still runs this refinement when other fields failed; only judge addresses against a valid domain.
  const domainIsValid = domainName.safeParse(config.domain).success;
  if (domainIsValid && !inDomain(config.complaintAddress, config.domain)) {
    ctx.addIssue({
      code: 'custom',
      path: ['complaintAddress'],
      message: `must be an address in the domain "${config.domain}" (or a subdomain) so SES receives it`,
    });
  }
  if (domainIsValid && !inDomain(config.brand.fromAddress, config.domain)) {
    ctx.addIssue({
      code: 'custom',
      path: ['brand', 'fromAddress'],
      message: `must be an address in the domain "${config.domain}" (or a subdomain): the functions may only send as that SES identity`,
    });
  }
  // Notifications to agents or managers must not come back in through the complaint rule (mail loop).
  const recipients = recipientsOf(config);
  for (const field of ['agentsAddress', 'managersAddress'] as const) {
    const hit = recipients.find((condition) => recipientMatches(condition, config[field]));
    if (hit) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `is matched by the receipt rule recipient "${hit}", so notifications would come back in as complaints; use a mailbox outside the receiving domain (or narrow "recipients")`,
      });
    }
  }
});

export type DeployConfig = z.infer<typeof deployConfigSchema>;
export type DeployConfigInput = z.input<typeof deployConfigSchema>;

/**
 * Validates the raw context value. Throws ConfigError whose message names every offending field, one per
 * line (e.g. "  sla.resolution: an ISO-8601 duration such as PT8H or P5D").
 */
export function parseDeployConfig(input: unknown, source: string = DEPLOY_CONFIG_SOURCE): DeployConfig {
  let value = input;
  if (value === undefined || value === null) {
    throw new ConfigError(source, '  (missing) add a "complaints" object under "context" in cdk.json');
  }
  // `cdk synth -c complaints='{"domain":...}'` hands the value over as a string.
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new ConfigError(source, `  (not JSON) ${(error as Error).message}`);
    }
  }
  const result = deployConfigSchema.safeParse(value);
  if (!result.success) throw new ConfigError(source, formatZodIssues(result.error));
  return result.data;
}

/** The runtime part of the deploy configuration, as the functions will parse it from COMPLAINTS_CONFIG. */
export function runtimeConfigOf(config: DeployConfig): AppConfig {
  // appConfigSchema strips the deploy-only keys; the defaults are already applied.
  return appConfigSchema.parse(config);
}

/** The receipt rule's recipient conditions (explicit, or the complaint address and its domain). */
export function recipientsOf(config: Pick<DeployConfig, 'recipients' | 'complaintAddress'>): string[] {
  if (config.recipients) return [...config.recipients];
  return [...new Set([config.complaintAddress.toLowerCase(), domainOf(config.complaintAddress)])];
}
