import type { Context } from 'aws-lambda';
import { dynamoDocumentClient, s3Client, sesClient, sqsClient } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { S3MailStore } from '#adapters/s3-mail-store';
import { SesOutbox } from '#adapters/ses-outbox';
import { SqsScheduler } from '#adapters/sqs-scheduler';
import { formatZodIssues } from '#core/errors';
import { sesReceiptEventSchema } from '#events/ses-receipt';
import { systemClock, type InboundOutcome } from '#workflows/ports';
import { receiveMail, type ReceiveMailDeps } from '#workflows/receive-mail';
import { categoryNames, logger, runtimeSettings, signingSecret } from './runtime.ts';

let deps: ReceiveMailDeps | undefined;

function wire(): ReceiveMailDeps {
  const settings = runtimeSettings();
  const db = dynamoDocumentClient();
  return {
    config: settings.config,
    mailStore: new S3MailStore(s3Client(), settings.mailBucket),
    complaints: new DynamoComplaintStore(db, settings.tableName),
    outbox: new SesOutbox(sesClient(), db, settings.tableName, systemClock, { messageIdDomain: settings.config.brand.fromAddress.split('@')[1] ?? 'localhost' }),
    scheduler: new SqsScheduler(sqsClient(), settings.schedulerQueueUrl, systemClock, settings.schedulerMaxDelaySeconds),
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
  deps ??= wire();
  const outcomes: InboundOutcome[] = [];
  for (const record of parsed.data.Records) outcomes.push(await receiveMail(record, deps));
  return outcomes;
}
