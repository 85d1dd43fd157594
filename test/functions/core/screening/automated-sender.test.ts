import { describe, expect, it } from 'vitest';
import { automatedSender } from '#core/screening/automated-sender';
import { screeningInput } from './input.ts';

describe('automated-sender rule', () => {
  it.each(['MAILER-DAEMON@mx.example.org', 'postmaster@example.org', 'no-reply@shop.test', 'noreply@shop.test', 'no_reply@shop.test', 'do-not-reply@shop.test', 'donotreply@shop.test', 'bounce@lists.test', 'bounces+abc=x@lists.test', 'bounce-123@mailer.test'])(
    'screens From %s',
    (address) => {
      expect(automatedSender.check(screeningInput({ from: { address, name: '' } }))).toMatch(/^automated sender address/);
    },
  );
  it('screens a bounce-handling envelope sender', () => {
    expect(automatedSender.check(screeningInput({ envelopeSender: 'bounces-42@esp.test' }))).toBeDefined();
  });
  it.each(['jane@customer.test', 'noreen@customer.test', 'bouncer.club@customer.test', 'postmaster.general@customer.test'])('lets %s through', (address) => {
    expect(automatedSender.check(screeningInput({ from: { address, name: '' }, envelopeSender: address }))).toBeUndefined();
  });
});
