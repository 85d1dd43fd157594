export type AsyncHandler<E> = (event: E) => Promise<unknown>;

export interface AsyncInvokeOptions {
  /** Lambda retries a failed asynchronous invocation twice. */
  retryAttempts: number;
  /** Lambda waits about a minute, then two; locally we keep the shape and shrink the delays. */
  retryDelaysMs: readonly number[];
  onFailure: (event: unknown, error: Error, attempts: number) => Promise<void>;
  onSuccess?: (event: unknown, result: unknown, attempts: number) => void;
}

/**
 * Lambda's asynchronous invocation, as the SES Lambda action uses it: the caller does not wait,
 * failures are retried, and what still fails goes to the on-failure destination with its reason.
 */
export class AsyncInvoker {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: AsyncInvokeOptions) {}

  invoke<E>(handler: AsyncHandler<E>, event: E): void {
    const run = this.run(handler, event).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** Resolves when every invocation started so far has succeeded or been sent to the DLQ. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async run<E>(handler: AsyncHandler<E>, event: E): Promise<void> {
    let lastError: Error = new Error('never invoked');
    for (let attempt = 0; attempt <= this.options.retryAttempts; attempt += 1) {
      if (attempt > 0) await sleep(this.options.retryDelaysMs[attempt - 1] ?? this.options.retryDelaysMs.at(-1) ?? 1000);
      try {
        const result = await handler(event);
        this.options.onSuccess?.(event, result, attempt + 1);
        return;
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
      }
    }
    await this.options.onFailure(event, lastError, this.options.retryAttempts + 1);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
