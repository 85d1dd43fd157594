import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressHash, redactAddresses, redactError } from '#core/privacy';

const secret = 'test-secret-0123456789';

describe('addressHash', () => {
  it('is 16 hex characters, stable, and the same for any capitalisation of the address', () => {
    const hash = addressHash('Jane.Doe@Example.com', secret);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(addressHash(' jane.doe@example.com ', secret)).toBe(hash);
    expect(addressHash('jane.doe@example.com', secret)).toBe(hash);
  });

  it('depends on the key and on the address', () => {
    expect(addressHash('jane@example.com', 'another-secret-123456')).not.toBe(addressHash('jane@example.com', secret));
    fc.assert(
      fc.property(fc.emailAddress(), fc.emailAddress(), (a, b) => {
        fc.pre(a.toLowerCase() !== b.toLowerCase());
        expect(addressHash(a, secret)).not.toBe(addressHash(b, secret));
      }),
    );
  });

  it('does not contain the address or its parts', () => {
    const hash = addressHash('abcdef@example.com', secret);
    expect(hash).not.toContain('abcdef');
  });
});

describe('redactAddresses', () => {
  it('takes every address out of an SES-style error message', () => {
    const message = 'Email address is not verified. The following identities failed the check in region EU-WEST-1: jane.doe+x@customer.test, "Bo" <BO@Mail.Example.co.uk>';
    expect(redactAddresses(message)).toBe('Email address is not verified. The following identities failed the check in region EU-WEST-1: [address], "Bo" <[address]>');
  });

  it('leaves text without addresses alone', () => {
    const text = 'CMP-7F3K2Q follow-up#1 is being sent by another invocation; retry later (s3://bucket/inbound/abc)';
    expect(redactAddresses(text)).toBe(text);
  });

  it('removes any generated address', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.string(), (address, noise) => {
        expect(redactAddresses(`${noise} ${address} ${noise}`)).not.toContain(address);
      }),
    );
  });

  it('redacts an error in place: message and stack, type kept', () => {
    class SesError extends Error {
      override name = 'MessageRejected';
    }
    const error = new SesError('failed the check: jane@customer.test');
    const redacted = redactError(error);
    expect(redacted).toBe(error);
    expect(redacted).toBeInstanceOf(SesError);
    expect(redacted.message).toBe('failed the check: [address]');
    expect(redacted.stack).not.toContain('jane@customer.test');
    expect(redactError('not an error')).toBe('not an error');
  });
});
