import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SESClient } from '@aws-sdk/client-ses';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dynamoDocumentClient, s3Client, sesClient, sqsClient } from '#adapters/aws-clients';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import type { ScheduledJob } from '#core/lifecycle';
import { signToken } from '#core/signed-token';
import { LOCAL_APP_CONFIG } from '#local/local-config';
import { startLocalStack } from '#local/stack';
import type { Scheduler } from '#workflows/ports';
import { resolveComplaint } from '#workflows/resolve';
import { AdjustableClock, DAY, HOUR } from '../support/clock.ts';
import { waitFor } from '../support/local-stack.ts';
import { sendComplaint } from '../support/smtp.ts';
import type { BenchResult } from './types.ts';

/** us-east-1 list prices assumed by the model (USD). Check the AWS pricing pages before quoting. */
export const PRICES = {
  lambdaGbSecondArm: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  sqsRequest: 0.4 / 1e6,
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  sesOutboundMessage: 0.1 / 1000,
  sesInboundMessage: 0.1 / 1000,
  sesInboundChunk: 0.09 / 1000,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
} as const;

const MEMORY_GB = { inbound: 0.5, scheduler: 0.5, feedback: 0.25 } as const;
const AWS_MAX_DELAY_SECONDS = 900;
const COMPLAINTS = 10;

interface Counters {
  calls: Map<string, number>;
  readUnits: number;
  writeUnits: number;
  /** Production wait (s) of every distinct job put on the scheduler queue, hops deduplicated. */
  jobWaits: Map<string, number>;
}

type AnyClient = DynamoDBClient | S3Client | SESClient | SQSClient;

function instrument(client: AnyClient, service: string, counters: Counters): void {
  // The four stacks differ only in their input/output unions; the counter reads plain objects.
  const stack = client.middlewareStack as unknown as SQSClient['middlewareStack'];
  stack.add(
    (next, context) => async (args) => {
      const key = `${service}:${context.commandName ?? 'unknown'}`;
      counters.calls.set(key, (counters.calls.get(key) ?? 0) + 1);
      const input = args.input as Record<string, unknown>;
      if (service === 'dynamodb') input.ReturnConsumedCapacity = 'TOTAL';
      if (service === 'sqs' && context.commandName === 'SendMessageCommand' && typeof input.MessageBody === 'string') {
        const job = JSON.parse(input.MessageBody) as ScheduledJob;
        counters.jobWaits.set(`${job.reference}|${job.kind}|${job.sequence}|${job.dueAt}`, Math.max(0, (Date.parse(job.dueAt) - Date.parse(job.scheduledAt)) / 1000));
      }
      const result = await next(args);
      if (service === 'dynamodb') {
        const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity?.CapacityUnits ?? 0;
        const isWrite = /Put|Update|Delete|Write/.test(context.commandName ?? '');
        // Items with index keys are written to each index too; DynamoDB bills those writes as well.
        const indexWrites = isWrite ? ['gsi1pk', 'gsi2pk'].filter((key) => JSON.stringify(input).includes(`"${key}"`)).length : 0;
        if (isWrite) counters.writeUnits += Math.max(consumed, 1) * (1 + indexWrites);
        else counters.readUnits += Math.max(consumed, 0.5);
      }
      return result;
    },
    { step: 'initialize', name: `costCounter-${service}` },
  );
}

/**
 * Runs complaints through the whole lifecycle on the local stack, counts every AWS call the
 * handlers make, and prices them per 1,000 complaints. Scheduler hops are projected with SQS's
 * 900 s cap (the local run hops every second so it can finish quickly).
 */
export async function benchCost(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'complaints-cost-'));
  const lambdaMs = { inbound: [] as number[], scheduler: [] as number[], feedback: [] as number[] };
  const secret = 'cost-bench-secret-0123456789';
  const stack = await startLocalStack({
    dataDir,
    ports: { smtp: 0 },
    retryDelaysMs: [50, 100],
    schedulerMaxDelaySeconds: 1,
    signingSecret: secret,
    config: { ...LOCAL_APP_CONFIG, sla: { firstResponse: 'PT8H', resolution: 'P5D' }, lifecycle: { followUpEvery: 'P2D', followUpMax: 3, feedbackRequestAfter: 'PT24H', feedbackLinkValidity: 'P30D' } },
    onInvocation: (name, ms) => lambdaMs[name].push(ms),
  });
  const counters: Counters = { calls: new Map(), readUnits: 0, writeUnits: 0, jobWaits: new Map() };
  instrument(dynamoDocumentClient() as unknown as DynamoDBClient, 'dynamodb', counters);
  instrument(s3Client(), 's3', counters);
  instrument(sesClient(), 'ses', counters);
  instrument(sqsClient(), 'sqs', counters);

  const clock = new AdjustableClock();
  const schedulerModule = await import('../../functions/handlers/scheduler.ts');
  const deps = schedulerModule.wireScheduler(clock);
  let localHops = 0;
  const scheduler: Scheduler = {
    maxDelaySeconds: deps.scheduler.maxDelaySeconds,
    schedule: (job: ScheduledJob) => deps.scheduler.schedule(job),
    enqueue: async (job, delay) => {
      localHops += 1;
      await deps.scheduler.enqueue(job, delay);
    },
  };
  schedulerModule.useDependencies({ ...deps, scheduler });
  const store = new DynamoComplaintStore(dynamoDocumentClient(), 'complaints');
  const sentKinds = async (reference: string) => (await deps.outbox.listSent(reference)).filter((email) => email.state === 'sent').map((email) => email.kind);
  const allHave = async (references: string[], kind: string) => {
    for (const reference of references) if (!(await sentKinds(reference)).includes(kind)) return undefined;
    return true;
  };

  try {
    for (let index = 0; index < COMPLAINTS; index += 1) {
      await sendComplaint(stack.smtpPort, { from: `cost${index}@customer.test`, subject: `Cost model complaint ${index}`, text: 'My order arrived late and the box was damaged. Please help.' });
    }
    await stack.drain();
    const references = (await store.listComplaints({ status: 'open', limit: COMPLAINTS })).map((complaint) => complaint.reference);

    clock.advance(9 * HOUR); // first-response SLA breached (no agent replies without the mailbox)
    await waitFor(() => allHave(references, 'sla-breach-first-response'), 30_000, 200);
    clock.advance(2 * DAY); // first follow-up
    await waitFor(() => allHave(references, 'follow-up'), 30_000, 200);
    clock.advance(15 * HOUR); // resolved on day 3
    for (const reference of references) {
      await resolveComplaint({ reference, summary: 'A replacement was sent by express delivery.', prevention: 'The carrier now photographs parcels at pickup.', resolvedBy: { name: 'Sam Agent', title: 'Customer Care' } }, { ...deps, scheduler, clock });
    }
    clock.advance(25 * HOUR); // feedback requests; the day-4 follow-up finds the complaint resolved and is dropped
    await waitFor(() => allHave(references, 'feedback-request'), 30_000, 200);
    for (const reference of references) {
      const token = signToken({ purpose: 'feedback', reference, exp: Math.floor(Date.now() / 1000) + 3600 }, secret);
      await fetch(`${stack.endpoints.feedback}feedback?t=${token}&r=4`);
      await fetch(`${stack.endpoints.feedback}feedback`, { method: 'POST', body: new URLSearchParams({ t: token, rating: '4' }) });
    }
    await waitFor(() => allHave(references, 'thank-you'), 30_000, 200);
    clock.advance(3 * DAY); // the resolution-deadline checks come due and are dropped
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const per1000 = 1000 / COMPLAINTS;
  const count = (key: string) => counters.calls.get(key) ?? 0;
  const waits = [...counters.jobWaits.values()];
  const jobs = waits.length;
  const productionHops = waits.reduce((sum, wait) => sum + Math.max(0, Math.ceil(wait / AWS_MAX_DELAY_SECONDS) - 1), 0);
  // Each message the queue delivers costs a receive and a delete besides the send (batching only lowers this).
  const sqsRequests = (jobs + productionHops) * 3;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  // Local invocations carry batches of 1-second hops; price a hop at the shortest invocation seen
  // and give the rest of the measured scheduler time to the jobs that acted.
  const hopMs = Math.min(...lambdaMs.scheduler);
  const actingMs = Math.max(0, sum(lambdaMs.scheduler) - localHops * hopMs);
  const gbSeconds =
    (sum(lambdaMs.inbound) / 1000) * MEMORY_GB.inbound +
    (sum(lambdaMs.feedback) / 1000) * MEMORY_GB.feedback +
    ((actingMs + productionHops * hopMs) / 1000) * MEMORY_GB.scheduler;
  const lambdaInvocations = lambdaMs.inbound.length + lambdaMs.feedback.length + jobs + productionHops;
  const sesOut = count('ses:SendRawEmailCommand');
  const s3Puts = count('s3:PutObjectCommand') + COMPLAINTS; // + the raw mail SES's S3 action stores
  const s3Gets = count('s3:GetObjectCommand') + count('s3:HeadObjectCommand');

  const costs = {
    lambda: gbSeconds * PRICES.lambdaGbSecondArm + lambdaInvocations * PRICES.lambdaRequest,
    sqs: sqsRequests * PRICES.sqsRequest,
    dynamodb: counters.writeUnits * PRICES.dynamoWriteUnit + counters.readUnits * PRICES.dynamoReadUnit,
    ses: sesOut * PRICES.sesOutboundMessage + COMPLAINTS * (PRICES.sesInboundMessage + PRICES.sesInboundChunk),
    s3: s3Puts * PRICES.s3Put + s3Gets * PRICES.s3Get,
  };
  const total = Object.values(costs).reduce((a, b) => a + b, 0);

  return {
    title: `AWS cost per 1,000 complaints through the whole lifecycle (${COMPLAINTS} run on the local stack, scaled; SQS hops projected at 900 s)`,
    rows: [
      { name: 'emails sent (SES) per complaint', value: sesOut / COMPLAINTS, unit: '' },
      { name: 'scheduler jobs per complaint', value: jobs / COMPLAINTS, unit: '' },
      { name: 'SQS hops per complaint at the 900 s cap', value: productionHops / COMPLAINTS, unit: '' },
      { name: 'SQS requests per 1,000 complaints', value: sqsRequests * per1000, unit: 'req' },
      { name: 'Lambda invocations per 1,000', value: lambdaInvocations * per1000, unit: 'inv' },
      { name: 'Lambda GB-seconds per 1,000', value: gbSeconds * per1000, unit: 'GB-s' },
      { name: 'DynamoDB write units per 1,000', value: counters.writeUnits * per1000, unit: 'WRU' },
      { name: 'DynamoDB read units per 1,000', value: counters.readUnits * per1000, unit: 'RRU' },
      { name: 'S3 requests per 1,000', value: (s3Puts + s3Gets) * per1000, unit: 'req' },
      { name: 'cost: Lambda', value: costs.lambda * per1000, unit: 'USD' },
      { name: 'cost: SQS', value: costs.sqs * per1000, unit: 'USD' },
      { name: 'cost: DynamoDB', value: costs.dynamodb * per1000, unit: 'USD' },
      { name: 'cost: SES (in + out)', value: costs.ses * per1000, unit: 'USD' },
      { name: 'cost: S3 requests', value: costs.s3 * per1000, unit: 'USD' },
      { name: 'total per 1,000 complaints', value: total * per1000, unit: 'USD' },
    ],
    notes: [
      `prices (us-east-1 list, USD per unit): ${Object.entries(PRICES).map(([name, price]) => `${name} ${Number(price.toPrecision(3))}`).join(', ')}`,
      `memory: inbound ${MEMORY_GB.inbound * 1024} MB, scheduler ${MEMORY_GB.scheduler * 1024} MB, feedback ${MEMORY_GB.feedback * 1024} MB (arm64); durations measured here; hop invocations priced at the shortest measured scheduler run`,
      'not included: storage (S3 GB-month, DynamoDB GB-month), data transfer, CloudWatch Logs, free tiers',
    ],
  };
}
