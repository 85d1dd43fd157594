import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import * as z from 'zod/mini';
import { dynamoDocumentClient, s3Client } from '#adapters/aws-clients';
import { DynamoPrivacyStore } from '#adapters/dynamo-privacy-store';
import { S3PersonalObjects } from '#adapters/s3-mail-store';
import { RUNTIME_ENV } from '#adapters/table-schema';
import { appConfigFromEnv } from '#config/app-config';
import { addressHash } from '#core/privacy';
import { systemClock } from '#workflows/ports';
import {
  countPersonalData,
  erasePersonalData,
  exportDocument,
  findPersonalData,
  isEmpty,
  normalizeAddress,
  type PersonalDataCounts,
  type PrivacyDeps,
} from '#workflows/privacy';
import { CliError, loadConnectionEnv } from './connection.ts';

/** Where the CLI writes and how it asks; tests pass their own. */
export interface PrivacyIo {
  out(text: string): void;
  ask(question: string): Promise<string>;
}

const COUNT_LABELS: Record<keyof PersonalDataCounts, string> = {
  complaints: 'complaints',
  timelineEvents: 'timeline events',
  emails: 'email log entries',
  otherComplaintItems: 'other complaint items',
  messageIdLinks: 'Message-ID links',
  inboundRecords: 'inbound mail records',
  counters: 'category counters (reference removed, count lowered)',
  patterns: 'pattern records (reference replaced)',
  suppressions: 'suppression entries',
  autoReplies: 'auto-reply cap entries',
  objects: 'S3 objects (raw mail, attachments, letters)',
};

export function privacyCommands(io: PrivacyIo = terminalIo()): Command[] {
  const exportCommand = new Command('export')
    .description('Export everything kept about one email address as one JSON document (complaints, timelines, emails, inbound mail, S3 objects).')
    .argument('<email>', 'the customer\'s address')
    .option('--out <dir>', 'write export.json and the S3 objects (raw mail, attachments, letters) as files into this folder')
    .action(async (input: string, options: { out?: string }) => {
      const address = emailArgument(input);
      const deps = privacyDeps();
      const data = await findPersonalData(address, deps);
      const document = exportDocument(data, deps.clock.now().toISOString());
      if (!options.out) return io.out(`${JSON.stringify(document, null, 2)}\n`);

      const folder = resolve(options.out);
      const objectsFolder = join(folder, 'objects');
      for (const object of document.objects) {
        const file = safeObjectPath(objectsFolder, object.key);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, (await deps.objects.get(object.key)).content);
        object.file = relative(folder, file).split(sep).join('/');
      }
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'export.json'), `${JSON.stringify(document, null, 2)}\n`);
      io.out(`Wrote ${join(folder, 'export.json')} and ${document.objects.length} object file(s) under ${objectsFolder}.\n${describeCounts(document.counts)}\n`);
    });

  const erase = new Command('erase')
    .description('Erase everything kept about one email address. Shows what it will delete and asks first; safe to run again.')
    .argument('<email>', 'the customer\'s address')
    .option('--yes', 'do not ask (for scripts)')
    .action(async (input: string, options: { yes?: boolean }) => {
      const address = emailArgument(input);
      const deps = privacyDeps();
      const data = await findPersonalData(address, deps);
      const counts = countPersonalData(data);
      if (isEmpty(counts)) return io.out(`Nothing is stored for ${address}; nothing to erase.\n`);
      io.out(`Stored for ${address}:\n${describeCounts(counts)}\n`);
      if (!options.yes) {
        const answer = await io.ask(`Erase all of this for good? Type the address to confirm: `);
        if (normalizeAddress(answer) !== address) return io.out('Cancelled: the answer was not the address. Nothing was erased.\n');
      }
      const result = await erasePersonalData(data, deps);
      io.out(`Erased. Audit record ${result.audit?.pk ?? ''} ${result.audit?.sk ?? ''} (no address in it).\n`);
    });

  const hash = new Command('hash')
    .description('Print the hash that stands for an address in the logs (grep the logs for it).')
    .argument('<email>', 'the address')
    .action((input: string) => {
      const address = emailArgument(input);
      loadConnectionEnv();
      io.out(`${addressHash(address, signingKey())}\n`);
    });

  return [exportCommand, erase, hash];
}

function privacyDeps(): PrivacyDeps {
  loadConnectionEnv();
  const env = process.env;
  return {
    store: new DynamoPrivacyStore(dynamoDocumentClient(), requiredEnv(RUNTIME_ENV.tableName)),
    objects: new S3PersonalObjects(s3Client(), requiredEnv(RUNTIME_ENV.mailBucket)),
    config: appConfigFromEnv(),
    clock: systemClock,
    secret: signingKey(),
    prefixes: {
      inbound: env[RUNTIME_ENV.inboundPrefix] ?? 'inbound/',
      attachments: env[RUNTIME_ENV.attachmentsPrefix] ?? 'attachments/',
      letters: env[RUNTIME_ENV.lettersPrefix] ?? 'letters/',
      quarantine: env.QUARANTINE_PREFIX ?? 'quarantine/',
    },
  };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new CliError(`${name} is not set (on AWS take it from the stack outputs; locally run \`npm start\`)`);
  return value;
}

function signingKey(): string {
  const secret = requiredEnv(RUNTIME_ENV.signingSecret);
  if (secret.length < 16) throw new CliError(`${RUNTIME_ENV.signingSecret} must hold the stack's signing key (at least 16 characters)`);
  return secret;
}

const emailSchema = z.email();

function emailArgument(input: string): string {
  const address = normalizeAddress(input);
  if (!emailSchema.safeParse(address).success) throw new CliError(`"${input}" is not an email address`);
  return address;
}

function describeCounts(counts: PersonalDataCounts): string {
  return (Object.keys(COUNT_LABELS) as Array<keyof PersonalDataCounts>)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `  ${String(counts[kind]).padStart(5)}  ${COUNT_LABELS[kind]}`)
    .join('\n');
}

/** The object's key as a path under `folder`; key segments are sender-chosen (attachment names), so none may climb out. */
export function safeObjectPath(folder: string, key: string): string {
  const segments = key.split('/').map((segment) => (segment === '' || segment === '.' || segment === '..' ? '_' : segment.replace(/[^\p{L}\p{N}._@+=-]/gu, '_')));
  const path = resolve(folder, ...segments);
  if (!path.startsWith(resolve(folder) + sep)) throw new CliError(`refusing to write object ${key} outside ${folder}`);
  return path;
}

function terminalIo(): PrivacyIo {
  return {
    out: (text) => process.stdout.write(text),
    async ask(question) {
      const prompt = createInterface({ input: process.stdin, output: process.stderr });
      try {
        // Input that ends without an answer (a closed pipe) is no answer: cancel.
        return await Promise.race([prompt.question(question), new Promise<string>((done) => prompt.once('close', () => done('')))]);
      } finally {
        prompt.close();
      }
    },
  };
}
