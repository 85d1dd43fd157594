import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RUNTIME_ENV } from '#adapters/table-schema';

/** Where `npm start` writes the environment that points at its stand-ins. */
export const LOCAL_STACK_ENV_FILE = resolve('.data', 'local-stack.env.json');

/**
 * The CLI talks to whatever the environment names: on AWS, TABLE_NAME/MAIL_BUCKET/AWS_REGION from
 * the stack outputs; otherwise the running local stack's environment file.
 */
export function loadConnectionEnv(env: NodeJS.ProcessEnv = process.env): void {
  if (env[RUNTIME_ENV.tableName]) return;
  const file = env.COMPLAINTS_ENV_FILE ?? LOCAL_STACK_ENV_FILE;
  if (!existsSync(file)) {
    throw new CliError(
      `No stack to talk to: set ${RUNTIME_ENV.tableName} (and AWS_REGION) for a deployed stack, or run \`npm start\` so ${file} exists.`,
    );
  }
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  for (const [name, value] of Object.entries(saved)) env[name] ??= value;
}

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
