import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startLocalStack } from './stack.ts';

const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const port = (name: string, fallback: number) => Number.parseInt(process.env[name] ?? String(fallback), 10);

mkdirSync(dataDir, { recursive: true });
const stack = await startLocalStack({
  dataDir,
  ports: {
    smtp: port('SMTP_PORT', 2525),
    dynamodb: port('DYNAMODB_PORT', 4567),
    s3: port('S3_PORT', 4568),
    sqs: port('SQS_PORT', 9324),
    ses: port('SES_PORT', 8005),
  },
});

const envFile = resolve(dataDir, 'local-stack.env.json');
writeFileSync(envFile, JSON.stringify(stack.env, null, 2));

const address = stack.config.complaintAddress;
console.log(`
Complaint responder — local stack is running (data in ${dataDir})

  SMTP ingress (SES receiving)  smtp://127.0.0.1:${stack.smtpPort}   write to ${address}
  Outbox (SES sending)          ${stack.outbox.url}
  DynamoDB (dynalite)           ${stack.endpoints.dynamodb}   table complaints
  S3 (s3rver)                   ${stack.endpoints.s3}   bucket complaints-mail
  SQS (local-aws-sqs)           ${stack.endpoints.sqs}
  Environment for the CLI       ${envFile}

Send a first complaint:   npm run send-sample
Then:                     npx complaints list    /    npx complaints show <reference>
Stop with Ctrl-C; data survives a restart (delete ${dataDir} to start afresh).
`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await stack.stop();
  rmSync(envFile, { force: true });
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
