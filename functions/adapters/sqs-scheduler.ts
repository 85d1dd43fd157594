import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ScheduledJob } from '#core/lifecycle';
import type { Clock, Scheduler } from '#workflows/ports';

/** SQS holds a message back at most 900 s; longer waits hop through the queue. */
export const SQS_MAX_DELAY_SECONDS = 900;

export class SqsScheduler implements Scheduler {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly clock: Clock,
    /** 900 on AWS; tests shrink it so that hops happen in seconds. */
    readonly maxDelaySeconds: number = SQS_MAX_DELAY_SECONDS,
  ) {}

  async schedule(job: ScheduledJob): Promise<void> {
    const remainingSeconds = Math.ceil((Date.parse(job.dueAt) - this.clock.now().getTime()) / 1000);
    await this.enqueue(job, Math.max(0, Math.min(this.maxDelaySeconds, remainingSeconds)));
  }

  async enqueue(job: ScheduledJob, delaySeconds: number): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify(job),
        DelaySeconds: Math.max(0, Math.min(SQS_MAX_DELAY_SECONDS, Math.round(delaySeconds))),
        MessageAttributes: { kind: { DataType: 'String', StringValue: job.kind }, reference: { DataType: 'String', StringValue: job.reference } },
      }),
    );
  }
}
