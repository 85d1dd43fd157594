/**
 * Emulates Lambda's SQS event source mapping for the local stack: long-polls a queue, hands
 * batches to an SQS-triggered handler as a Lambda-shaped SQSEvent, and deletes what the handler
 * processed, so the handler code runs unchanged locally and on AWS.
 *
 * Semantics follow the event source mapping with `ReportBatchItemFailures` enabled:
 *   - handler resolves with nothing / null / `{ batchItemFailures: [] }` → the whole batch is deleted;
 *   - handler resolves with `batchItemFailures` → everything except those ids is deleted;
 *     an entry whose itemIdentifier is empty or not in the batch fails the whole batch (as Lambda does);
 *   - handler throws/rejects → nothing is deleted.
 * Messages that are not deleted reappear after the visibility timeout; after maxReceiveCount
 * receives SQS itself (local-aws-sqs implements RedrivePolicy) moves them to the DLQ, so the
 * poller does not move anything by hand.
 *
 * Not emulated: the function timeout (the handler is never cut off; `getRemainingTimeInMillis`
 * just counts down from `timeoutSeconds`), concurrency scaling (one batch at a time per poller),
 * the batching window (but see the long-poll note in sqs-server.ts: the local server holds a long
 * poll until the batch is full or WaitTimeSeconds is over, which behaves much like one).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSMessageAttribute, SQSRecord, SQSRecordAttributes } from 'aws-lambda';

export type SqsEventHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface SqsPollerErrorInfo {
  /**
   * receive: ReceiveMessage (or the start-up GetQueueAttributes) failed; retried after 1 s.
   * handler: the handler threw; the whole batch will be retried.
   * batch-response: the handler returned an invalid batch response; the whole batch will be retried.
   * delete: DeleteMessageBatch failed for some messages; they will be redelivered.
   */
  phase: 'receive' | 'handler' | 'batch-response' | 'delete';
  queueUrl: string;
  messageIds: string[];
}

export interface SqsPollerOptions {
  client: SQSClient;
  queueUrl: string;
  queueArn: string;
  handler: SqsEventHandler;
  /** Max messages per invocation, 1–10 (the ESM allows more only with a batching window). Default 10. */
  batchSize?: number;
  /**
   * Long-poll WaitTimeSeconds, 0–20. Default 1. Kept below the visibility timeout because the
   * local server starts a message's visibility timeout while still holding the poll open.
   */
  waitTimeSeconds?: number;
  /** VisibilityTimeout passed on each receive. Default: the queue's own (as Lambda does). */
  visibilityTimeoutSeconds?: number;
  /** Whether batchItemFailures is honoured (FunctionResponseTypes: ReportBatchItemFailures). Default true. */
  reportBatchItemFailures?: boolean;
  /** For the Lambda context. Default: `local-<queue name>-consumer`. */
  functionName?: string;
  /** Function timeout the context reports through getRemainingTimeInMillis. Default 30. */
  timeoutSeconds?: number;
  /** Called for every failure; default logs to stderr. Never stops the poller. */
  onError?: (error: unknown, info: SqsPollerErrorInfo) => void;
}

export interface SqsPoller {
  /** Stops polling; waits for the receive and batch in flight to finish (≤ waitTimeSeconds + handler time). */
  stop(): Promise<void>;
}

const RECEIVE_RETRY_MS = 1000;
/** With WaitTimeSeconds 0, pause between empty polls instead of spinning. */
const SHORT_POLL_IDLE_MS = 100;

export function startSqsPoller(options: SqsPollerOptions): SqsPoller {
  const { client, queueUrl, queueArn, handler } = options;
  const batchSize = options.batchSize ?? 10;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10) throw new RangeError(`batchSize must be 1–10, got ${batchSize}`);
  const requestedWait = options.waitTimeSeconds ?? 1;
  if (!Number.isInteger(requestedWait) || requestedWait < 0 || requestedWait > 20) {
    throw new RangeError(`waitTimeSeconds must be an integer 0–20, got ${requestedWait}`);
  }
  const arn = parseQueueArn(queueArn);
  const functionName = options.functionName ?? `local-${arn.name}-consumer`;
  const reportBatchItemFailures = options.reportBatchItemFailures ?? true;
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
  const onError = options.onError ?? ((error: unknown, info: SqsPollerErrorInfo) => {
    console.error(`[sqs-poller ${arn.name}] ${info.phase} failed for [${info.messageIds.join(', ')}]:`, error);
  });

  let stopping = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  async function visibilityTimeout(): Promise<number | undefined> {
    if (options.visibilityTimeoutSeconds !== undefined) return options.visibilityTimeoutSeconds;
    while (!stopping) {
      try {
        const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['VisibilityTimeout'] }));
        return Number(Attributes?.VisibilityTimeout ?? 30);
      } catch (error) {
        onError(error, { phase: 'receive', queueUrl, messageIds: [] });
        await sleep(RECEIVE_RETRY_MS);
      }
    }
    return undefined;
  }

  async function processBatch(messages: Message[]): Promise<void> {
    const records = messages.map((m) => toLambdaRecord(m, queueArn, arn.region));
    const ids = records.map((r) => r.messageId);
    let failed: Set<string>;
    try {
      const response: unknown = await handler({ Records: records }, lambdaContext(functionName, arn, timeoutMs));
      const outcome = reportBatchItemFailures ? readBatchResponse(response, ids) : { failed: new Set<string>() };
      if ('invalid' in outcome) {
        onError(new Error(`invalid batch response: ${outcome.invalid}`), { phase: 'batch-response', queueUrl, messageIds: ids });
        return;
      }
      failed = outcome.failed;
    } catch (error) {
      onError(error, { phase: 'handler', queueUrl, messageIds: ids });
      return;
    }
    const done = records.filter((r) => !failed.has(r.messageId));
    if (done.length === 0) return;
    try {
      const { Failed } = await client.send(new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: done.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
      }));
      if (Failed !== undefined && Failed.length > 0) {
        const notDeleted = Failed.map((f) => done[Number(f.Id)]?.messageId ?? `#${f.Id}`);
        onError(new Error(Failed.map((f) => `${f.Code ?? ''}: ${f.Message ?? ''}`).join('; ')), { phase: 'delete', queueUrl, messageIds: notDeleted });
      }
    } catch (error) {
      onError(error, { phase: 'delete', queueUrl, messageIds: done.map((r) => r.messageId) });
    }
  }

  async function run(): Promise<void> {
    const vt = await visibilityTimeout();
    if (vt === undefined) return;
    const waitTimeSeconds = Math.max(0, Math.min(requestedWait, vt - 1));
    while (!stopping) {
      let messages: Message[];
      try {
        const response = await client.send(new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: batchSize,
          WaitTimeSeconds: waitTimeSeconds,
          ...(options.visibilityTimeoutSeconds === undefined ? {} : { VisibilityTimeout: options.visibilityTimeoutSeconds }),
          // local-aws-sqs only honours the deprecated AttributeNames; real SQS takes either.
          AttributeNames: ['All'],
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }));
        messages = latestPerMessageId(response.Messages ?? []);
      } catch (error) {
        if (stopping) break;
        onError(error, { phase: 'receive', queueUrl, messageIds: [] });
        await sleep(RECEIVE_RETRY_MS);
        continue;
      }
      // Even when stopping: these are already invisible, dropping them would only cost a
      // receive count and a visibility timeout.
      if (messages.length > 0) await processBatch(messages);
      else if (waitTimeSeconds === 0 && !stopping) await sleep(SHORT_POLL_IDLE_MS);
    }
  }

  const loop = run().catch((error: unknown) => {
    onError(error, { phase: 'receive', queueUrl, messageIds: [] });
  });

  return {
    stop: async () => {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}

/** Maps one SQS message to the record shape Lambda's event source mapping delivers. */
export function toLambdaRecord(message: Message, eventSourceARN: string, awsRegion: string): SQSRecord {
  const { ApproximateReceiveCount, SentTimestamp, SenderId, ApproximateFirstReceiveTimestamp, ...otherAttributes } = message.Attributes ?? {};
  const attributes: SQSRecordAttributes = {
    ApproximateReceiveCount: ApproximateReceiveCount ?? '1',
    SentTimestamp: SentTimestamp ?? '',
    SenderId: SenderId ?? '',
    ApproximateFirstReceiveTimestamp: ApproximateFirstReceiveTimestamp ?? '',
    ...otherAttributes,
  };
  const messageAttributes: Record<string, SQSMessageAttribute> = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    messageAttributes[name] = toLambdaMessageAttribute(value);
  }
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes,
    messageAttributes,
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes === undefined ? {} : { md5OfMessageAttributes: message.MD5OfMessageAttributes }),
    eventSource: 'aws:sqs',
    eventSourceARN,
    awsRegion,
  };
}

function toLambdaMessageAttribute(value: MessageAttributeValue): SQSMessageAttribute {
  return {
    ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
    ...(value.BinaryValue === undefined ? {} : { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }),
    stringListValues: value.StringListValues ?? [],
    binaryListValues: (value.BinaryListValues ?? []).map((b) => Buffer.from(b).toString('base64')),
    dataType: value.DataType ?? 'String',
  };
}

/** Lambda's rules for a ReportBatchItemFailures response. */
function readBatchResponse(response: unknown, ids: string[]): { failed: Set<string> } | { invalid: string } {
  if (response === undefined || response === null) return { failed: new Set() };
  if (typeof response !== 'object') return { invalid: `expected an object, got ${typeof response}` };
  const failures: unknown = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return { failed: new Set() };
  if (!Array.isArray(failures)) return { invalid: 'batchItemFailures is not an array' };
  const failed = new Set<string>();
  for (const failure of failures as unknown[]) {
    const id: unknown = typeof failure === 'object' && failure !== null ? (failure as { itemIdentifier?: unknown }).itemIdentifier : undefined;
    if (typeof id !== 'string' || id === '') return { invalid: `itemIdentifier ${JSON.stringify(id)} is empty or not a string` };
    if (!ids.includes(id)) return { invalid: `itemIdentifier ${id} is not in the batch` };
    failed.add(id);
  }
  return { failed };
}

/**
 * The local server can hand out the same message twice in one response (see sqs-server.ts);
 * SQS never does. Keep the last copy, whose receipt handle is the current one.
 */
function latestPerMessageId(messages: Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const message of messages) {
    const id = message.MessageId ?? '';
    byId.delete(id);
    byId.set(id, message);
  }
  return [...byId.values()];
}

interface QueueArnParts {
  region: string;
  accountId: string;
  name: string;
}

function parseQueueArn(queueArn: string): QueueArnParts {
  const [prefix, , service, region, accountId, name] = queueArn.split(':');
  if (prefix !== 'arn' || service !== 'sqs' || !region || !accountId || !name) throw new Error(`not an SQS queue ARN: ${queueArn}`);
  return { region, accountId, name };
}

function lambdaContext(functionName: string, arn: QueueArnParts, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  const unsupported = (): never => {
    throw new Error('callback-style completion (context.done/succeed/fail) is not supported locally; return a Promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${arn.region}:${arn.accountId}:function:${functionName}`,
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
