/**
 * Load: complaints sent over real SMTP to the local stack, each timed from the SMTP server's 250
 * (the sendMail promise resolving) to its acknowledgement appearing in the SES stand-in's outbox,
 * then checked for loss and duplication in the outbox, the DLQs and the table.
 *
 *   npm run bench                                                  (with the other benches)
 *   BENCH_LOAD_COUNT=200 npx tsx test/bench/load-bench.ts          (alone; BENCH_LOAD_CONNECTIONS, or --count/--connections)
 *
 * `npm run bench` runs it in a child process: the handlers cache their AWS clients and wiring per
 * process, and the cost bench has already pointed them at a stack of its own.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import cliProgress from 'cli-progress';
import { createTransport } from 'nodemailer';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DynamoComplaintStore } from '#adapters/dynamo-complaint-store';
import { LOCAL_APP_CONFIG, LOCAL_NAMES } from '#local/local-config';
import type { OutboxMessage } from '#local/ses-outbox';
import { startTestStack } from '../support/local-stack.ts';
import { printResult } from './print.ts';
import type { BenchResult } from './types.ts';

export const DEFAULT_COUNT = 2_000;
/**
 * SMTP connections in nodemailer's pool. The stack is one Node process whose CPU is saturated with
 * one connection already; on 2 cores, 1 → 8 connections gained ~15 % throughput while p99 grew
 * sixfold (each connection keeps more complaints in flight, Little's law). 2 keeps the ingress busy.
 */
export const DEFAULT_CONNECTIONS = 2;
/**
 * p99 SMTP 250 → acknowledgement. At ~10 complaints/s with ~10-15 in flight a complaint waits
 * ~1-1.5 s; 5 s leaves room for a shared machine and still fails when the ingress outruns the
 * handlers (the backlog, and the latency, then grow with the run) or per-complaint CPU doubles.
 */
export const P99_TARGET_MS = 5_000;

export interface LoadOptions {
  count: number;
  connections: number;
  /** Progress bar (TTY) or a line every 10 % (no TTY) on stderr. */
  progress: boolean;
  /** After the last send: how long to wait for the remaining acknowledgements. */
  settleTimeoutMs?: number;
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadReport {
  count: number;
  connections: number;
  cores: number;
  languages: Record<string, number>;
  sent: number;
  accepted: number;
  smtpFailures: string[];
  acknowledged: number;
  /** Complaints that got more than one email to their customer address. */
  duplicateAcknowledgements: number;
  /** Acknowledgements whose In-Reply-To is not the complaint's Message-ID. */
  unthreadedAcknowledgements: number;
  complaintRecords: number;
  /** Customer Message-IDs with more than one complaint record. */
  duplicateComplaintRecords: number;
  screened: number;
  inboundDlq: number;
  schedulerDlq: number;
  /** Accepted, never acknowledged, in no DLQ and not screened. */
  lost: string[];
  wallMs: number;
  sendingMs: number;
  firstSendToLastAckMs: number;
  latencyMs: LatencySummary;
  inboundInvocations: number;
  inboundInvocationMs: LatencySummary;
  eventLoopDelayP99Ms: number;
  cpuMsPerComplaint: number;
}

interface BenchComplaint {
  address: string;
  name: string;
  messageId: string;
  language: string;
  subject: string;
  text: string;
}

interface CorpusEntry {
  language: string;
  subject: string;
  body: string;
}

const FIRST_NAMES = ['Anna', 'Mikkel', 'Ingrid', 'Lars', 'Sofie', 'Kadri', 'Jonas', 'Aino', 'Greta', 'Tom', 'Priya', 'Matti', 'Liis', 'Henrik', 'Emma', 'Oskar'];
const LAST_NAMES = ['Berg', 'Hansen', 'Tamm', 'Virtanen', 'Schmidt', 'Nilsson', 'Barker', 'Olsen', 'Kask', 'Lindqvist', 'Weber', 'Korhonen', 'Patel', 'Dahl'];
/** How each language writes "order number", so every complaint carries its own order. */
const ORDER_LABEL: Record<string, string> = { en: 'Order no.', da: 'Ordre nr.', nb: 'Bestilling nr.', sv: 'Order nr', de: 'Bestellung Nr.', et: 'Tellimus nr', fi: 'Tilausnumero' };

/**
 * Distinct complaints from distinct customers, built from the labelled evaluation corpus (seven
 * languages, real-sounding subjects and bodies), languages interleaved so each stretch of the run
 * sees all of them. Each gets its own order number, sender and Message-ID.
 */
export function benchComplaints(count: number, runId: string): BenchComplaint[] {
  const corpusPath = fileURLToPath(new URL('../eval/complaints.jsonl', import.meta.url));
  const byLanguage = new Map<string, CorpusEntry[]>();
  for (const line of readFileSync(corpusPath, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const entry = JSON.parse(line) as CorpusEntry;
    byLanguage.set(entry.language, [...(byLanguage.get(entry.language) ?? []), entry]);
  }
  const languages = [...byLanguage.keys()].sort();
  return Array.from({ length: count }, (_, index) => {
    const language = languages[index % languages.length]!;
    const entries = byLanguage.get(language)!;
    const entry = entries[Math.floor(index / languages.length) % entries.length]!;
    const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]!;
    const order = `LB${String(100_000 + index)}`;
    return {
      address: `${first}.${last}.${index}@customers.test`.toLowerCase(),
      name: `${first} ${last}`,
      messageId: `<load-${runId}-${index}@customers.test>`,
      language,
      subject: entry.subject,
      text: `${entry.body}\n\n${ORDER_LABEL[language] ?? 'Order no.'} ${order}`,
    };
  });
}

/** Runs the load on a fresh local stack and returns every figure; the stack is gone afterwards. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const started = performance.now();
  const inboundMs: number[] = [];
  const stack = await startTestStack({
    // A lifecycle longer than the run: the only mail a customer can get during it is the acknowledgement.
    config: { ...LOCAL_APP_CONFIG, sla: { firstResponse: 'PT8H', resolution: 'P5D' }, lifecycle: { followUpEvery: 'P2D', followUpMax: 3, feedbackRequestAfter: 'PT24H', feedbackLinkValidity: 'P30D' } },
    onInvocation: (name, ms) => {
      if (name === 'inbound') inboundMs.push(ms);
    },
  });
  const complaints = benchComplaints(options.count, Date.now().toString(36));
  const byAddress = new Map(complaints.map((complaint, index) => [complaint.address, index]));
  const acceptedAt: Array<number | undefined> = [];
  const acks: Array<Array<{ at: number; inReplyTo: string | null }>> = complaints.map(() => []);
  const smtpFailures: string[] = [];
  let accepted = 0;
  let acknowledged = 0;
  let lastAckAt = 0;
  let sendingDone = false;
  let settled: () => void = () => undefined;
  const allAcknowledged = new Promise<void>((resolve) => (settled = resolve));
  const progress = progressReporter(options.count, options.progress);
  const checkSettled = () => {
    if (sendingDone && acknowledged >= accepted) settled();
  };

  const unsubscribe = stack.outbox.onMessage((message: OutboxMessage) => {
    const at = performance.now();
    for (const destination of message.envelope.destinations) {
      const index = byAddress.get(destination.toLowerCase());
      if (index === undefined) continue;
      acks[index]!.push({ at, inReplyTo: message.inReplyTo });
      if (acks[index]!.length === 1) {
        acknowledged += 1;
        lastAckAt = at;
        progress.update(acknowledged, accepted);
        checkSettled();
      }
    }
  });

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const cpuBefore = process.cpuUsage();
  const transport = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: options.connections, maxMessages: Number.POSITIVE_INFINITY });
  const firstSendAt = performance.now();
  let lastAcceptAt = firstSendAt;
  let dynamo: DynamoDBClient | undefined;
  let sqs: SQSClient | undefined;
  try {
    // The pool queues what its connections cannot take yet; each promise resolves on the server's 250.
    await Promise.all(
      complaints.map(async (complaint, index) => {
        try {
          const info = await transport.sendMail({
            from: { name: complaint.name, address: complaint.address },
            to: stack.config.complaintAddress,
            subject: complaint.subject,
            text: complaint.text,
            messageId: complaint.messageId,
          });
          const at = performance.now();
          if (!info.response.startsWith('250') || !info.accepted.includes(stack.config.complaintAddress)) throw new Error(info.response);
          acceptedAt[index] = at;
          lastAcceptAt = at;
          accepted += 1;
          progress.update(acknowledged, accepted);
        } catch (error) {
          smtpFailures.push(`${complaint.address}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
    sendingDone = true;
    checkSettled();
    const settleTimeoutMs = options.settleTimeoutMs ?? 120_000;
    await Promise.race([allAcknowledged, new Promise((resolve) => setTimeout(resolve, settleTimeoutMs).unref())]);
    // Every invocation has now succeeded or been dead-lettered (retries included), so no late
    // acknowledgement or duplicate can still be on its way.
    await stack.drain();
    progress.stop();
    loopDelay.disable();
    const cpu = process.cpuUsage(cpuBefore);

    dynamo = new DynamoDBClient({ region: LOCAL_NAMES.region, endpoint: stack.endpoints.dynamodb });
    const store = new DynamoComplaintStore(DynamoDBDocumentClient.from(dynamo), LOCAL_NAMES.tableName);
    const ourMessageIds = new Set(complaints.map((complaint) => complaint.messageId));
    const records = (await store.listComplaints({ limit: options.count * 3 + 100 })).filter((complaint) => complaint.customerMessageId !== undefined && ourMessageIds.has(complaint.customerMessageId));
    const recordsPerMessage = new Map<string, number>();
    for (const record of records) recordsPerMessage.set(record.customerMessageId!, (recordsPerMessage.get(record.customerMessageId!) ?? 0) + 1);
    const screenedAddresses = new Set((await store.listScreened({ limit: options.count + 100 })).flatMap((record) => (record.from !== undefined && byAddress.has(record.from.toLowerCase()) ? [record.from.toLowerCase()] : [])));

    sqs = new SQSClient({ region: LOCAL_NAMES.region, endpoint: stack.endpoints.sqs });
    const dlqSenders = (await receiveAll(sqs, stack.queues.inboundFailuresUrl)).flatMap(sendersOfFailure);
    const schedulerDlq = await queueDepth(sqs, stack.queues.schedulerDlqUrl);

    const latencies: number[] = [];
    const lost: string[] = [];
    complaints.forEach((complaint, index) => {
      const acceptedTime = acceptedAt[index];
      if (acceptedTime === undefined) return;
      const firstAck = acks[index]![0];
      if (firstAck !== undefined) latencies.push(Math.max(0, firstAck.at - acceptedTime));
      else if (!dlqSenders.includes(complaint.address) && !screenedAddresses.has(complaint.address)) lost.push(complaint.address);
    });

    return {
      count: options.count,
      connections: options.connections,
      cores: availableParallelism(),
      languages: Object.fromEntries([...new Set(complaints.map((c) => c.language))].map((language) => [language, complaints.filter((c) => c.language === language).length])),
      sent: complaints.length,
      accepted,
      smtpFailures,
      acknowledged,
      duplicateAcknowledgements: acks.filter((list) => list.length > 1).length,
      unthreadedAcknowledgements: acks.filter((list, index) => list.some((ack) => ack.inReplyTo !== complaints[index]!.messageId)).length,
      complaintRecords: records.length,
      duplicateComplaintRecords: [...recordsPerMessage.values()].filter((n) => n > 1).length,
      screened: screenedAddresses.size,
      inboundDlq: dlqSenders.length,
      schedulerDlq,
      lost,
      wallMs: performance.now() - started,
      sendingMs: lastAcceptAt - firstSendAt,
      firstSendToLastAckMs: lastAckAt - firstSendAt,
      latencyMs: summarize(latencies),
      inboundInvocations: inboundMs.length,
      inboundInvocationMs: summarize(inboundMs),
      eventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      cpuMsPerComplaint: (cpu.user + cpu.system) / 1000 / Math.max(1, accepted),
    };
  } finally {
    progress.stop();
    unsubscribe();
    transport.close();
    dynamo?.destroy();
    sqs?.destroy();
    await stack.dispose();
  }
}

export function toBenchResult(report: LoadReport): BenchResult {
  const throughput = report.acknowledged / (report.firstSendToLastAckMs / 1000);
  return {
    title: `Load: ${report.count.toLocaleString('en')} complaints over SMTP to the local stack (${report.connections} pooled connections, ${report.cores} cores; latency = SMTP 250 → acknowledgement in the SES outbox)`,
    rows: [
      { name: 'complaints sent', value: report.sent, unit: '' },
      { name: 'accepted by the SMTP ingress (250)', value: report.accepted, unit: '' },
      { name: 'acknowledged', value: report.acknowledged, unit: '' },
      { name: 'throughput, first send → last acknowledgement', value: throughput, unit: '/s' },
      { name: 'SMTP ingress accept rate', value: report.accepted / (report.sendingMs / 1000), unit: '/s' },
      { name: 'latency p50', value: report.latencyMs.p50, unit: 'ms' },
      { name: 'latency p90', value: report.latencyMs.p90, unit: 'ms' },
      { name: 'latency p99', value: report.latencyMs.p99, unit: 'ms', target: `< ${P99_TARGET_MS} ms`, ok: report.latencyMs.p99 < P99_TARGET_MS },
      { name: 'latency max', value: report.latencyMs.max, unit: 'ms' },
      { name: 'lost (accepted, no acknowledgement, in no DLQ, not screened)', value: report.lost.length, unit: '', target: '= 0', ok: report.lost.length === 0 },
      { name: 'duplicate acknowledgements (complaints with > 1)', value: report.duplicateAcknowledgements, unit: '', target: '= 0', ok: report.duplicateAcknowledgements === 0 },
      { name: 'duplicate complaint records (Message-IDs with > 1)', value: report.duplicateComplaintRecords, unit: '', target: '= 0', ok: report.duplicateComplaintRecords === 0 },
      { name: 'acknowledgements not threaded on the complaint', value: report.unthreadedAcknowledgements, unit: '', target: '= 0', ok: report.unthreadedAcknowledgements === 0 },
      { name: 'complaint records in DynamoDB', value: report.complaintRecords, unit: '' },
      { name: 'screened', value: report.screened, unit: '' },
      { name: 'DLQ: inbound failures + scheduler', value: report.inboundDlq + report.schedulerDlq, unit: '' },
      { name: 'inbound Lambda time per invocation p50', value: report.inboundInvocationMs.p50, unit: 'ms' },
      { name: 'inbound Lambda time per invocation p99', value: report.inboundInvocationMs.p99, unit: 'ms' },
      { name: 'CPU per complaint (whole stack, one process)', value: report.cpuMsPerComplaint, unit: 'ms' },
      { name: 'event-loop delay p99', value: report.eventLoopDelayP99Ms, unit: 'ms' },
      { name: 'wall time incl. stack start and checks', value: report.wallMs / 1000, unit: 's' },
    ],
    notes: [
      `languages: ${Object.entries(report.languages).map(([language, n]) => `${language} ${n}`).join(', ')}; distinct senders, Message-IDs and order numbers; bodies from test/eval/complaints.jsonl`,
      'client, SMTP ingress, S3/SQS/DynamoDB/SES stand-ins and every handler share one Node process, so the latency includes queueing behind the other in-flight complaints',
      `p99 target ${P99_TARGET_MS} ms: the process is CPU-bound, so latency ≈ complaints in flight / throughput; the target fails when the backlog grows with the run or per-complaint work doubles`,
      ...(report.smtpFailures.length > 0 ? [`SMTP failures: ${report.smtpFailures.slice(0, 5).join('; ')}${report.smtpFailures.length > 5 ? '…' : ''}`] : []),
      ...(report.lost.length > 0 ? [`lost: ${report.lost.slice(0, 10).join(', ')}${report.lost.length > 10 ? '…' : ''}`] : []),
    ],
  };
}

/** For `npm run bench`: the load in a process of its own (see the top of this file). */
export async function benchLoad(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'complaints-load-'));
  const reportFile = join(dir, 'report.json');
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--report', reportFile], { stdio: 'inherit' });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`the load bench exited with ${code}`);
    return toBenchResult(JSON.parse(readFileSync(reportFile, 'utf8')) as LoadReport);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function summarize(values: number[]): LatencySummary {
  if (values.length === 0) return { p50: Number.NaN, p90: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: rank(50), p90: rank(90), p99: rank(99), max: sorted.at(-1)!, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

interface Progress {
  update(acknowledged: number, accepted: number): void;
  stop(): void;
}

/** A bar on a terminal; otherwise a line every 10 % of acknowledgements. Always on stderr. */
function progressReporter(total: number, enabled: boolean): Progress {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const started = performance.now();
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'load |{bar}| {value}/{total} acknowledged · {accepted} accepted · {rate}/s · {duration_formatted}', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { accepted: 0, rate: '0.0' });
    let stopped = false;
    return {
      update: (acknowledged, accepted) => bar.update(acknowledged, { accepted, rate: (acknowledged / ((performance.now() - started) / 1000)).toFixed(1) }),
      stop: () => {
        if (!stopped) bar.stop();
        stopped = true;
      },
    };
  }
  let nextTenth = 1;
  return {
    update(acknowledged, accepted) {
      while (nextTenth <= 10 && acknowledged >= Math.ceil((total * nextTenth) / 10)) {
        process.stderr.write(`load: ${acknowledged}/${total} acknowledged (${nextTenth * 10} %), ${accepted} accepted, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
        nextTenth += 1;
      }
    },
    stop: () => undefined,
  };
}

/** Empties a queue (the run is over, nothing else reads it) and returns the bodies. */
async function receiveAll(sqs: SQSClient, queueUrl: string): Promise<string[]> {
  const bodies: string[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 300 }));
    if (Messages.length === 0) return bodies;
    bodies.push(...Messages.map((message) => message.Body ?? ''));
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: Messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle! })) }));
  }
}

async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
  return Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
}

/** The envelope senders in an on-failure destination record (the SES receipt event it carries). */
function sendersOfFailure(body: string): string[] {
  const record = JSON.parse(body) as { requestPayload?: { Records?: Array<{ ses?: { mail?: { source?: string } } }> } };
  return (record.requestPayload?.Records ?? []).flatMap((r) => (r.ses?.mail?.source ? [r.ses.mail.source.toLowerCase()] : []));
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return parsed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { count: { type: 'string' }, connections: { type: 'string' }, report: { type: 'string' } } });
  try {
    const report = await runLoad({
      count: positiveInteger(values.count ?? process.env.BENCH_LOAD_COUNT, DEFAULT_COUNT, 'BENCH_LOAD_COUNT / --count'),
      connections: positiveInteger(values.connections ?? process.env.BENCH_LOAD_CONNECTIONS, DEFAULT_CONNECTIONS, 'BENCH_LOAD_CONNECTIONS / --connections'),
      progress: true,
    });
    if (values.report !== undefined) writeFileSync(values.report, JSON.stringify(report));
    else process.exitCode = printResult(toBenchResult(report)) === 0 ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
