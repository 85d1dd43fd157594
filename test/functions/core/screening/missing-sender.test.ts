import { describe, expect, it } from 'vitest';
import { missingSender } from '#core/screening/missing-sender';
import { screeningInput } from './input.ts';

describe('missing-sender rule', () => {
  it('screens mail without a usable From', () => {
    expect(missingSender.check(screeningInput({ from: undefined }))).toBe('no usable From address');
  });
  it('lets mail with a From through', () => {
    expect(missingSender.check(screeningInput())).toBeUndefined();
  });
});
