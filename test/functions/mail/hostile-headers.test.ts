import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { composeRawEmail, headerText, type OutboundEmail } from '#mail/compose';
import { parseInbound } from '#mail/parse';

const limits = { parseTimeoutMs: 5_000, maxHtmlChars: 1_000_000 };

describe('From addresses we could not reply to', () => {
  it.each([
    ['markup around the @', '"><svg onload=alert(1)> <a href="x">click</a> <h@customer.test>'],
    ['a semicolon list in the angle brackets', 'Name <foo@bar.test;x@y>'],
    ['no domain dot', 'root@localhost'],
  ])('screen as missing sender: %s', async (_, from) => {
    const mail = await parseInbound(Buffer.from(`From: ${from}\r\nSubject: x\r\n\r\nbody\r\n`), limits);
    expect(mail.from).toBeUndefined();
  });

  it('keeps ordinary and international addresses', async () => {
    for (const [from, address] of [
      ['"Doe, Jane" <Jane.Doe+tag@Customer.test>', 'jane.doe+tag@customer.test'],
      ['Jürgen <jürgen@bücher.example>', 'jürgen@bücher.example'],
      ["o'brien@customer.test", "o'brien@customer.test"],
    ]) {
      const mail = await parseInbound(Buffer.from(`From: ${from}\r\nSubject: x\r\n\r\nbody\r\n`), limits);
      expect(mail.from?.address).toBe(address);
    }
  });
});

describe('customer words in the headers we send', () => {
  const email = (subject: string, name: string): OutboundEmail => ({
    from: { name: 'Northwind Goods', address: 'care@example.com' },
    to: [{ name, address: 'kim@customer.test' }],
    subject,
    text: 'text',
    html: '<p>html</p>',
    references: [],
    automatic: true,
  });

  it('never lets an encoded-word the customer typed decode into a new line or header', async () => {
    const injected = '=?utf-8?q?Hello=0D=0ABcc:_x@evil.test?=';
    const raw = await composeRawEmail(email(`Re: ${injected}`, injected), 'example.com');
    const mail = await simpleParser(raw);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject?.replace(/\u2060/g, '')).toBe(`Re: ${injected}`);
    expect(mail.bcc).toBeUndefined();
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.value : [];
    expect(to.map((entry) => entry.address)).toEqual(['kim@customer.test']);
    expect(to[0]?.name).not.toMatch(/[\r\n]/);
  });

  it('drops control characters, ANSI escapes and bidi overrides from header text', () => {
    expect(headerText('A\u0000B\u001b[31mC\u009bD\u202eE\r\nF')).toBe('A B [31mC D E F');
  });
});
