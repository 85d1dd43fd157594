import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '#local/stack';

export interface TestStack extends LocalStack {
  dataDir: string;
  dispose(): Promise<void>;
}

/** A whole local stack on free ports with its data in a fresh temporary folder. */
export async function startTestStack(options: Partial<LocalStackOptions> = {}): Promise<TestStack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'complaints-test-'));
  const stack = await startLocalStack({ ...options, dataDir, ports: { smtp: 0, ...options.ports }, retryDelaysMs: options.retryDelaysMs ?? [50, 100] });
  return Object.assign(stack, {
    dataDir,
    async dispose() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
