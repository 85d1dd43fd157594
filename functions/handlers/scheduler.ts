import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { s3Client } from '#adapters/aws-clients';
import { S3MailStore } from '#adapters/s3-mail-store';
import { complaintAdapters, schedulerAdapter } from '#adapters/wiring';
import { formatZodIssues } from '#core/errors';
import { redactAddresses } from '#core/privacy';
import { scheduledJobSchema } from '#events/scheduled-job';
import { systemClock, type Clock } from '#workflows/ports';
import { runJob, type RunJobDeps } from '#workflows/run-job';
import { feedbackSettings, logger, runtimeSettings } from './runtime.ts';

let deps: RunJobDeps | undefined;

export function wireScheduler(clock: Clock = systemClock): RunJobDeps {
  const settings = runtimeSettings();
  const { complaints, outbox } = complaintAdapters(settings.tableName, settings.config, clock);
  const mailStore = new S3MailStore(s3Client(), settings.mailBucket);
  return {
    config: settings.config,
    complaints,
    outbox,
    scheduler: schedulerAdapter(settings.schedulerQueueUrl, clock, settings.schedulerMaxDelaySeconds),
    clock,
    feedback: feedbackSettings(),
    letterPdf: async (context, locale, complaint) => {
      // Loaded on the first letter only: pdf-lib is half a megabyte the other jobs never need.
      const { resolutionLetterPdf } = await import('#letters/resolution-letter');
      const letter = await resolutionLetterPdf(context, { locale, fallbackLocale: settings.config.defaultLocale });
      const s3Key = `${settings.lettersPrefix}${complaint.reference}/${letter.filename}`;
      const content = Buffer.from(letter.pdf);
      await mailStore.putAttachment(s3Key, content, 'application/pdf');
      await complaints.recordLetter(complaint.reference, s3Key);
      return { filename: letter.filename, content, s3Key };
    },
    log: (message, fields) => logger.info(message, fields),
  };
}

/** Set by tests that run the lifecycle on an injected clock. */
export function useDependencies(injected: RunJobDeps | undefined): void {
  deps = injected;
}

/**
 * The scheduler queue's consumer. Each record is one job; a failed record is reported alone
 * (partial batch response) and comes back after the visibility timeout, up to the DLQ.
 */
export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
  if (context) logger.addContext(context);
  deps ??= wireScheduler();
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    let body: unknown;
    try {
      body = JSON.parse(record.body);
    } catch {
      body = undefined;
    }
    const job = scheduledJobSchema.safeParse(body);
    if (!job.success) {
      // A malformed job never becomes valid: let it reach the DLQ with the reason logged.
      logger.error('malformed scheduler job', { messageId: record.messageId, problems: body === undefined ? 'body is not JSON' : formatZodIssues(job.error) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
      continue;
    }
    try {
      await runJob(job.data, deps);
    } catch (error) {
      logger.error('scheduler job failed', { messageId: record.messageId, reference: job.data.reference, kind: job.data.kind, error: redactAddresses((error as Error).message) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
