import { describe, expect, it } from 'vitest';
import { AUTOMATIC_REPLY_RULES, automaticReplyReason, outOfOfficeSubject } from '#core/screening/automatic-reply';
import { screeningInput } from './input.ts';

describe('out-of-office-subject rule', () => {
  it.each([
    'Out of Office: Re: [CMP-ABCDEF] My order',
    'Out of office',
    'Out of Office AutoReply: Your complaint',
    'Automatic reply: [CMP-ABCDEF] We received your complaint',
    'Auto-Reply: thanks',
    'AutoReply',
    'Abwesenheitsnotiz: Ihre Beschwerde',
    'Automatische Antwort: [CMP-ABCDEF] Ihre Beschwerde',
    'Fraværende: Re: reklamasjon',
    'Automatisk svar: [CMP-ABCDEF] Vi har mottatt klagen din',
    'Frånvaro: Re: klagomål',
    'Automatiskt svar: Re: klagomål',
    'Poissa 1.12.-5.12.',
    'Automaattinen vastaus: Re: valitus',
    'Réponse automatique : Re: réclamation',
    'Respuesta automática: Re: queja',
    'Automatisch antwoord: Re: klacht',
  ])('screens %j', (subject) => {
    expect(outOfOfficeSubject.check(screeningInput({ subject }))).toMatch(/^subject starts with ".+" \(automatic reply\)$/);
  });

  it.each([
    'Out of office hours support is useless',
    'Re: Automatic reply did not help me',
    'Your automatic replies are annoying',
    'Fraværende kundeservice hele uken',
    'My order never arrived',
    '',
  ])('lets %j through', (subject) => {
    expect(outOfOfficeSubject.check(screeningInput({ subject }))).toBeUndefined();
  });
});

describe('automaticReplyReason (may land silently on the customer’s complaint)', () => {
  it.each([
    [{ headers: { 'Auto-Submitted': 'auto-replied' } }, 'Auto-Submitted: auto-replied'],
    [{ headers: { 'X-Autoreply': 'yes' } }, 'x-autoreply present (automatic reply)'],
    [{ subject: 'Out of Office: Re: my order' }, 'subject starts with "Out of Office" (automatic reply)'],
    [{ headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' }, subject: 'Odpowiedź: nieobecny' }, 'Auto-Submitted: auto-generated with X-Auto-Response-Suppress (Exchange automatic reply)'],
  ] as const)('recognises %j', (overrides, reason) => {
    expect(automaticReplyReason(screeningInput(overrides))).toBe(reason);
  });

  it.each([
    [{ headers: { 'Auto-Submitted': 'auto-generated' } }],
    [{ headers: { Precedence: 'bulk' } }],
    [{ headers: { 'X-Auto-Response-Suppress': 'All' } }],
    [{}],
  ] as const)('does not call %j an automatic reply', (overrides) => {
    expect(automaticReplyReason(screeningInput(overrides))).toBeUndefined();
  });

  it('only lets rules an out-of-office reply trips hand over to threading, never bounces, lists, spam or our own mail', () => {
    for (const rule of ['auto-submitted', 'autoreply-headers', 'out-of-office-subject', 'precedence', 'null-return-path']) expect(AUTOMATIC_REPLY_RULES.has(rule)).toBe(true);
    for (const rule of ['delivery-report', 'mailing-list', 'spam', 'virus', 'dmarc', 'own-address', 'own-message-id', 'automated-sender']) expect(AUTOMATIC_REPLY_RULES.has(rule)).toBe(false);
  });
});
