import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient, s3Client } from '#adapters/aws-clients';
import { DynamoPrivacyStore } from '#adapters/dynamo-privacy-store';
import { S3PersonalObjects } from '#adapters/s3-mail-store';
import { RUNTIME_ENV } from '#adapters/table-schema';
import { addressHash } from '#core/privacy';
import { signToken } from '#core/signed-token';
import { privacyCommands, safeObjectPath } from '../../../functions/cli/privacy-commands.ts';
import { ERASED_REFERENCE, erasePersonalData, findPersonalData, type PersonalDataExport, type PrivacyDeps, type PrivacyStore } from '#workflows/privacy';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { BUCKET, jsonOf, listBucket, QUIET_CONFIG, scanTable, seedPeople, TABLE, type Item, type Person, type SeededPeople } from '../../support/seed-people.ts';

const run = promisify(execFile);
let stack: TestStack;
let people: SeededPeople;

beforeAll(async () => {
  stack = await startTestStack({ config: QUIET_CONFIG });
  people = await seedPeople(stack);
}, 120_000);
afterAll(async () => {
  await stack?.dispose();
});

function deps(store: PrivacyStore = new DynamoPrivacyStore(dynamoDocumentClient(), TABLE)): PrivacyDeps {
  return {
    store,
    objects: new S3PersonalObjects(s3Client(), BUCKET),
    config: stack.config,
    clock: { now: () => new Date() },
    secret: stack.env[RUNTIME_ENV.signingSecret]!,
    prefixes: { inbound: 'inbound/', attachments: 'attachments/', letters: 'letters/', quarantine: 'quarantine/' },
  };
}

/** The CLI commands with captured output and a scripted answer to the prompt. */
async function cli(args: string[], answer = ''): Promise<{ output: string; asked: string[] }> {
  let output = '';
  const asked: string[] = [];
  const commands = privacyCommands({ out: (text) => void (output += text), ask: async (question) => (asked.push(question), answer) });
  const command = commands.find((candidate) => candidate.name() === args[0])!;
  await command.parseAsync(args.slice(1), { from: 'user' });
  return { output, asked };
}

const BIN = new URL('../../../bin/complaints.js', import.meta.url).pathname;

function runWithInput(args: string[], input: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...stack.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}

const keyOf = (item: Item) => `${String(item.pk)} | ${String(item.sk)}`;

/**
 * What the table and bucket hold about a person, found the slow, independent way: a full scan for
 * anything naming their address, name, words, complaints or inbound messages. Counters are shared
 * by everyone and checked on their own.
 */
async function heldAbout(person: Person): Promise<{ items: Item[]; objects: string[]; counters: Item[] }> {
  const all = await scanTable();
  const references = new Set(person.references);
  const inboundIds = all
    .filter((item) => String(item.pk).startsWith('INBOUND#'))
    .filter((item) => item.from === person.address || references.has(String((item.result as { reference?: string }).reference)))
    .map((item) => String(item.sesMessageId));
  const markers = [person.address, person.name, ...person.secrets, ...person.references, ...inboundIds];
  const names = (item: Item) => markers.some((marker) => jsonOf(item).includes(marker));
  const objects = (await listBucket()).filter((key) => markers.some((marker) => key.includes(marker)));
  return {
    items: all.filter((item) => !String(item.pk).startsWith('COUNT#') && names(item)),
    objects,
    counters: all.filter((item) => String(item.pk).startsWith('COUNT#') && names(item)),
  };
}

function exportedKeys(document: PersonalDataExport): string[] {
  return [
    ...document.complaints.flatMap((complaint) => [complaint.record, ...complaint.timeline, ...complaint.emails, ...complaint.other]),
    ...document.messageIdLinks,
    ...document.inbound,
    ...document.patterns,
    ...document.suppressions,
    ...document.autoReplies,
  ]
    .map(keyOf)
    .sort();
}

describe('export and erasure of one person', () => {
  it('finds every item kind the seed wrote for Ann (so the scan below is a real check)', async () => {
    const { items, objects, counters } = await heldAbout(people.ann);
    const kinds = new Set(items.map((item) => String(item.pk).split('#')[0] + (String(item.pk).startsWith('C#') ? `/${String(item.sk).split('#')[0]}` : '')));
    expect([...kinds].sort()).toEqual(['AUTOREPLY', 'C/COMPLAINT', 'C/EMAIL', 'C/EVENT', 'INBOUND', 'MSGID', 'PATTERN', 'SUPPRESS']);
    expect(items.filter((item) => String(item.pk).startsWith('INBOUND#')).map((item) => (item.result as { outcome: string }).outcome).sort()).toEqual([
      'agent-reply',
      'agent-reply',
      'complaint',
      'complaint',
      'customer-reply',
      'screened',
    ]);
    expect(objects.map((key) => key.split('/')[0]).sort()).toEqual(['attachments', 'inbound', 'inbound', 'inbound', 'inbound', 'inbound', 'inbound', 'letters', 'quarantine']);
    expect(counters).toHaveLength(1);
  });

  it('exports everything about Ann and nothing about Bo or Cy', async () => {
    const { output } = await cli(['export', 'Annika.Private@customer.test']);
    const document = JSON.parse(output) as PersonalDataExport;
    const held = await heldAbout(people.ann);

    expect(document.format).toBe('complaints-personal-data/v1');
    expect(document.address).toBe(people.ann.address);
    expect(exportedKeys(document)).toEqual(held.items.map(keyOf).sort());
    expect(document.objects.map((object) => object.key).sort()).toEqual(held.objects);
    expect(document.categoryCounters).toEqual([{ category: 'delivery', windowStart: people.windowStart, count: 4, references: [...people.ann.references].sort() }]);
    expect(document.complaints.map((complaint) => complaint.reference).sort()).toEqual([...people.ann.references].sort());
    expect(document.counts).toMatchObject({ complaints: 2, inboundRecords: 6, suppressions: 1, autoReplies: 2, patterns: 1, counters: 1, objects: 9 });
    for (const other of [people.bo, people.cy]) {
      for (const marker of [other.address, other.name, ...other.secrets, ...other.references]) expect(output).not.toContain(marker);
    }
  });

  it('--out writes the document and every object as a file, byte for byte', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'export-'));
    const { output } = await cli(['export', people.ann.address, '--out', folder]);
    expect(output).toContain('9 object file(s)');
    const document = JSON.parse(readFileSync(join(folder, 'export.json'), 'utf8')) as PersonalDataExport;
    const objects = new S3PersonalObjects(s3Client(), BUCKET);
    expect(document.objects).toHaveLength(9);
    for (const object of document.objects) {
      expect(object.file).toMatch(/^objects\//);
      expect(readFileSync(join(folder, object.file!)).equals((await objects.get(object.key)).content)).toBe(true);
    }
    const letter = document.objects.find((object) => object.kind === 'letter')!;
    expect(readFileSync(join(folder, letter.file!)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps sender-chosen key segments inside the export folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'export-'));
    expect(safeObjectPath(folder, 'attachments/abc/../../../etc/passwd')).toBe(join(folder, 'attachments', 'abc', '_', '_', '_', 'etc', 'passwd'));
    expect(safeObjectPath(folder, 'attachments/abc/1-a b?.pdf')).toBe(join(folder, 'attachments', 'abc', '1-a_b_.pdf'));
  });

  it('shows what it would erase and cancels on any answer but the address', async () => {
    const before = await heldAbout(people.ann);
    for (const answer of ['no', 'y', 'annika.privat@customer.test', '']) {
      const { output, asked } = await cli(['erase', people.ann.address], answer);
      expect(asked).toHaveLength(1);
      expect(output).toMatch(/\b2 {2}complaints\b/);
      expect(output).toMatch(/\b9 {2}S3 objects/);
      expect(output).toContain('Cancelled');
    }
    // The real terminal prompt: a "no" on stdin, and stdin closed without an answer.
    for (const input of ['no\n', '']) {
      const { stdout, stderr, code } = await runWithInput(['erase', people.ann.address], input);
      expect(stderr).toContain('Type the address to confirm');
      expect(stdout).toContain('Cancelled');
      expect(code).toBe(0);
    }
    const after = await heldAbout(people.ann);
    expect(after.items.map(keyOf).sort()).toEqual(before.items.map(keyOf).sort());
    expect(after.objects).toEqual(before.objects);
  });

  it('`complaints erase --yes` removes everything about Ann, leaves Bo and Cy as they were, and audits without the address', async () => {
    const bo = await heldAbout(people.bo);
    const cy = await heldAbout(people.cy);
    const [counterBefore] = (await heldAbout(people.ann)).counters;

    const { stdout } = await run(process.execPath, [BIN, 'erase', people.ann.address, '--yes'], { env: { ...process.env, ...stack.env } });
    expect(stdout).toContain('Erased.');

    const after = await heldAbout(people.ann);
    expect(after.items).toEqual([]);
    expect(after.objects).toEqual([]);
    expect(after.counters).toEqual([]);
    const all = await scanTable();
    expect(jsonOf(all)).not.toContain(people.ann.address);

    // The shared counter lost Ann's two complaints; the burst is kept without naming her complaint.
    const counter = all.find((item) => keyOf(item) === keyOf(counterBefore!))!;
    expect(counter.count).toBe(Number(counterBefore!.count) - 2);
    expect([...(counter.counted as Set<string>)].sort()).toEqual([...people.bo.references, ...people.cy.references].sort());
    const pattern = all.find((item) => String(item.pk).startsWith('PATTERN#'))!;
    expect(pattern.reference).toBe(ERASED_REFERENCE);

    const hash = (await cli(['hash', people.ann.address])).output.trim();
    expect(hash).toBe(addressHash(people.ann.address, stack.env[RUNTIME_ENV.signingSecret]!));
    const audit = all.filter((item) => String(item.pk).startsWith('ERASURE#'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ pk: `ERASURE#${hash}`, itemType: 'erasure', counts: { complaints: 2, inboundRecords: 6, objects: 9 } });
    expect(audit[0]!.expiresAt).toEqual(expect.any(Number));

    const boAfter = await heldAbout(people.bo);
    const cyAfter = await heldAbout(people.cy);
    expect(jsonOf(boAfter.items)).toBe(jsonOf(bo.items));
    expect(boAfter.objects).toEqual(bo.objects);
    expect(jsonOf(cyAfter.items)).toBe(jsonOf(cy.items));
    expect(cyAfter.objects).toEqual(cy.objects);
  });

  it('finds nothing to do when run again', async () => {
    const { output, asked } = await cli(['erase', people.ann.address]);
    expect(output).toBe(`Nothing is stored for ${people.ann.address}; nothing to erase.\n`);
    expect(asked).toEqual([]);
    expect(JSON.parse((await cli(['export', people.ann.address])).output)).toMatchObject({ counts: { complaints: 0, inboundRecords: 0, objects: 0 } });
  });

  it('drops a queued job and refuses a rating link for an erased complaint, recreating nothing', async () => {
    const { handler } = await import('../../../functions/handlers/scheduler.ts');
    const now = new Date().toISOString();
    const jobs = [
      { reference: people.ann.references[0], kind: 'follow-up', sequence: 1, scheduledAt: now, dueAt: now },
      { reference: people.ann.references[1], kind: 'first-response-check', sequence: 0, scheduledAt: now, dueAt: now },
    ];
    const sentBefore = (await stack.outbox.messages()).length;
    const result = await handler({ Records: jobs.map((job, index) => ({ messageId: `m${index}`, body: JSON.stringify(job) })) } as unknown as SQSEvent);
    expect(result.batchItemFailures).toEqual([]);
    expect((await stack.outbox.messages()).length).toBe(sentBefore);

    // A rating link from an email sent before the erasure: refused, nothing recorded.
    const token = signToken({ purpose: 'feedback', reference: people.ann.references[0]!, exp: Math.floor(Date.now() / 1000) + 3600 }, stack.env[RUNTIME_ENV.signingSecret]!);
    const page = await fetch(`${stack.endpoints.feedback}feedback`, { method: 'POST', body: new URLSearchParams({ t: token, rating: '1' }) });
    expect(page.status).toBe(404);
    expect((await stack.outbox.messages()).length).toBe(sentBefore);
    expect((await heldAbout(people.ann)).items).toEqual([]);
  });

  it('finishes an erasure that crashed halfway when run again', async () => {
    const before = await heldAbout(people.cy);
    expect(before.items.length).toBeGreaterThan(5);
    const real = new DynamoPrivacyStore(dynamoDocumentClient(), TABLE);
    let deletes = 0;
    const crashing: PrivacyStore = Object.assign(Object.create(real) as DynamoPrivacyStore, {
      delete: async (...args: Parameters<PrivacyStore['delete']>) => {
        deletes += 1;
        if (deletes > 4) throw new Error('simulated crash');
        return real.delete(...args);
      },
    });
    await expect(erasePersonalData(await findPersonalData(people.cy.address, deps(crashing)), deps(crashing))).rejects.toThrow('simulated crash');
    const halfway = await heldAbout(people.cy);
    expect(halfway.items.length).toBeGreaterThan(0);
    expect(halfway.objects).toEqual([]); // objects go first

    const rerun = await findPersonalData(people.cy.address, deps());
    expect(rerun.complaints).toHaveLength(1);
    await erasePersonalData(rerun, deps());
    const after = await heldAbout(people.cy);
    expect(after.items).toEqual([]);
    expect(after.counters).toEqual([]);
    expect((await heldAbout(people.bo)).items.length).toBeGreaterThan(0);
  });

  it('refuses an argument that is not an address', async () => {
    await expect(cli(['erase', 'CMP-ABC234'])).rejects.toThrow('"CMP-ABC234" is not an email address');
  });
});
