import { DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageBatchCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';

export interface DeadLetter {
  messageId: string;
  receiveCount: number;
  sentAt?: string;
  body: string;
}

/**
 * Reading and redriving a dead-letter queue with plain SQS calls, so it works the same against
 * AWS and the local stand-in. Listing hides each message for a few seconds only.
 */
export class DeadLetterQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async list(limit = 100): Promise<DeadLetter[]> {
    const seen = new Map<string, DeadLetter>();
    for (let round = 0; round < Math.ceil(limit / 10) + 1 && seen.size < limit; round += 1) {
      const messages = await this.receive(Math.min(10, limit - seen.size), 5);
      if (messages.length === 0) break;
      for (const message of messages) {
        if (!message.MessageId || seen.has(message.MessageId)) continue;
        seen.set(message.MessageId, {
          messageId: message.MessageId,
          receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
          sentAt: message.Attributes?.SentTimestamp ? new Date(Number(message.Attributes.SentTimestamp)).toISOString() : undefined,
          body: message.Body ?? '',
        });
      }
    }
    return [...seen.values()];
  }

  /** Moves every message back to `targetUrl`; a message is deleted only after it was sent. */
  async redrive(targetUrl: string): Promise<number> {
    let moved = 0;
    for (;;) {
      const messages = await this.receive(10, 30);
      if (messages.length === 0) return moved;
      const entries = messages.map((message, index) => ({ Id: String(index), MessageBody: message.Body ?? '' }));
      const sent = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: targetUrl, Entries: entries }));
      const ok = new Set((sent.Successful ?? []).map((entry) => entry.Id));
      const done = messages.filter((_, index) => ok.has(String(index)));
      if (done.length > 0) {
        await this.sqs.send(
          new DeleteMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: done.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle! })) }),
        );
      }
      moved += done.length;
      if (done.length < messages.length) throw new Error(`${messages.length - done.length} message(s) could not be sent back; they stay in the DLQ`);
    }
  }

  private async receive(max: number, visibilityTimeout: number): Promise<Message[]> {
    const { Messages = [] } = await this.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: this.queueUrl, MaxNumberOfMessages: max, WaitTimeSeconds: 0, VisibilityTimeout: visibilityTimeout, AttributeNames: ['All'] }),
    );
    return Messages;
  }
}
