import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations, type Environment } from 'aws-cdk-lib';
import { ConfigError } from '#config/app-config';
import { ComplaintStack } from './complaint-stack.ts';
import { DEPLOY_CONFIG_CONTEXT_KEY, parseDeployConfig, runtimeConfigOf, type DeployConfig } from './deploy-config.ts';
import { nagPacks } from './nag.ts';

/** The repository root (this file lives in infra/stack/). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_HANDLERS_DIR = join(PROJECT_ROOT, 'functions', 'handlers');

export interface BuildOptions {
  /** An existing App (the CLI's, with its context); otherwise one is created from `context`. */
  readonly app?: App;
  /** Context for a new App, e.g. cdk.json's "context" (feature flags). */
  readonly context?: Record<string, unknown>;
  readonly outdir?: string;
  /** Where inbound.ts, scheduler.ts and feedback.ts live; relative paths are taken from the repository root. */
  readonly handlersDir?: string;
  /** Registers the cdk-nag packs (AwsSolutions and the project's own) as validation plugins: findings fail synth. Default true. */
  readonly nag?: boolean;
  /** Skips esbuild (fast synth for tests that only look at non-code properties). */
  readonly skipBundling?: boolean;
  /** Record the stack's cdk-nag acknowledgements (default true). */
  readonly acknowledgeNagFindings?: boolean;
  readonly env?: Environment;
}

export interface BuiltApp {
  readonly app: App;
  readonly stack: ComplaintStack;
  readonly config: DeployConfig;
}

/** The "context" object of the repository's cdk.json (example deploy config and feature flags). */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

/**
 * Validates the deploy configuration and builds the stack. `rawConfig` defaults to the app's
 * "complaints" context. Throws ConfigError (message names each bad field) on invalid configuration.
 */
export function buildApp(rawConfig?: unknown, options: BuildOptions = {}): BuiltApp {
  const context: Record<string, unknown> = { ...options.context };
  if (options.skipBundling) context['aws:cdk:bundling-stacks'] = [];
  const app = options.app ?? new App({ context, ...(options.outdir ? { outdir: options.outdir } : {}) });
  const config = parseDeployConfig(rawConfig === undefined ? app.node.tryGetContext(DEPLOY_CONFIG_CONTEXT_KEY) : rawConfig);

  // The scheduler used to be optional (-c scheduler=auto|required|off). Now it always exists: without it,
  // follow-ups, escalations, feedback requests and thank-yous would sit in the queue until they expire.
  // "required" still means what it says; anything else is refused rather than silently ignored.
  const schedulerContext: unknown = app.node.tryGetContext('scheduler');
  if (schedulerContext !== undefined && schedulerContext !== 'required') {
    throw new ConfigError(
      'cdk context "scheduler"',
      `  scheduler: ${JSON.stringify(schedulerContext)} is no longer supported: the scheduler function is always deployed (to pause scheduled mail, disable its event source mapping; see infra/DEPLOY.md)`,
    );
  }
  const handlersDir = options.handlersDir ?? (app.node.tryGetContext('handlersDir') as string | undefined);
  const stack = new ComplaintStack(app, config.stackName, {
    config,
    projectRoot: PROJECT_ROOT,
    handlersDir: handlersDir ? (isAbsolute(handlersDir) ? handlersDir : resolve(PROJECT_ROOT, handlersDir)) : DEFAULT_HANDLERS_DIR,
    acknowledgeNagFindings: options.acknowledgeNagFindings ?? true,
    description: `Email-first complaint responder for ${config.domain} (SES receiving, Lambda, DynamoDB, SQS, S3).`,
    ...(options.env ? { env: options.env } : {}),
  });
  if (options.nag ?? true) Validations.of(app).addPlugins(...nagPacks(app));
  return { app, stack, config };
}

/**
 * What infra/app.ts runs: build and synthesize; a configuration error is reported as its message (naming
 * the offending fields) and exit code 1 instead of a stack trace. Other errors propagate.
 */
export function runApp(options: BuildOptions = {}, log: (message: string) => void = console.error): number {
  try {
    buildApp(undefined, options).app.synth();
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      log(error.message);
      return 1;
    }
    throw error;
  }
}

/**
 * The runtime configuration exactly as the functions receive it in COMPLAINTS_CONFIG (validated, defaults
 * applied, deploy-only fields dropped), as one line of JSON. `rawConfig` defaults to cdk.json's
 * "complaints". The operator CLI needs it when run against a deployed stack.
 */
export function runtimeConfigJson(rawConfig: unknown = cdkJsonContext()[DEPLOY_CONFIG_CONTEXT_KEY]): string {
  return JSON.stringify(runtimeConfigOf(parseDeployConfig(rawConfig)));
}
