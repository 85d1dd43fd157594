import { Logger } from '@aws-lambda-powertools/logger';
import { appConfigFromEnv, type AppConfig } from '#config/app-config';
import { RUNTIME_ENV } from '#adapters/table-schema';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'complaints' });

export interface RuntimeSettings {
  config: AppConfig;
  tableName: string;
  mailBucket: string;
  inboundPrefix: string;
  attachmentsPrefix: string;
  schedulerQueueUrl?: string;
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
    schedulerQueueUrl: env[RUNTIME_ENV.schedulerQueueUrl],
  };
}
