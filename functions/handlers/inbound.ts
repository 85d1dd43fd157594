import type { Context } from 'aws-lambda';
import { s3Client } from '#adapters/aws-clients';
import { S3MailStore } from '#adapters/s3-mail-store';
import { complaintAdapters, schedulerAdapter } from '#adapters/wiring';
import { formatZodIssues } from '#core/errors';
import { redactError } from '#core/privacy';
import { sesReceiptEventSchema } from '#events/ses-receipt';
import { systemClock, type InboundOutcome } from '#workflows/ports';
import { receiveMail, type ReceiveMailDeps } from '#workflows/receive-mail';
import { categoryNames, logger, runtimeSettings, signingSecret } from './runtime.ts';

let deps: ReceiveMailDeps | undefined;

export function wireInbound(): ReceiveMailDeps {
  const settings = runtimeSettings();
  return {
    config: settings.config,
    mailStore: new S3MailStore(s3Client(), settings.mailBucket),
    ...complaintAdapters(settings.tableName, settings.config, systemClock),
    scheduler: schedulerAdapter(settings.schedulerQueueUrl, systemClock, settings.schedulerMaxDelaySeconds),
    clock: systemClock,
    signingSecret: signingSecret(),
    categories: categoryNames(),
    inboundPrefix: settings.inboundPrefix,
    attachmentsPrefix: settings.attachmentsPrefix,
    log: (message, fields) => logger.info(message, fields),
  };
}

/** SES receipt rule → (S3 action stored the raw mail) → this Lambda action, invoked asynchronously. */
export async function handler(event: unknown, context?: Context): Promise<InboundOutcome[]> {
  if (context) logger.addContext(context);
  const parsed = sesReceiptEventSchema.safeParse(event);
  if (!parsed.success) {
    // Not retryable: a malformed event stays malformed. Throwing sends it to the on-failure DLQ with this reason.
    throw new Error(`Not an SES receipt event:\n${formatZodIssues(parsed.error)}`);
  }
  deps ??= wireInbound();
  const outcomes: InboundOutcome[] = [];
  try {
    for (const record of parsed.data.Records) outcomes.push(await receiveMail(record, deps));
  } catch (error) {
    // Lambda logs the message and stack, and the on-failure DLQ keeps the message as the reason;
    // SES and SDK errors can name recipients ("…failed the check: jane@…").
    throw redactError(error);
  }
  return outcomes;
}

/** Set by tests that run the inbound pipeline with an injected dependency. */
export function useDependencies(injected: ReceiveMailDeps | undefined): void {
  deps = injected;
}
