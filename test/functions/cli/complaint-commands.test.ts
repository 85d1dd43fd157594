import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { s3Client } from '#adapters/aws-clients';
import type { InboundOutcome } from '#workflows/ports';
import { complaintCommands, forTerminal } from '../../../functions/cli/complaint-commands.ts';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';

let stack: TestStack;
let handler: (event: unknown) => Promise<InboundOutcome[]>;

beforeAll(async () => {
  stack = await startTestStack();
  ({ handler } = await import('../../../functions/handlers/inbound.ts'));
});
afterAll(async () => {
  await stack?.dispose();
});

const ESC = '\u001b';
/** Subject, name and body as a hostile customer sends them: colour, a window-title OSC, a bell, a C1 CSI, a bidi override. */
const ANSI_SUBJECT = `${ESC}[2J${ESC}[31mRefund now${ESC}[0m${ESC}]0;pwned\u0007 \u009b5m \u202Egnp.exe`;

async function hostileComplaint(): Promise<string> {
  const messageId = `cli${Date.now().toString(36)}`.padEnd(40, '0');
  const raw = [
    `From: =?utf-8?q?Mallory_=1B=5B1m_Bold?= <mallory@customer.test>`,
    'To: complaints@example.com',
    `Subject: ${ANSI_SUBJECT}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `My order 55321 is broken.\r\n${ESC}[8mhidden${ESC}[0m\u0008\u0008\u0008 and a NUL\u0000.`,
    '',
  ].join('\r\n');
  await s3Client().send(new PutObjectCommand({ Bucket: 'complaints-mail', Key: `inbound/${messageId}`, Body: Buffer.from(raw, 'utf8') }));
  const pass = { status: 'PASS' };
  const [outcome] = await handler({
    Records: [
      {
        eventSource: 'aws:ses',
        ses: {
          mail: { messageId, timestamp: new Date().toISOString(), source: 'mallory@customer.test', destination: ['complaints@example.com'] },
          receipt: { recipients: ['complaints@example.com'], spamVerdict: pass, virusVerdict: pass, spfVerdict: pass, dkimVerdict: pass, dmarcVerdict: pass },
        },
      },
    ],
  });
  if (outcome?.outcome !== 'complaint') throw new Error(`expected a complaint, got ${JSON.stringify(outcome)}`);
  return outcome.reference;
}

async function run(...args: string[]): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => {
    lines.push(values.map(String).join(' '));
  });
  try {
    const program = new Command().exitOverride();
    for (const command of complaintCommands()) program.addCommand(command);
    await program.parseAsync(['node', 'complaints', ...args]);
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

describe('complaints list/show with a hostile customer subject', () => {
  it('shows control characters and escape sequences without passing them to the terminal', async () => {
    const reference = await hostileComplaint();
    for (const output of [await run('list'), await run('show', reference)]) {
      expect(output).toContain(reference);
      // Nothing a terminal acts on: no C0 control but the newline, no DEL, no C1, no bidi override.
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(output).toContain('␛[31mRefund now');
    }
    const shown = await run('show', reference);
    expect(shown).toContain('␛]0;pwned␇');
    expect(shown).toContain('hidden␛[0m␈␈␈');
    // --json stays exact: JSON escapes the controls itself.
    const json = JSON.parse(await run('show', reference, '--json')) as { complaint: { subject: string } };
    expect(json.complaint.subject).toContain(`${ESC}[31mRefund now`);
  });

  it('forTerminal keeps text and newlines and pictures every control character', () => {
    expect(forTerminal('Ærlig talt\nline two')).toBe('Ærlig talt\nline two');
    expect(forTerminal(`${ESC}[0m\r\u0000\u0007\u007f\u009b\u202e`)).toBe('␛[0m␍␀␇\ufffd\ufffd\ufffd');
  });
});
