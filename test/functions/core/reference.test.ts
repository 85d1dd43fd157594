import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REFERENCE_ALPHABET, findReference, referenceFor } from '#core/reference';

describe('referenceFor', () => {
  it('is deterministic for one message and attempt', () => {
    expect(referenceFor('abc')).toBe(referenceFor('abc'));
    expect(referenceFor('abc', 1)).not.toBe(referenceFor('abc', 0));
  });

  it('uses only the unambiguous alphabet and is found again in text', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(5), (messageId, attempt) => {
        const reference = referenceFor(messageId, attempt);
        expect(reference).toMatch(/^CMP-[2-9A-HJ-NP-Z]{6}$/);
        for (const char of reference.slice(4)) expect(REFERENCE_ALPHABET).toContain(char);
        expect(findReference(`Re: [${reference}] my order`)).toBe(reference);
      }),
    );
  });

  it('finds a reference written in lower case and ignores look-alikes', () => {
    expect(findReference('about cmp-7f3k2q please')).toBe('CMP-7F3K2Q');
    expect(findReference('CMP-7F3K2O')).toBeUndefined();
  });
});
