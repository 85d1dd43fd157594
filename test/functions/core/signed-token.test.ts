import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '#core/signed-token';

const secret = 'test-secret-0123456789';
const now = new Date('2026-11-23T12:00:00Z');
const exp = Math.floor(now.getTime() / 1000) + 3600;

describe('signed tokens', () => {
  it('round-trips the claims', () => {
    const token = signToken({ purpose: 'feedback', reference: 'CMP-ABCDEF', exp }, secret);
    expect(verifyToken(token, 'feedback', secret, now)).toEqual({ valid: true, claims: { purpose: 'feedback', reference: 'CMP-ABCDEF', exp } });
  });

  it('refuses expired, foreign-purpose, wrongly keyed and malformed tokens', () => {
    const token = signToken({ purpose: 'feedback', reference: 'CMP-ABCDEF', exp }, secret);
    expect(verifyToken(token, 'feedback', secret, new Date((exp + 1) * 1000))).toEqual({ valid: false, reason: 'expired' });
    expect(verifyToken(token, 'agent-reply', secret, now)).toEqual({ valid: false, reason: 'wrong-purpose' });
    expect(verifyToken(token, 'feedback', 'another-secret', now)).toEqual({ valid: false, reason: 'bad-signature' });
    expect(verifyToken('garbage', 'feedback', secret, now)).toEqual({ valid: false, reason: 'malformed' });
  });

  it('refuses any tampering with payload or signature', () => {
    const token = signToken({ purpose: 'feedback', reference: 'CMP-ABCDEF', exp }, secret);
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...'ABCabc0129-_.'), (position, replacement) => {
        fc.pre(token[position] !== replacement);
        const tampered = token.slice(0, position) + replacement + token.slice(position + 1);
        expect(verifyToken(tampered, 'feedback', secret, now).valid).toBe(false);
      }),
    );
  });
});
