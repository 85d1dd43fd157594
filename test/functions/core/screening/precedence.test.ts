import { describe, expect, it } from 'vitest';
import { precedence } from '#core/screening/precedence';
import { screeningInput } from './input.ts';

describe('precedence rule', () => {
  it.each(['bulk', 'junk', 'list', 'auto_reply', 'BULK', 'list (mailman)'])('screens Precedence: %s', (value) => {
    expect(precedence.check(screeningInput({ headers: { Precedence: value } }))).toMatch(/^Precedence: /);
  });
  it.each(['first-class', 'normal', 'urgent'])('lets Precedence: %s through', (value) => {
    expect(precedence.check(screeningInput({ headers: { Precedence: value } }))).toBeUndefined();
  });
});
