import { describe, expect, it } from 'vitest';
import { mayBeOwnMessageId, ownMessageId } from '#core/screening/own-message-id';
import { screeningInput } from './input.ts';

describe('own-message-id rule', () => {
  it('screens a message whose Message-ID the index says we sent', () => {
    const id = '<0102018c0a1b2c3d-aaaa@eu-west-1.amazonses.com>';
    expect(ownMessageId.check(screeningInput({ ownMessageId: id }))).toBe(`Message-ID ${id} is one we sent (our own mail coming back)`);
  });
  it('lets other mail through', () => {
    expect(ownMessageId.check(screeningInput())).toBeUndefined();
  });

  describe('which Message-IDs are worth a look-up', () => {
    it.each(['<abc@eu-west-1.amazonses.com>', '<abc@email.amazonses.com>', '<abc@EXAMPLE.com>'])('%s may be ours', (id) => {
      expect(mayBeOwnMessageId(id, ['example.com'])).toBe(true);
    });
    it.each(['<abc@mail.gmail.com>', '<abc@example.com.evil.test>', '<abc@notamazonses.com>', 'no-at-sign', undefined])('%s is not', (id) => {
      expect(mayBeOwnMessageId(id, ['example.com'])).toBe(false);
    });
  });
});
