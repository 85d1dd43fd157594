import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { DynamoSuppressionList } from '#adapters/dynamo-suppression-list';
import { RUNTIME_ENV } from '#adapters/table-schema';
import { appConfigFromEnv } from '#config/app-config';
import { formatZodIssues } from '#core/errors';
import { parseSesNotification, snsEventSchema } from '#events/ses-notification';
import { handleFeedback, type FeedbackOutcome, type SuppressionDeps } from '#workflows/suppression';

// Its own logger rather than runtime.ts's, which would bundle the classifier this function never uses.
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'complaints' });
let deps: SuppressionDeps | undefined;

/** Only the table and the configuration (retention): no bucket, no queue, no SES, no key. */
export function wireSuppression(env: NodeJS.ProcessEnv = process.env): SuppressionDeps {
  const table = env[RUNTIME_ENV.tableName];
  if (!table) throw new Error(`Environment variable ${RUNTIME_ENV.tableName} is not set`);
  const region = env.AWS_REGION;
  if (!region) throw new Error('Environment variable AWS_REGION is not set');
  const db = dynamoDocumentClient();
  return {
    config: appConfigFromEnv(env),
    complaints: new DynamoComplaintStore(db, table),
    suppressions: new DynamoSuppressionList(db, table),
    region,
    log: (message, fields) => logger.info(message, fields),
  };
}

/**
 * SES (configuration set event destination) → SNS → this function, invoked asynchronously: bounces
 * and complaints of the mail we sent. A malformed event is not retryable; throwing sends it to the
 * on-failure queue with the reason.
 */
export async function handler(event: unknown, context?: Context): Promise<FeedbackOutcome[]> {
  if (context) logger.addContext(context);
  const parsed = snsEventSchema.safeParse(event);
  if (!parsed.success) throw new Error(`Not an SNS event:\n${formatZodIssues(parsed.error)}`);
  deps ??= wireSuppression();
  const outcomes: FeedbackOutcome[] = [];
  for (const record of parsed.data.Records) {
    const notification = parseSesNotification(record.Sns.Message);
    if (!notification.ok) throw new Error(`SNS message ${record.Sns.MessageId} is not an SES bounce or complaint:\n${notification.error}`);
    if (!notification.notification) {
      logger.info('ses notification ignored', { snsMessageId: record.Sns.MessageId, reason: notification.ignored });
      continue;
    }
    outcomes.push(...(await handleFeedback(notification.notification, deps)));
  }
  return outcomes;
}
