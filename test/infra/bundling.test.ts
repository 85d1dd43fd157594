import { build } from 'esbuild';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lambdaBuildOptions, shipPackages } from '../../infra/stack/bundling.ts';

// Under the project, so the externals Lambda provides (the AWS SDK) resolve from node_modules.
mkdirSync(resolve('.build'), { recursive: true });
const dir = mkdtempSync(join(resolve('.build'), 'bundling-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Lambda bundling', () => {
  it('decodes a CJK charset with iconv-lite shipped beside the bundle instead of inside it', async () => {
    const outfile = join(dir, 'parse.mjs');
    const result = await build({ ...lambdaBuildOptions(process.cwd()), entryPoints: [resolve('functions/mail/parse.ts')], outfile, metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('iconv-lite'))).toBe(false);
    // One copy of libmime, not its ES module and CommonJS builds side by side.
    expect(inputs.filter((input) => /libmime\/dist\/(esm|cjs)\/libmime\.js$/.test(input))).toEqual(['node_modules/libmime/dist/cjs/libmime.js']);
    // `he` and its entity tables replaced by the one function mailparser calls.
    expect(inputs.filter((input) => /(^|\/)he\//.test(input) || input.endsWith('shims/he.ts'))).toEqual(['infra/stack/shims/he.ts']);
    shipPackages(process.cwd(), dir);
    const shiftJis = Buffer.concat([
      Buffer.from('From: tanaka@customer.test\r\nTo: complaints@example.com\r\nSubject: test\r\nContent-Type: text/plain; charset=Shift_JIS\r\n\r\n'),
      Buffer.from([0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd]), // こんにちは
    ]);
    writeFileSync(join(dir, 'mail.eml'), shiftJis);
    const runner = join(dir, 'run.mjs');
    writeFileSync(
      runner,
      `import { readFileSync } from 'node:fs';\nconst { parseInbound } = await import('./parse.mjs');\n` +
        `const mail = await parseInbound(readFileSync(new URL('./mail.eml', import.meta.url)), { parseTimeoutMs: 5000, maxHtmlChars: 100000 });\nconsole.log(mail.text);\n`,
    );
    expect(execFileSync(process.execPath, [runner], { encoding: 'utf8' }).trim()).toBe('こんにちは');
  });
});

describe('the he shim', () => {
  it('escapes everything special in HTML text and attributes, as he.encode does, and leaves the rest', async () => {
    const he = (await import('../../infra/stack/shims/he.ts')).default;
    expect(he.encode(`<script>alert("x")</script> & 'quoted' \`tick\` a=b`)).toBe(
      '&#x3C;script&#x3E;alert(&#x22;x&#x22;)&#x3C;/script&#x3E; &#x26; &#x27;quoted&#x27; &#x60;tick&#x60; a&#x3D;b',
    );
    expect(he.encode('Grüße, Øresund – 東京', { useNamedReferences: true })).toBe('Grüße, Øresund – 東京');
  });
});

describe('the real inbound bundle', () => {
  it('runs in plain Node against the stand-ins: parses, stores, renders and sends', async () => {
    const { startTestStack } = await import('../support/local-stack.ts');
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const { s3Client } = await import('#adapters/aws-clients');
    const stack = await startTestStack({ pollScheduler: false });
    try {
      const outfile = join(dir, 'inbound.mjs');
      await build({ ...lambdaBuildOptions(process.cwd()), entryPoints: [resolve('functions/handlers/inbound.ts')], outfile });
      shipPackages(process.cwd(), dir);
      const messageId = 'bundlecheck00000000000000000000000000000';
      const raw = 'From: Ola <ola@customer.test>\r\nTo: complaints@example.com\r\nSubject: Pakken kom aldri\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nJeg har ikke fått pakken min.\r\n';
      await s3Client().send(new PutObjectCommand({ Bucket: 'complaints-mail', Key: `inbound/${messageId}`, Body: raw }));
      const event = {
        Records: [{ eventSource: 'aws:ses', ses: { mail: { messageId, timestamp: new Date().toISOString(), source: 'ola@customer.test', destination: ['complaints@example.com'] }, receipt: { recipients: ['complaints@example.com'] } } }],
      };
      const runner = join(dir, 'invoke.mjs');
      writeFileSync(runner, `const { handler } = await import('./inbound.mjs');\nconsole.log(JSON.stringify(await handler(${JSON.stringify(event)})));\n`);
      // Asynchronously: the stand-ins live in this process and must keep answering meanwhile.
      const { stdout: output } = await promisify(execFile)(process.execPath, [runner], { encoding: 'utf8', env: { ...process.env, ...stack.env } });
      const [outcome] = JSON.parse(output.trim().split('\n').at(-1)!) as Array<{ outcome: string; reference: string }>;
      expect(outcome?.outcome).toBe('complaint');
      const sent = (await stack.outbox.messages()).filter((mail) => mail.envelope.destinations.includes('ola@customer.test'));
      expect(sent).toHaveLength(1);
      expect(sent[0]!.subject).toContain(outcome!.reference);
    } finally {
      await stack.dispose();
    }
  });
});
