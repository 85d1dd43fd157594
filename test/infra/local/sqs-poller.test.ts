import { createHash } from 'node:crypto';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSqsPoller, type SqsPoller, type SqsPollerErrorInfo } from '../../../infra/local/sqs-poller.ts';
import { ensureQueues, startSqsServer, type LocalSqsServer, type QueuePair } from '../../../infra/local/sqs-server.ts';

// Visibility timeout 1 s and maxReceiveCount 2 keep redelivery and redrive tests around a second or two.
const VISIBILITY_TIMEOUT = 1;
const MAX_RECEIVE_COUNT = 2;

let server: LocalSqsServer;
let client: SQSClient;
const pollers: SqsPoller[] = [];
let queueCounter = 0;

beforeAll(async () => {
  server = await startSqsServer({ port: 0 });
  client = new SQSClient({
    region: 'us-east-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
});

afterAll(async () => {
  client.destroy();
  await server.stop();
});

async function freshQueues(): Promise<QueuePair> {
  queueCounter += 1;
  return ensureQueues(client, {
    name: `work-${queueCounter}`,
    dlqName: `work-${queueCounter}-dlq`,
    maxReceiveCount: MAX_RECEIVE_COUNT,
    visibilityTimeoutSeconds: VISIBILITY_TIMEOUT,
  });
}

interface Delivery {
  record: SQSRecord;
  at: number;
  batch: number;
}

/** Starts a poller whose handler logs every record, then delegates the outcome to `decide`. */
function poll(
  queues: QueuePair,
  decide: (event: SQSEvent, batch: number) => SQSBatchResponse | void = () => undefined,
): { deliveries: Delivery[]; errors: Array<{ error: unknown; info: SqsPollerErrorInfo }> } {
  const deliveries: Delivery[] = [];
  const errors: Array<{ error: unknown; info: SqsPollerErrorInfo }> = [];
  let batch = 0;
  pollers.push(
    startSqsPoller({
      client,
      queueUrl: queues.queueUrl,
      queueArn: queues.queueArn,
      handler: async (event) => {
        batch += 1;
        for (const record of event.Records) deliveries.push({ record, at: Date.now(), batch });
        return decide(event, batch);
      },
      onError: (error, info) => errors.push({ error, info }),
    }),
  );
  return { deliveries, errors };
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 6000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function messagesIn(queueUrl: string): Promise<number> {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0) +
    Number(Attributes?.ApproximateNumberOfMessagesDelayed ?? 0)
  );
}

function bodies(deliveries: Delivery[]): string[] {
  return deliveries.map((d) => d.record.body);
}

describe('local SQS server + Lambda-style poller', () => {
  it('ensureQueues creates queue + DLQ with a redrive policy and is idempotent', async () => {
    const first = await ensureQueues(client, { name: 'ensure', dlqName: 'ensure-dlq', maxReceiveCount: 3, visibilityTimeoutSeconds: 30 });
    expect(first.queueUrl).toBe(`${server.endpoint}/123456789012/ensure`);
    expect(first.queueArn).toBe('arn:aws:sqs:us-east-1:123456789012:ensure');
    expect(first.dlqArn).toBe('arn:aws:sqs:us-east-1:123456789012:ensure-dlq');

    // Same spec again: same queues. Changed spec: attributes updated in place.
    expect(await ensureQueues(client, { name: 'ensure', dlqName: 'ensure-dlq', maxReceiveCount: 3, visibilityTimeoutSeconds: 30 })).toEqual(first);
    expect(await ensureQueues(client, { name: 'ensure', dlqName: 'ensure-dlq', maxReceiveCount: 5, visibilityTimeoutSeconds: 60 })).toEqual(first);
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: first.queueUrl, AttributeNames: ['VisibilityTimeout', 'RedrivePolicy'] }),
    );
    expect(Attributes?.VisibilityTimeout).toBe('60');
    expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toEqual({ deadLetterTargetArn: first.dlqArn, maxReceiveCount: 5 });
  });

  it('delivers Lambda-shaped records, holds DelaySeconds messages back, and deletes what succeeded', async () => {
    const queues = await freshQueues();
    const { deliveries, errors } = poll(queues);

    const sentAt = Date.now();
    await client.send(new SendMessageCommand({ QueueUrl: queues.queueUrl, MessageBody: 'later', DelaySeconds: 1 }));
    await client.send(
      new SendMessageCommand({
        QueueUrl: queues.queueUrl,
        MessageBody: '{"kind":"now"}',
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'reminder' },
          blob: { DataType: 'Binary', BinaryValue: Buffer.from('bytes') },
        },
      }),
    );

    await waitFor(() => deliveries.length >= 1);
    expect(bodies(deliveries)).toEqual(['{"kind":"now"}']);
    await waitFor(() => deliveries.length >= 2);
    expect(bodies(deliveries)).toEqual(['{"kind":"now"}', 'later']);
    expect((deliveries[1]?.at ?? 0) - sentAt).toBeGreaterThanOrEqual(1000);

    const record = deliveries[0]?.record;
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: queues.queueArn,
      awsRegion: 'us-east-1',
      body: '{"kind":"now"}',
      md5OfBody: createHash('md5').update('{"kind":"now"}').digest('hex'),
      messageAttributes: {
        kind: { stringValue: 'reminder', stringListValues: [], binaryListValues: [], dataType: 'String' },
        blob: { binaryValue: Buffer.from('bytes').toString('base64'), stringListValues: [], binaryListValues: [], dataType: 'Binary' },
      },
    });
    expect(record?.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(record?.receiptHandle).not.toBe('');
    expect(record?.md5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
    expect(record?.attributes.ApproximateReceiveCount).toBe('1');
    expect(Number(record?.attributes.SentTimestamp)).toBeGreaterThanOrEqual(sentAt);
    expect(Number(record?.attributes.ApproximateFirstReceiveTimestamp)).toBeGreaterThanOrEqual(Number(record?.attributes.SentTimestamp));
    expect(record?.attributes.SenderId).not.toBe('');

    await waitFor(async () => (await messagesIn(queues.queueUrl)) === 0);
    expect(errors).toEqual([]);
  });

  it('on a partial batch failure deletes the successes and redelivers only the failed message', async () => {
    const queues = await freshQueues();
    const { deliveries } = poll(queues, (event) => ({
      batchItemFailures: event.Records
        .filter((r) => r.body === 'b' && r.attributes.ApproximateReceiveCount === '1')
        .map((r) => ({ itemIdentifier: r.messageId })),
    }));

    await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queues.queueUrl,
        Entries: ['a', 'b', 'c'].map((body) => ({ Id: body, MessageBody: body })),
      }),
    );

    await waitFor(() => deliveries.length >= 4);
    await waitFor(async () => (await messagesIn(queues.queueUrl)) === 0);
    expect(deliveries.filter((d) => d.batch === 1).map((d) => d.record.body).sort()).toEqual(['a', 'b', 'c']);
    const redelivered = deliveries.filter((d) => d.batch > 1);
    expect(redelivered.map((d) => [d.record.body, d.record.attributes.ApproximateReceiveCount])).toEqual([['b', '2']]);
    expect(redelivered[0]?.record.messageId).toBe(deliveries.find((d) => d.record.body === 'b')?.record.messageId);
  });

  it('moves a message that keeps failing to the DLQ after maxReceiveCount receives', async () => {
    const queues = await freshQueues();
    const { deliveries } = poll(queues, (event) => ({
      batchItemFailures: event.Records.filter((r) => r.body === 'poison').map((r) => ({ itemIdentifier: r.messageId })),
    }));

    const { MessageId } = await client.send(new SendMessageCommand({ QueueUrl: queues.queueUrl, MessageBody: 'poison' }));

    await waitFor(async () => (await messagesIn(queues.dlqUrl)) === 1);
    expect(await messagesIn(queues.queueUrl)).toBe(0);
    expect(deliveries.map((d) => [d.record.messageId, d.record.attributes.ApproximateReceiveCount])).toEqual([
      [MessageId, '1'],
      [MessageId, '2'],
    ]);

    const { Messages } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: queues.dlqUrl, AttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }),
    );
    expect(Messages).toHaveLength(1);
    expect(Messages?.[0]).toMatchObject({ MessageId, Body: 'poison', Attributes: { DeadLetterQueueSourceArn: queues.queueArn } });
  });

  it('retries the whole batch when the handler throws', async () => {
    const queues = await freshQueues();
    const { deliveries, errors } = poll(queues, (_event, batch) => {
      if (batch === 1) throw new Error('database unavailable');
    });

    await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queues.queueUrl,
        Entries: ['x', 'y'].map((body) => ({ Id: body, MessageBody: body })),
      }),
    );

    await waitFor(() => deliveries.length >= 4);
    await waitFor(async () => (await messagesIn(queues.queueUrl)) === 0);
    expect(deliveries.filter((d) => d.batch === 1).map((d) => d.record.body).sort()).toEqual(['x', 'y']);
    const retried = deliveries.filter((d) => d.batch > 1);
    expect(retried.map((d) => [d.record.body, d.record.attributes.ApproximateReceiveCount]).sort()).toEqual([
      ['x', '2'],
      ['y', '2'],
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.info.phase).toBe('handler');
    expect(errors[0]?.error).toBeInstanceOf(Error);
  });

  it('treats an itemIdentifier that is not in the batch as a failure of the whole batch, like Lambda', async () => {
    const queues = await freshQueues();
    const { deliveries, errors } = poll(queues, (_event, batch) =>
      batch === 1 ? { batchItemFailures: [{ itemIdentifier: 'not-a-message-id' }] } : undefined,
    );

    await client.send(new SendMessageBatchCommand({ QueueUrl: queues.queueUrl, Entries: [{ Id: 'p', MessageBody: 'p' }, { Id: 'q', MessageBody: 'q' }] }));

    await waitFor(() => deliveries.length >= 4);
    await waitFor(async () => (await messagesIn(queues.queueUrl)) === 0);
    expect(deliveries.map((d) => d.record.attributes.ApproximateReceiveCount).sort()).toEqual(['1', '1', '2', '2']);
    expect(errors.map((e) => e.info.phase)).toEqual(['batch-response']);
  });

  it('stop() lets the batch in flight finish and delete before resolving', async () => {
    const queues = await freshQueues();
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    let finished = false;
    const poller = startSqsPoller({
      client,
      queueUrl: queues.queueUrl,
      queueArn: queues.queueArn,
      handler: async () => {
        started();
        await new Promise<void>((resolve) => (release = resolve));
        finished = true;
      },
    });

    await client.send(new SendMessageCommand({ QueueUrl: queues.queueUrl, MessageBody: 'slow' }));
    await handlerStarted;
    const stopped = poller.stop();
    setTimeout(() => release(), 200);
    await stopped;

    expect(finished).toBe(true);
    expect(await messagesIn(queues.queueUrl)).toBe(0);
  });
});
