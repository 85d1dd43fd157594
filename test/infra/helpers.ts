import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, cdkJsonContext, type BuildOptions, type BuiltApp } from '../../infra/stack/build.ts';

/** Stub inbound.ts, scheduler.ts, feedback.ts and report.ts, so the stack synthesizes whatever state functions/handlers is in. */
export const STUB_HANDLERS_DIR = fileURLToPath(new URL('./fixtures/handlers/', import.meta.url));

/** cdk.json's context (feature flags and the example "complaints" configuration). */
export const CDK_CONTEXT = cdkJsonContext();

export function exampleConfig(): Record<string, unknown> {
  return structuredClone(CDK_CONTEXT['complaints']) as Record<string, unknown>;
}

/** Builds the app the way the CLI would (cdk.json context), with the stub handlers and its own outdir. */
export function buildTestApp(rawConfig: unknown = exampleConfig(), options: BuildOptions = {}): BuiltApp {
  return buildApp(rawConfig, {
    context: CDK_CONTEXT,
    outdir: mkdtempSync(join(tmpdir(), 'complaints-cdk-')),
    handlersDir: STUB_HANDLERS_DIR,
    ...options,
  });
}
