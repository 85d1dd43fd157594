import { describe, expect, it } from 'vitest';
import { HEADER_FIELD_LIMITS, htmlToText, nestingDepth, parseInbound, UnparseableMailError } from '#mail/parse';

const LIMITS = { parseTimeoutMs: 10_000, maxHtmlChars: 2_000_000 };
const MB = 1024 * 1024;

function message(headers: string[], body: string): Buffer {
  return Buffer.from([...headers, '', body, ''].join('\r\n'));
}

describe('parseInbound on pathological mail', () => {
  it('turns 100,000 nested HTML elements into text in well under the parse timeout', async () => {
    const html = `${'<div>'.repeat(100_000)}Skadet &amp; knust${'</div>'.repeat(100_000)}`;
    const started = Date.now();
    const parsed = await parseInbound(message(['From: a@customer.test', 'Subject: deep', 'Content-Type: text/html'], html), LIMITS);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(parsed.text).toBe('Skadet & knust');
  });

  it('still converts ordinary HTML with its structure', () => {
    expect(nestingDepth('<table><tr><td><p>a<br>b<img src="x"/></p></td></tr></table>')).toBe(4);
    expect(htmlToText('<p>Hello</p><p>My order <b>A-1</b> is late.</p>', 1_000)).toBe('Hello\n\nMy order A-1 is late.');
  });

  it('reports 5,000 nested multiparts and 50,000 header lines as unparseable, quickly', async () => {
    const depth = 5_000;
    const lines = ['From: a@customer.test', 'Subject: nested', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b0"', ''];
    for (let level = 1; level <= depth; level += 1) lines.push(`--b${level - 1}`, `Content-Type: multipart/mixed; boundary="b${level}"`, '');
    lines.push(`--b${depth}`, 'Content-Type: text/plain', '', 'deep', `--b${depth}--`);
    for (let level = depth - 1; level >= 0; level -= 1) lines.push(`--b${level}--`);
    const started = Date.now();
    await expect(parseInbound(Buffer.from(lines.join('\r\n')), LIMITS)).rejects.toBeInstanceOf(UnparseableMailError);
    const headers = Array.from({ length: 50_000 }, (_, index) => `X-Header-${index}: value`);
    await expect(parseInbound(message(['From: a@customer.test', ...headers], 'body'), LIMITS)).rejects.toThrow(/could not be parsed/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('bounds the header-borne fields that reach DynamoDB items and index look-ups', async () => {
    const references = Array.from({ length: 500 }, (_, index) => `<r${index}@customer.test>`).join(' ');
    const parsed = await parseInbound(
      message([`From: "${'N'.repeat(5_000)}" <a@customer.test>`, `Subject: ${'S'.repeat(50_000)}`, `Message-ID: <${'m'.repeat(5_000)}@customer.test>`, `References: ${references}`], 'body'),
      LIMITS,
    );
    expect(parsed.subject).toHaveLength(HEADER_FIELD_LIMITS.subjectChars);
    expect(parsed.from?.name).toHaveLength(HEADER_FIELD_LIMITS.nameChars);
    expect(parsed.messageId).toBeUndefined();
    expect(parsed.references).toHaveLength(HEADER_FIELD_LIMITS.references);
    expect(parsed.references.at(-1)).toBe('<r499@customer.test>');
  });

  it('parses a 30 MB message within a bounded memory growth (figure logged)', async () => {
    const attachment = Buffer.alloc(21 * MB, 7).toString('base64').replace(/.{76}/g, '$&\r\n');
    const html = `<p>${'Skadet vare. '.repeat(150_000)}</p>`;
    const raw = message(
      ['From: a@customer.test', 'Subject: big', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"'],
      ['--b', 'Content-Type: text/html; charset=utf-8', '', html, '--b', 'Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename="x.bin"', 'Content-Transfer-Encoding: base64', '', attachment, '--b--'].join('\r\n'),
    );
    const before = process.memoryUsage();
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = Date.now();
    const parsed = await parseInbound(raw, LIMITS);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMb = (peak - before.rss) / MB;
    console.info(`parse of a ${(raw.length / MB).toFixed(1)} MB message: ${Date.now() - started} ms, peak RSS growth ${growthMb.toFixed(0)} MB`);
    expect(parsed.attachments[0]?.size).toBe(21 * MB);
    expect(parsed.text.length).toBeGreaterThan(1_000_000);
    // The inbound function has 512 MB; the raw download (30 MB) and the runtime (~100 MB) come on top.
    expect(growthMb).toBeLessThan(300);
  });
});
