import { describe, expect, it } from 'vitest';
import { baseAddress, ownAddress } from '#core/screening/own-address';
import { screeningInput } from './input.ts';

describe('own-address rule', () => {
  it.each(['care@example.com', 'Complaints@Example.com', 'complaints+CMP-ABCDEF@example.com', 'agents+CMP-ABCDEF.token@example.com'])('screens From %s', (address) => {
    expect(ownAddress.check(screeningInput({ from: { address, name: '' } }))).toMatch(/^sent from our own address/);
  });
  it('screens our address as the envelope sender', () => {
    expect(ownAddress.check(screeningInput({ envelopeSender: 'care@example.com' }))).toBeDefined();
  });
  it.each(['jane@customer.test', 'care@example.org', 'carer@example.com'])('lets %s through', (address) => {
    expect(ownAddress.check(screeningInput({ from: { address, name: '' } }))).toBeUndefined();
  });
  it('compares addresses without their plus part', () => {
    expect(baseAddress('<Complaints+CMP-ABCDEF@Example.com>')).toBe('complaints@example.com');
  });
});
