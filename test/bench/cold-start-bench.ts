import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LAMBDA_EXTERNAL_MODULES } from '../../infra/stack/bundling.ts';
import { bundleEntry } from './bundle.ts';
import type { BenchResult } from './types.ts';

const OUT = resolve('.build/bench');
const RUNS = 7;

/**
 * Module initialisation of the inbound handler's bundle (a cold-start proxy), against a baseline
 * that also loads mjml at run time, as a handler compiling MJML per email would.
 */
export async function benchColdStart(): Promise<BenchResult> {
  mkdirSync(OUT, { recursive: true });
  const handlerEntry = resolve('functions/handlers/inbound.ts');
  const baselineEntry = join(OUT, 'baseline-entry.ts');
  writeFileSync(baselineEntry, `import mjml2html from 'mjml';\nexport { handler } from ${JSON.stringify(handlerEntry)};\nexport const compile = mjml2html;\n`);

  const handlerBytes = await bundleEntry(handlerEntry, join(OUT, 'inbound.mjs'));
  const baselineBytes = await bundleEntry(baselineEntry, join(OUT, 'baseline.mjs'), { external: [...LAMBDA_EXTERNAL_MODULES, 'mjml', 'mjml-*'] });

  const handlerInit = medianInitMs(join(OUT, 'inbound.mjs'));
  const baselineInit = medianInitMs(join(OUT, 'baseline.mjs'));
  const sdkInit = medianInitMs(undefined);

  return {
    title: 'Inbound handler bundle and cold start (module init in fresh processes, median of 7; the AWS SDK is external, so it is loaded first and timed on its own)',
    rows: [
      { name: 'bundle size (AWS SDK external)', value: handlerBytes / 1024, unit: 'KiB', target: '< 1024 KiB', ok: handlerBytes < 1024 * 1024 },
      { name: 'module init of the bundle, precompiled templates', value: handlerInit, unit: 'ms', target: '< 150 ms', ok: handlerInit < 150 },
      { name: 'module init, baseline loading mjml at run time', value: baselineInit, unit: 'ms' },
      { name: 'baseline bundle size (mjml from node_modules)', value: baselineBytes / 1024, unit: 'KiB' },
      { name: 'init saved by compiling MJML at build time', value: baselineInit - handlerInit, unit: 'ms', ok: baselineInit > handlerInit },
      { name: 'AWS SDK clients (runtime-provided, loaded before the bundle)', value: sdkInit, unit: 'ms' },
    ],
  };
}

/** The SDK clients the bundle imports; Lambda's runtime provides them, so they load before the bundle's own code is timed. */
const SDK_MODULES = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/client-s3', '@aws-sdk/client-ses', '@aws-sdk/client-sqs'];

/** Median time to import `bundle` in a fresh process after the SDK is loaded (or, without a bundle, to load the SDK). */
function medianInitMs(bundle: string | undefined): number {
  const sdk = SDK_MODULES.map((name) => `await import(${JSON.stringify(name)});`).join(' ');
  const script = bundle
    ? `${sdk} const t = performance.now(); await import(${JSON.stringify(bundle)}); process.stdout.write(String(performance.now() - t));`
    : `const t = performance.now(); ${sdk} process.stdout.write(String(performance.now() - t));`;
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: OUT,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    if (result.status !== 0) throw new Error(`importing ${bundle ?? 'the AWS SDK'} failed:\n${result.stderr}`);
    samples.push(Number.parseFloat(result.stdout));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}
