import { describe, expect, it } from 'vitest';
import { truncateUtf8 } from '#core/intake';

describe('truncateUtf8', () => {
  it('keeps text within the byte budget whole', () => {
    expect(truncateUtf8('hello', 5)).toEqual({ text: 'hello', truncated: false });
    expect(truncateUtf8('ø'.repeat(10), 20)).toEqual({ text: 'ø'.repeat(10), truncated: false });
  });

  it('cuts at a character boundary, never inside a multi-byte character', () => {
    // "ø" is 2 bytes, "包" 3, "😀" 4.
    expect(truncateUtf8('aøb', 2)).toEqual({ text: 'a', truncated: true });
    expect(truncateUtf8('包包包', 7)).toEqual({ text: '包包', truncated: true });
    expect(truncateUtf8('a😀b', 4)).toEqual({ text: 'a', truncated: true });
    expect(truncateUtf8('a😀b', 5)).toEqual({ text: 'a😀', truncated: true });
  });

  it('stays within the budget for any mix of characters', () => {
    const text = 'Pakken kom ødelagt 包裹坏了 😀 '.repeat(1_000);
    for (const budget of [1, 2, 3, 99, 1_000, 12_345]) {
      const { text: kept, truncated } = truncateUtf8(text, budget);
      expect(truncated).toBe(true);
      expect(Buffer.byteLength(kept, 'utf8')).toBeLessThanOrEqual(budget);
      expect(Buffer.byteLength(kept, 'utf8')).toBeGreaterThan(budget - 4);
      expect(text.startsWith(kept)).toBe(true);
    }
  });
});
