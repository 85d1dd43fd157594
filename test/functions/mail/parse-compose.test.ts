import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { composeRawEmail, plusAddress } from '#mail/compose';
import { parseInbound } from '#mail/parse';

const limits = { parseTimeoutMs: 5_000, maxHtmlChars: 1_000_000 };

describe('parseInbound', () => {
  it('converts HTML-only mail to text and keeps threading ids', async () => {
    const raw = [
      'From: "Doe, Jane" <Jane.Doe@Customer.test>',
      'To: complaints@example.com',
      'Subject: =?UTF-8?Q?Bestilling_=C3=B8delagt?=',
      'Message-ID: <abc@customer.test>',
      'In-Reply-To: <prev@customer.test>',
      'References: <root@customer.test> <prev@customer.test>',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><body><p>Hej,</p><p>Min <b>ordre</b> er ødelagt.</p><script>alert(1)</script></body></html>',
    ].join('\r\n');
    const mail = await parseInbound(Buffer.from(raw), limits);
    expect(mail.from).toEqual({ address: 'jane.doe@customer.test', name: 'Doe, Jane' });
    expect(mail.subject).toBe('Bestilling ødelagt');
    expect(mail.text).toContain('Min ordre er ødelagt.');
    expect(mail.messageId).toBe('<abc@customer.test>');
    expect(mail.inReplyTo).toBe('<prev@customer.test>');
    expect(mail.references).toEqual(['<root@customer.test>', '<prev@customer.test>']);
    expect(mail.contentType).toBe('text/html');
  });
});

describe('composeRawEmail', () => {
  it('never lets a customer-controlled name or subject inject a header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (name, subject) => {
        const raw = await composeRawEmail(
          {
            from: { name: 'Care', address: 'care@example.com' },
            to: [{ name: `${name}\r\nBcc: victim@evil.test`, address: 'jane@customer.test' }],
            subject: `${subject}\r\nBcc: victim@evil.test`,
            text: 'hello',
            html: '<p>hello</p>',
            references: [],
            automatic: true,
          },
          'example.com',
        );
        const parsed = await simpleParser(raw);
        expect(parsed.bcc).toBeUndefined();
        expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
      }),
      { numRuns: 50 },
    );
  });

  it('builds plus addresses carrying the reference', () => {
    expect(plusAddress('complaints@example.com', 'CMP-ABCDEF')).toBe('complaints+CMP-ABCDEF@example.com');
  });
});
