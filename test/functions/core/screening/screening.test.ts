import { describe, expect, it } from 'vitest';
import { screen } from '#core/screening/index';
import { screeningInput, type Overrides } from './input.ts';

// Every rule file's tests build their input the same way (input.ts).
const input = screeningInput;

describe('screening', () => {
  it('accepts an ordinary customer mail', () => {
    expect(screen(input())).toEqual({ accepted: true });
    expect(screen(input({ headers: { 'Auto-Submitted': 'no' } }))).toEqual({ accepted: true });
  });

  it.each([
    ['auto-submitted', { headers: { 'Auto-Submitted': 'auto-replied' } }],
    ['auto-submitted', { headers: { 'Auto-Submitted': 'auto-generated; owner-email="x@y"' } }],
    ['precedence', { headers: { Precedence: 'bulk' } }],
    ['precedence', { headers: { Precedence: 'list' } }],
    ['precedence', { headers: { Precedence: 'junk' } }],
    ['mailing-list', { headers: { 'List-Id': '<news.example.org>' } }],
    ['mailing-list', { headers: { 'List-Unsubscribe': '<mailto:u@example.org>' } }],
    ['null-return-path', { headers: { 'Return-Path': '<>' } }],
    ['null-return-path', { envelopeSender: '' }],
    ['delivery-report', { contentType: 'multipart/report' }],
    ['automated-sender', { from: { address: 'mailer-daemon@mx.example.org', name: '' } }],
    ['automated-sender', { from: { address: 'postmaster@example.org', name: '' } }],
    ['automated-sender', { from: { address: 'no-reply@shop.example.org', name: '' } }],
    ['automated-sender', { from: { address: 'noreply@shop.example.org', name: '' } }],
    ['autoreply-headers', { headers: { 'X-Autoreply': 'yes' } }],
    ['own-address', { from: { address: 'complaints+CMP-ABCDEF@example.com', name: '' } }],
    ['spam', { verdicts: { spam: 'FAIL', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' } }],
    ['virus', { verdicts: { spam: 'PASS', virus: 'FAIL', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' } }],
    ['missing-sender', { from: undefined }],
    ['own-message-id', { ownMessageId: '<abc@eu-west-1.amazonses.com>' }],
    ['dmarc', { verdicts: { spam: 'PASS', virus: 'PASS', spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL', dmarcPolicy: 'reject' } }],
    ['out-of-office-subject', { subject: 'Automatic reply: My order' }],
    ['precedence', { headers: { Precedence: 'auto_reply' } }],
  ] as const)('screens by %s', (rule, overrides) => {
    const verdict = screen(input(overrides as Overrides));
    expect(verdict).toMatchObject({ accepted: false, rule });
    expect(verdict.accepted === false && verdict.reason.length > 0).toBe(true);
  });

  it('names our own mail coming back as such, before calling it automatic', () => {
    const verdict = screen(input({ from: { address: 'care@example.com', name: '' }, headers: { 'Auto-Submitted': 'auto-replied' } }));
    expect(verdict).toMatchObject({ rule: 'own-address' });
  });

  it('processes a DMARC failure under policy none normally', () => {
    expect(screen(input({ verdicts: { spam: 'PASS', virus: 'PASS', spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL', dmarcPolicy: 'none' } }))).toEqual({ accepted: true });
  });

  it('records the most serious reason when several rules match', () => {
    const verdict = screen(input({ contentType: 'multipart/report', verdicts: { spam: 'FAIL', virus: 'FAIL', spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL' } }));
    expect(verdict).toMatchObject({ rule: 'virus' });
  });
});
