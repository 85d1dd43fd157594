import { ProvisionedThroughputExceededException, ThrottlingException } from '@aws-sdk/client-dynamodb';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { SESServiceException } from '@aws-sdk/client-ses';
import type { DeserializeMiddleware, InitializeMiddleware, MetadataBearer, MiddlewareStack } from '@smithy/types';
import { dynamoDocumentClient, s3Client, sesClient, sqsClient } from '#adapters/aws-clients';

/**
 * Fault injection for the real AWS SDK v3 clients the handlers use (the singletons in
 * functions/adapters/aws-clients.ts). Two middlewares per client:
 *   - at the `initialize` step, once per logical call (outside the SDK's retries): counts the call,
 *     decides which rules hit it, and throws a crash;
 *   - at the `deserialize` step, once per HTTP attempt (inside the SDK's retries): throws the
 *     injected service or network error, so the SDK classifies and retries it as it would a real one.
 * A crash stands in for the Lambda dying: once it fires, every later call of the armed session
 * fails too, so no catch block or clean-up after the crash can touch AWS.
 */

export type Service = 'dynamodb' | 's3' | 'ses' | 'sqs';

export type TransientFault =
  | 'dynamodb-throttling'
  | 'dynamodb-throughput-exceeded'
  | 'ses-throttling'
  | 'ses-service-unavailable'
  | 's3-internal-error'
  | 's3-slow-down'
  | 'network-reset';

export type Fault = TransientFault | 'crash';

export interface FaultRule {
  /** Which calls the rule looks at; omitted fields match everything. */
  service?: Service;
  /** SDK command name as the client sees it: `PutItemCommand`, `SendRawEmailCommand`, ... */
  command?: string;
  /** Hit the nth matching call of the session (1-based). */
  occurrence?: number;
  /** Hit every nth matching call. Without `occurrence` and `every`, every matching call is hit. */
  every?: number;
  fault: Fault;
  /**
   * For a crash: `before` the call reaches the service (its effect is lost) or `after` the
   * service did it (the response is lost). Default `before`.
   */
  crash?: 'before' | 'after';
  /**
   * For a transient fault: how many consecutive HTTP attempts of a hit call fail. 1 (the default)
   * is absorbed by the SDK's retries; `Infinity` outlives them. Counted across the whole session,
   * so a call retried by a later invocation continues the count.
   */
  attempts?: number;
}

export interface CallRecord {
  index: number;
  service: Service;
  command: string;
  /** HTTP attempts the SDK made for this call (more than 1 when it retried). */
  attempts: number;
}

export class InjectedCrash extends Error {
  constructor(readonly call: CallRecord, when: 'before' | 'after') {
    super(`injected crash ${when} call ${call.index} (${call.service} ${call.command})`);
    this.name = 'InjectedCrash';
  }
}

interface ActiveFault {
  rule: FaultRule;
  fault: TransientFault;
  remaining: number;
}

export class FaultInjector {
  /** Every logical SDK call made while armed, in order. */
  readonly calls: CallRecord[] = [];
  /** Every injected attempt failure, by fault. */
  readonly injected = new Map<Fault, number>();
  private rules: FaultRule[] = [];
  private armed = false;
  private crashedAt: InjectedCrash | undefined;
  private readonly matchCounts = new Map<FaultRule, number>();
  /** Transient faults still owed per (service, command, rule), so retries of the same call keep failing. */
  private readonly pending = new Map<string, ActiveFault[]>();

  /** Starts a session: clears counters and the crashed state and applies these rules. */
  arm(rules: FaultRule[] = []): void {
    this.rules = rules;
    this.calls.length = 0;
    this.injected.clear();
    this.matchCounts.clear();
    this.pending.clear();
    this.crashedAt = undefined;
    this.armed = true;
  }

  /** Only this process's own checks run afterwards: nothing is counted or failed. */
  disarm(): void {
    this.armed = false;
  }

  /** Lets the test look at the stand-ins in the middle of a session without counting or failing its calls. */
  async paused<T>(run: () => Promise<T>): Promise<T> {
    const wasArmed = this.armed;
    this.armed = false;
    try {
      return await run();
    } finally {
      this.armed = wasArmed;
    }
  }

  /** A new invocation after a crash: the next container starts alive, counts go on. */
  revive(): void {
    this.crashedAt = undefined;
  }

  get crashed(): boolean {
    return this.crashedAt !== undefined;
  }

  async during<T>(rules: FaultRule[], run: () => Promise<T>): Promise<T> {
    this.arm(rules);
    try {
      return await run();
    } finally {
      this.disarm();
    }
  }

  attach(stack: MiddlewareStack<object, MetadataBearer>, service: Service): void {
    const initialize: InitializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
      if (!this.armed) return next(args);
      const commandName = typeof context.commandName === 'string' ? context.commandName : 'UnknownCommand';
      const call: CallRecord = { index: this.calls.length + 1, service, command: commandName, attempts: 0 };
      if (this.crashedAt) throw this.crashedAt;
      this.calls.push(call);
      let crashAfter = false;
      for (const rule of this.rules) {
        if (!this.hits(rule, call)) continue;
        if (rule.fault === 'crash') {
          if ((rule.crash ?? 'before') === 'before') throw this.crash(call, 'before');
          crashAfter = true;
        } else {
          const key = `${service}/${commandName}`;
          this.pending.set(key, [...(this.pending.get(key) ?? []), { rule, fault: rule.fault, remaining: rule.attempts ?? 1 }]);
        }
      }
      (context as { [CALL]?: CallRecord })[CALL] = call;
      const result = await next(args);
      if (crashAfter) throw this.crash(call, 'after');
      return result;
    };
    const deserialize: DeserializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
      if (!this.armed) return next(args);
      if (this.crashedAt) throw this.crashedAt;
      const call = (context as { [CALL]?: CallRecord })[CALL];
      if (call) call.attempts += 1;
      const key = `${service}/${typeof context.commandName === 'string' ? context.commandName : 'UnknownCommand'}`;
      const owed = (this.pending.get(key) ?? []).find((active) => active.remaining > 0);
      if (owed) {
        owed.remaining -= 1;
        this.injected.set(owed.fault, (this.injected.get(owed.fault) ?? 0) + 1);
        throw transientError(owed.fault);
      }
      return next(args);
    };
    stack.add(initialize, { step: 'initialize', name: 'faultInjectionCall', priority: 'high', override: true });
    stack.add(deserialize, { step: 'deserialize', name: 'faultInjectionAttempt', priority: 'high', override: true });
  }

  private hits(rule: FaultRule, call: CallRecord): boolean {
    if (rule.service && rule.service !== call.service) return false;
    if (rule.command && rule.command !== call.command) return false;
    const seen = (this.matchCounts.get(rule) ?? 0) + 1;
    this.matchCounts.set(rule, seen);
    if (rule.occurrence !== undefined) return seen === rule.occurrence;
    if (rule.every !== undefined) return seen % rule.every === 0;
    return true;
  }

  private crash(call: CallRecord, when: 'before' | 'after'): InjectedCrash {
    this.crashedAt = new InjectedCrash(call, when);
    this.injected.set('crash', (this.injected.get('crash') ?? 0) + 1);
    return this.crashedAt;
  }
}

const CALL = Symbol('fault-injection call');

let installed: FaultInjector | undefined;

/** Attaches one injector to the four client singletons the handlers use (idempotent). */
export function installFaults(): FaultInjector {
  if (installed) return installed;
  const injector = new FaultInjector();
  // The document client shares the DynamoDB client's middleware stack.
  injector.attach(dynamoDocumentClient().middlewareStack as unknown as MiddlewareStack<object, MetadataBearer>, 'dynamodb');
  injector.attach(s3Client().middlewareStack as unknown as MiddlewareStack<object, MetadataBearer>, 's3');
  injector.attach(sesClient().middlewareStack as unknown as MiddlewareStack<object, MetadataBearer>, 'ses');
  injector.attach(sqsClient().middlewareStack as unknown as MiddlewareStack<object, MetadataBearer>, 'sqs');
  installed = injector;
  return injector;
}

/** The errors the services really return, shaped as the SDK's deserialisers would build them. */
export function transientError(fault: TransientFault): Error {
  const metadata = (httpStatusCode: number) => ({ httpStatusCode, requestId: `injected-${Date.now()}`, attempts: 1, totalRetryDelay: 0 });
  switch (fault) {
    case 'dynamodb-throttling':
      return new ThrottlingException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: metadata(400) });
    case 'dynamodb-throughput-exceeded':
      return new ProvisionedThroughputExceededException({
        message: 'The level of configured provisioned throughput for the table was exceeded.',
        $metadata: metadata(400),
      });
    case 'ses-throttling':
      return new SESServiceException({ name: 'Throttling', $fault: 'client', message: 'Maximum sending rate exceeded.', $metadata: metadata(400) });
    case 'ses-service-unavailable':
      return new SESServiceException({ name: 'ServiceUnavailable', $fault: 'server', message: 'Service Unavailable', $metadata: metadata(503) });
    case 's3-internal-error':
      return new S3ServiceException({ name: 'InternalError', $fault: 'server', message: 'We encountered an internal error. Please try again.', $metadata: metadata(500) });
    case 's3-slow-down':
      return new S3ServiceException({ name: 'SlowDown', $fault: 'server', message: 'Please reduce your request rate.', $metadata: metadata(503) });
    case 'network-reset':
      return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  }
}
