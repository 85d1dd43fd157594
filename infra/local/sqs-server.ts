/**
 * Local SQS for the local stack: local-aws-sqs (an in-process emulator speaking both the JSON
 * protocol current SDKs use and the older query protocol), reached by the real SQSClient through
 * AWS_ENDPOINT_URL_SQS / the `endpoint` option.
 *
 * What local-aws-sqs does and does not do (checked against v2.0.2, see the poller tests):
 *   - DelaySeconds (per message and per queue): honoured.
 *   - Visibility timeout and RedrivePolicy: honoured. When a received message's visibility
 *     timeout expires and its ApproximateReceiveCount >= maxReceiveCount, the server moves it to
 *     the dead-letter queue (same MessageId, DeadLetterQueueSourceArn attribute set; unlike real
 *     SQS, SentTimestamp and ApproximateReceiveCount restart in the DLQ). So redrive needs no help
 *     from the poller.
 *   - NOT persisted: queues and messages live in memory only. Messages still queued when
 *     `npm start` stops are lost; queues are recreated by ensureQueues on the next start. That is
 *     acceptable for local development (nothing durable depends on it: the scheduler's state lives
 *     in DynamoDB) — persisting would mean reaching into the emulator's private message store.
 *   - ReceiveMessage only returns message system attributes when asked through the deprecated
 *     `AttributeNames` parameter (it ignores `MessageSystemAttributeNames`), so callers pass both.
 *   - A long poll is held until MaxNumberOfMessages messages were collected or WaitTimeSeconds
 *     elapsed (real SQS returns as soon as something is available), and the visibility timeout of
 *     each collected message starts when it is collected. With WaitTimeSeconds >= the visibility
 *     timeout the same message can come back several times in one response. The poller keeps
 *     WaitTimeSeconds below the visibility timeout for that reason.
 *   - ChangeMessageVisibility increments ApproximateReceiveCount (real SQS does not); avoid it in
 *     code that runs against this server if receive counts matter.
 */
import { createServer, type Server } from 'node:http';
import { listen } from './listen.ts';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { createRequestHandler } from 'local-aws-sqs';

export interface SqsServerOptions {
  /** 0 picks a free port; read the real one from `endpoint`. */
  port: number;
  /** Interface to listen on; also the host in queue URLs. Default 127.0.0.1. */
  host?: string;
  /** Region used in queue ARNs. Default us-east-1. */
  region?: string;
  /** Account id used in queue ARNs and URLs. Default 123456789012. */
  accountId?: string;
}

export interface LocalSqsServer {
  /** For the SDK: `endpoint` option or AWS_ENDPOINT_URL_SQS, e.g. http://127.0.0.1:9324 */
  endpoint: string;
  region: string;
  accountId: string;
  /** Closes the server, drops open connections (long polls included) and all queued messages. */
  stop(): Promise<void>;
}

export async function startSqsServer(options: SqsServerOptions): Promise<LocalSqsServer> {
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const { service, requestHandler } = createRequestHandler({
    port: options.port,
    hostname: host,
    region,
    accountId,
    // Locally, deleting and recreating a queue should not have to wait 60 s like on AWS.
    emulateQueueCreationLifecycle: false,
  });
  const server: Server = createServer((req, res) => {
    requestHandler(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  const { port, endpoint } = await listen(server, options.port, host);
  // Queue URLs are built from the service's port; with port 0 it must learn the real one.
  service.PORT = port;

  return {
    endpoint,
    region,
    accountId,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        service.resetAll();
      }),
  };
}

export interface QueueSpec {
  /** The work queue. */
  name: string;
  /** Its dead-letter queue. */
  dlqName: string;
  /** Receives before SQS moves a message to the DLQ (RedrivePolicy.maxReceiveCount). */
  maxReceiveCount: number;
  /** The work queue's VisibilityTimeout. */
  visibilityTimeoutSeconds: number;
}

export interface QueuePair {
  queueUrl: string;
  queueArn: string;
  dlqUrl: string;
  dlqArn: string;
}

/**
 * Creates the queue and its DLQ (with RedrivePolicy) if missing, or brings an existing queue's
 * VisibilityTimeout and RedrivePolicy in line with `spec`. Idempotent. Works against any SQS
 * endpoint, but on AWS the CDK stack owns the queues; this is for the local stack.
 */
export async function ensureQueues(client: SQSClient, spec: QueueSpec): Promise<QueuePair> {
  const dlqUrl = await createQueue(client, spec.dlqName, {});
  const dlqArn = await queueArn(client, dlqUrl);
  const attributes = {
    VisibilityTimeout: String(spec.visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: spec.maxReceiveCount }),
  };
  const queueUrl = await createQueue(client, spec.name, attributes);
  return { queueUrl, queueArn: await queueArn(client, queueUrl), dlqUrl, dlqArn };
}

async function createQueue(client: SQSClient, name: string, attributes: Record<string, string>): Promise<string> {
  try {
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
    if (QueueUrl === undefined) throw new Error(`CreateQueue ${name} returned no QueueUrl`);
    return QueueUrl;
  } catch (error) {
    // Exists with different attributes: update them instead (CreateQueue is only idempotent for
    // identical attributes).
    if (!(error instanceof Error) || !/QueueNameExists|QueueAlreadyExists/.test(error.name)) throw error;
    const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: name }));
    if (QueueUrl === undefined) throw error;
    if (Object.keys(attributes).length > 0) {
      await client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: attributes }));
    }
    return QueueUrl;
  }
}

async function queueArn(client: SQSClient, queueUrl: string): Promise<string> {
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  const arn = Attributes?.QueueArn;
  if (arn === undefined) throw new Error(`no QueueArn for ${queueUrl}`);
  return arn;
}
