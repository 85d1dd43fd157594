import type { AppConfig } from '#config/app-config';
import type { Clock } from '#workflows/ports';
import { dynamoDocumentClient, sesClient, sqsClient } from './aws-clients.ts';
import { DynamoComplaintStore } from './dynamo-complaint-store.ts';
import { DynamoSuppressionList } from './dynamo-suppression-list.ts';
import { SesOutbox } from './ses-outbox.ts';
import { SqsScheduler } from './sqs-scheduler.ts';
import { RUNTIME_ENV } from './table-schema.ts';

/**
 * The store and the exactly-once outbox every entry point (handlers, CLI) works with. The outbox
 * names the configuration set from SES_CONFIGURATION_SET (when set), so SES reports bounces and
 * complaints of everything it sends, and it checks the suppression list before every send.
 */
export function complaintAdapters(
  tableName: string,
  config: AppConfig,
  clock: Clock,
  env: NodeJS.ProcessEnv = process.env,
): { complaints: DynamoComplaintStore; outbox: SesOutbox } {
  const db = dynamoDocumentClient();
  return {
    complaints: new DynamoComplaintStore(db, tableName),
    outbox: new SesOutbox(sesClient(), db, tableName, clock, {
      messageIdDomain: config.brand.fromAddress.split('@')[1] ?? 'localhost',
      configurationSetName: env[RUNTIME_ENV.sesConfigurationSet] || undefined,
    }),
  };
}

export function suppressionListAdapter(tableName: string): DynamoSuppressionList {
  return new DynamoSuppressionList(dynamoDocumentClient(), tableName);
}

export function schedulerAdapter(queueUrl: string, clock: Clock, maxDelaySeconds: number): SqsScheduler {
  return new SqsScheduler(sqsClient(), queueUrl, clock, maxDelaySeconds);
}
