import { describe, expect, it } from 'vitest';
import { AsyncInvoker } from '#local/lambda-invoker';

describe('AsyncInvoker (Lambda asynchronous invocation)', () => {
  it('retries a failing invocation and hands the last error to the on-failure destination', async () => {
    const failures: Array<{ event: unknown; message: string; attempts: number }> = [];
    const invoker = new AsyncInvoker({
      retryAttempts: 2,
      retryDelaysMs: [1, 1],
      onFailure: async (event, error, attempts) => {
        failures.push({ event, message: error.message, attempts });
      },
    });
    let calls = 0;
    invoker.invoke(async () => {
      calls += 1;
      throw new Error(`boom ${calls}`);
    }, { id: 'e1' });
    await invoker.drain();
    expect(calls).toBe(3);
    expect(failures).toEqual([{ event: { id: 'e1' }, message: 'boom 3', attempts: 3 }]);
  });

  it('stops retrying once an attempt succeeds', async () => {
    const successes: number[] = [];
    const invoker = new AsyncInvoker({
      retryAttempts: 2,
      retryDelaysMs: [1, 1],
      onFailure: async () => {
        throw new Error('must not be called');
      },
      onSuccess: (_event, _result, attempts) => successes.push(attempts),
    });
    let calls = 0;
    invoker.invoke(async () => {
      calls += 1;
      if (calls === 1) throw new Error('transient');
      return 'ok';
    }, {});
    await invoker.drain();
    expect(calls).toBe(2);
    expect(successes).toEqual([2]);
  });
});
