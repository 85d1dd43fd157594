import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startLocalStack } from './stack.ts';

const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const port = (name: string, fallback: number) => Number.parseInt(process.env[name] ?? String(fallback), 10);
const addresses = (name: string) => (process.env[name] ?? '').split(',').map((address) => address.trim()).filter(Boolean);

mkdirSync(dataDir, { recursive: true });
const stack = await startLocalStack({
  dataDir,
  signingSecret: persistentSecret(resolve(dataDir, 'signing-secret')),
  ports: {
    smtp: port('SMTP_PORT', 2525),
    dynamodb: port('DYNAMODB_PORT', 4567),
    s3: port('S3_PORT', 4568),
    sqs: port('SQS_PORT', 9324),
    ses: port('SES_PORT', 8005),
    feedback: port('FEEDBACK_PORT', 8006),
  },
  simulate: { bounce: addresses('SIMULATE_BOUNCE'), complaint: addresses('SIMULATE_COMPLAINT') },
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
  SQS (local-aws-sqs)           ${stack.endpoints.sqs}   scheduler queue polled like Lambda's event source mapping
  Feedback page (Function URL)  ${stack.endpoints.feedback}feedback
  Environment for the CLI       ${envFile}

Send a first complaint:   npm run send-sample
Then:                     npx complaints list    /    npx complaints show <reference>
Resolve one:              npx complaints resolve <reference> --summary "Replacement sent" --prevention "Packing check added"
Lifecycle (local timing): follow-ups every 3 min (2 at most), SLA 10 min / 30 min, feedback request 1 min after resolving.
Bounces and complaints:   SIMULATE_BOUNCE=a@x.test SIMULATE_COMPLAINT=b@x.test npm start makes mail to them bounce or
                          be reported as spam (like SES's mailbox simulator); see npx complaints suppressed.
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

/** Feedback links must keep working across restarts, so the key that signs them is kept with the data. */
function persistentSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
