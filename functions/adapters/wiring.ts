import type { AppConfig } from '#config/app-config';
import type { Clock } from '#workflows/ports';
import { dynamoDocumentClient, sesClient, sqsClient } from './aws-clients.ts';
import { DynamoComplaintStore } from './dynamo-complaint-store.ts';
import { SesOutbox } from './ses-outbox.ts';
import { SqsScheduler } from './sqs-scheduler.ts';

/** The store and the exactly-once outbox every entry point (handlers, CLI) works with. */
export function complaintAdapters(tableName: string, config: AppConfig, clock: Clock): { complaints: DynamoComplaintStore; outbox: SesOutbox } {
  const db = dynamoDocumentClient();
  return {
    complaints: new DynamoComplaintStore(db, tableName),
    outbox: new SesOutbox(sesClient(), db, tableName, clock, { messageIdDomain: config.brand.fromAddress.split('@')[1] ?? 'localhost' }),
  };
}

export function schedulerAdapter(queueUrl: string, clock: Clock, maxDelaySeconds: number): SqsScheduler {
  return new SqsScheduler(sqsClient(), queueUrl, clock, maxDelaySeconds);
}
