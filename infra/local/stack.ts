import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseAppConfig, type AppConfig, type AppConfigInput } from '#config/app-config';
import { RUNTIME_ENV } from '#adapters/table-schema';
import type { SnsEvent } from '#events/ses-notification';
import type { SesReceiptEvent } from '#events/ses-receipt';
import { ensureTable, startDynamo } from './dynamodb.ts';
import { AsyncInvoker } from './lambda-invoker.ts';
import { LOCAL_APP_CONFIG, LOCAL_NAMES } from './local-config.ts';
import { startS3 } from './s3.ts';
import { startSesOutbox, type SesFeedbackEvent, type SesOutbox } from './ses-outbox.ts';
import { startFunctionUrl } from './function-url.ts';
import { startSmtpIngress } from './smtp-ingress.ts';
import { startSqsPoller } from './sqs-poller.ts';
import { ensureQueues, startSqsServer } from './sqs-server.ts';

export interface LocalStackOptions {
  dataDir: string;
  host?: string;
  ports?: Partial<Record<'smtp' | 'dynamodb' | 's3' | 'sqs' | 'ses' | 'feedback', number>>;
  /** Longest SQS delay before a job hops (900 s like AWS; tests use about a second). */
  schedulerMaxDelaySeconds?: number;
  /** Key that signs feedback links and agent reply addresses; `npm start` keeps one in the data folder. */
  signingSecret?: string;
  /** Run the scheduler queue's consumer (default true); tests that drive jobs by hand turn it off. */
  pollScheduler?: boolean;
  /** Observes every handler invocation (the bench measures Lambda time with it). */
  onInvocation?: (functionName: 'inbound' | 'scheduler' | 'feedback', durationMs: number) => void;
  config?: AppConfigInput;
  /** Lambda's async retry delays, shrunk for local use. */
  retryDelaysMs?: number[];
  /** Customer addresses the SES stand-in bounces (Permanent) or complains about, like its mailbox simulator addresses. */
  simulate?: { bounce?: string[]; complaint?: string[] };
}

export interface LocalStack {
  config: AppConfig;
  smtpPort: number;
  endpoints: Record<'dynamodb' | 's3' | 'sqs' | 'ses' | 'feedback', string>;
  outbox: SesOutbox;
  queues: { schedulerUrl: string; schedulerDlqUrl: string; inboundFailuresUrl: string; sesNotificationFailuresUrl: string };
  /** The environment a Lambda gets on AWS, pointed at the stand-ins. */
  env: Record<string, string>;
  /** Waits until every inbound and SES-notification invocation has finished (succeeded or dead-lettered). */
  drain(): Promise<void>;
  invocations: { succeeded: number; failed: number };
  stop(): Promise<void>;
}

// s3rver checks signatures against these fixed credentials; the other stand-ins accept any.
const DUMMY_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

/**
 * Starts every stand-in, creates the table, bucket and queues as the CDK stack declares them, and
 * points this process's AWS SDK at them. The handlers are imported after that and run unchanged.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const host = options.host ?? '127.0.0.1';
  const ports = { smtp: 2525, dynamodb: 0, s3: 0, sqs: 0, ses: 0, feedback: 0, ...options.ports };
  const config = parseAppConfig(options.config ?? LOCAL_APP_CONFIG, 'local configuration');
  const region = LOCAL_NAMES.region;

  const dynamo = await startDynamo({ port: ports.dynamodb, host, path: join(options.dataDir, 'dynamodb') });
  const s3 = await startS3({ port: ports.s3, host, directory: join(options.dataDir, 's3'), buckets: [LOCAL_NAMES.mailBucket] });
  const sqs = await startSqsServer({ port: ports.sqs, host, region });
  // SES → SNS topic → Lambda: the stand-in's event destination hands each event to `publishSesEvent`,
  // which is wired to the ses-notifications handler once the environment is in place.
  let publishSesEvent: (sesEvent: SesFeedbackEvent) => void = () => undefined;
  const outbox = await startSesOutbox({
    port: ports.ses,
    host,
    dataDir: join(options.dataDir, 'outbox'),
    region,
    configurationSets: { [LOCAL_NAMES.configurationSet]: { publish: (sesEvent) => publishSesEvent(sesEvent) } },
    bounceAddresses: options.simulate?.bounce ?? [],
    complaintAddresses: options.simulate?.complaint ?? [],
  });

  const env: Record<string, string> = {
    ...DUMMY_CREDENTIALS,
    AWS_REGION: region,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    AWS_ENDPOINT_URL_SES: outbox.endpoint,
    [RUNTIME_ENV.tableName]: LOCAL_NAMES.tableName,
    [RUNTIME_ENV.mailBucket]: LOCAL_NAMES.mailBucket,
    [RUNTIME_ENV.inboundPrefix]: LOCAL_NAMES.inboundPrefix,
    [RUNTIME_ENV.attachmentsPrefix]: LOCAL_NAMES.attachmentsPrefix,
    [RUNTIME_ENV.appConfig]: JSON.stringify(config),
    [RUNTIME_ENV.sesConfigurationSet]: LOCAL_NAMES.configurationSet,
    POWERTOOLS_SERVICE_NAME: 'complaints-local',
    // Local Node may be 20; Lambda runs 22. The SDK's reminder would drown the stack's own output.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  };
  Object.assign(process.env, env);

  const dynamoClient = new DynamoDBClient({ region, endpoint: dynamo.endpoint });
  await ensureTable(dynamoClient, LOCAL_NAMES.tableName);
  const sqsClient = new SQSClient({ region, endpoint: sqs.endpoint });
  const scheduler = await ensureQueues(sqsClient, {
    name: LOCAL_NAMES.schedulerQueue,
    dlqName: LOCAL_NAMES.schedulerDlq,
    maxReceiveCount: 5,
    visibilityTimeoutSeconds: 30,
  });
  const failures = await ensureQueues(sqsClient, {
    name: LOCAL_NAMES.inboundFailures,
    dlqName: `${LOCAL_NAMES.inboundFailures}-unused`,
    maxReceiveCount: 1000,
    visibilityTimeoutSeconds: 30,
  });
  const notificationFailures = await ensureQueues(sqsClient, {
    name: LOCAL_NAMES.sesNotificationFailures,
    dlqName: `${LOCAL_NAMES.sesNotificationFailures}-unused`,
    maxReceiveCount: 1000,
    visibilityTimeoutSeconds: 30,
  });
  const { handler: feedbackHandler } = await import('../../functions/handlers/feedback.ts');
  const timed = <E, R>(name: 'inbound' | 'scheduler' | 'feedback', run: (event: E) => Promise<R>) => async (event: E): Promise<R> => {
    const started = performance.now();
    try {
      return await run(event);
    } finally {
      options.onInvocation?.(name, performance.now() - started);
    }
  };
  const feedback = await startFunctionUrl({ port: ports.feedback, host, handler: timed('feedback', (event) => feedbackHandler(event)) });
  Object.assign(env, {
    [RUNTIME_ENV.schedulerQueueUrl]: scheduler.queueUrl,
    [RUNTIME_ENV.schedulerDlqUrl]: scheduler.dlqUrl,
    [RUNTIME_ENV.inboundFailuresUrl]: failures.queueUrl,
    [RUNTIME_ENV.schedulerMaxDelaySeconds]: String(options.schedulerMaxDelaySeconds ?? 900),
    [RUNTIME_ENV.signingSecret]: options.signingSecret ?? randomBytes(32).toString('base64url'),
    [RUNTIME_ENV.feedbackBaseUrl]: `${feedback.url}feedback`,
  });
  Object.assign(process.env, env);

  const { handler: schedulerHandler } = await import('../../functions/handlers/scheduler.ts');
  const poller =
    options.pollScheduler === false
      ? undefined
      : startSqsPoller({
          client: sqsClient,
          queueUrl: scheduler.queueUrl,
          queueArn: scheduler.queueArn,
          handler: timed('scheduler', (event: Parameters<typeof schedulerHandler>[0]) => schedulerHandler(event)),
          batchSize: 10,
          waitTimeSeconds: 1,
          onError: (error) => console.error(`scheduler poller: ${error instanceof Error ? error.message : String(error)}`),
        });

  const { handler: inboundHandler } = await import('../../functions/handlers/inbound.ts');
  const timedInbound = timed('inbound', (event: SesReceiptEvent) => inboundHandler(event));
  const invocations = { succeeded: 0, failed: 0 };
  const invoker = new AsyncInvoker({
    retryAttempts: 2,
    retryDelaysMs: options.retryDelaysMs ?? [1_000, 2_000],
    onSuccess: () => {
      invocations.succeeded += 1;
    },
    onFailure: async (event, error, attempts) => {
      invocations.failed += 1;
      // Lambda's on-failure destination record: the event, the attempts and the reason.
      await sqsClient.send(
        new SendMessageCommand({
          QueueUrl: failures.queueUrl,
          MessageBody: JSON.stringify({ requestPayload: event, responseContext: { functionError: 'Unhandled' }, requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: attempts }, responsePayload: { errorType: error.name, errorMessage: error.message } }),
        }),
      );
      console.error(`inbound handler failed after ${attempts} attempts, sent to ${LOCAL_NAMES.inboundFailures}: ${error.message}`);
    },
  });

  const { handler: sesNotificationsHandler } = await import('../../functions/handlers/ses-notifications.ts');
  const notificationInvoker = new AsyncInvoker({
    retryAttempts: 2,
    retryDelaysMs: options.retryDelaysMs ?? [1_000, 2_000],
    onFailure: async (event, error, attempts) => {
      await sqsClient.send(
        new SendMessageCommand({
          QueueUrl: notificationFailures.queueUrl,
          MessageBody: JSON.stringify({ requestPayload: event, requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: attempts }, responsePayload: { errorType: error.name, errorMessage: error.message } }),
        }),
      );
      console.error(`ses-notifications handler failed after ${attempts} attempts, sent to ${LOCAL_NAMES.sesNotificationFailures}: ${error.message}`);
    },
  });
  const topicArn = `arn:aws:sns:${region}:000000000000:${LOCAL_NAMES.sesNotificationsTopic}`;
  publishSesEvent = (sesEvent) => notificationInvoker.invoke((event: SnsEvent) => sesNotificationsHandler(event), snsLambdaEvent(topicArn, sesEvent));

  const s3Client = new S3Client({ region, endpoint: s3.endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  const smtp = await startSmtpIngress({
    port: ports.smtp,
    host,
    s3: s3Client,
    bucket: LOCAL_NAMES.mailBucket,
    objectKeyPrefix: LOCAL_NAMES.inboundPrefix,
    recipientDomains: [config.complaintAddress.split('@')[1]!.toLowerCase()],
    maxMessageBytes: config.limits.maxRawBytes,
    deliver: (event: SesReceiptEvent) => invoker.invoke(timedInbound, event),
  });

  return {
    config,
    smtpPort: smtp.port,
    endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint, sqs: sqs.endpoint, ses: outbox.endpoint, feedback: feedback.url },
    outbox,
    queues: { schedulerUrl: scheduler.queueUrl, schedulerDlqUrl: scheduler.dlqUrl, inboundFailuresUrl: failures.queueUrl, sesNotificationFailuresUrl: notificationFailures.queueUrl },
    env,
    invocations,
    async drain() {
      await invoker.drain();
      await notificationInvoker.drain();
    },
    async stop() {
      await smtp.stop();
      await invoker.drain();
      await notificationInvoker.drain();
      await poller?.stop();
      await feedback.stop();
      await Promise.allSettled([outbox.stop(), sqs.stop(), s3.stop(), dynamo.stop()]);
      dynamoClient.destroy();
      sqsClient.destroy();
      s3Client.destroy();
    },
  };
}

/** What SNS hands a subscribed Lambda for one published message (the SES event is the JSON Message). */
function snsLambdaEvent(topicArn: string, sesEvent: SesFeedbackEvent): SnsEvent & { Records: Array<Record<string, unknown>> } {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:${randomUUID()}`,
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: topicArn,
          Subject: null,
          Message: JSON.stringify(sesEvent),
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: 'LOCAL',
          SigningCertUrl: 'https://sns.local/cert.pem',
          UnsubscribeUrl: 'https://sns.local/unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  };
}
