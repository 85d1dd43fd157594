import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAMBDA_BANNER, LAMBDA_EXTERNAL_MODULES, shipPackages } from '../../infra/stack/bundling.ts';

const dir = mkdtempSync(join(tmpdir(), 'complaints-bundling-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Lambda bundling', () => {
  it('decodes a CJK charset with iconv-lite shipped beside the bundle instead of inside it', async () => {
    const outfile = join(dir, 'parse.mjs');
    const result = await build({
      entryPoints: [resolve('functions/mail/parse.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      minify: true,
      external: [...LAMBDA_EXTERNAL_MODULES],
      banner: { js: LAMBDA_BANNER },
      outfile,
      metafile: true,
      logLevel: 'silent',
    });
    expect(Object.keys(result.metafile.inputs).some((input) => input.includes('iconv-lite'))).toBe(false);
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
