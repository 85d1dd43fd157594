import { Logger } from '@aws-lambda-powertools/logger';
import { appConfigFromEnv, type AppConfig } from '#config/app-config';
import { RUNTIME_ENV } from '#adapters/table-schema';
import { bundledCategories } from '#core/classify/index';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'complaints' });

export interface RuntimeSettings {
  config: AppConfig;
  tableName: string;
  mailBucket: string;
  inboundPrefix: string;
  attachmentsPrefix: string;
  /** Where resolution-letter PDFs are kept (under the mail bucket). */
  lettersPrefix: string;
  schedulerQueueUrl: string;
  /** 900 s on AWS (SQS's limit); shrunk in tests so that long waits hop quickly. */
  schedulerMaxDelaySeconds: number;
}

/** Reads and validates the environment once per container; a missing variable names itself. */
export function runtimeSettings(env: NodeJS.ProcessEnv = process.env): RuntimeSettings {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`Environment variable ${name} is not set`);
    return value;
  };
  return {
    config: appConfigFromEnv(env),
    tableName: required(RUNTIME_ENV.tableName),
    mailBucket: required(RUNTIME_ENV.mailBucket),
    inboundPrefix: env[RUNTIME_ENV.inboundPrefix] ?? 'inbound/',
    attachmentsPrefix: env[RUNTIME_ENV.attachmentsPrefix] ?? 'attachments/',
    lettersPrefix: env[RUNTIME_ENV.lettersPrefix] ?? 'letters/',
    schedulerQueueUrl: required(RUNTIME_ENV.schedulerQueueUrl),
    schedulerMaxDelaySeconds: Number.parseInt(env[RUNTIME_ENV.schedulerMaxDelaySeconds] ?? '900', 10),
  };
}

/** The key that signs feedback links and the public URL of the feedback page. */
export function feedbackSettings(env: NodeJS.ProcessEnv = process.env): { secret: string; baseUrl: string } {
  const secret = signingSecret(env);
  const baseUrl = env[RUNTIME_ENV.feedbackBaseUrl];
  if (!baseUrl) throw new Error(`Environment variable ${RUNTIME_ENV.feedbackBaseUrl} is not set`);
  return { secret, baseUrl };
}

/** The key behind every signed token and address (feedback links, agent reply addresses). */
export function signingSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env[RUNTIME_ENV.signingSecret];
  if (!secret || secret.length < 16) throw new Error(`Environment variable ${RUNTIME_ENV.signingSecret} must hold a key of at least 16 characters`);
  return secret;
}

/** The category names agents may use in #category (from the admin-edited categories.json). */
export function categoryNames(): string[] {
  const { categories, fallbackCategory } = bundledCategories();
  return [...new Set([...categories.map((category) => category.name), fallbackCategory])];
}
