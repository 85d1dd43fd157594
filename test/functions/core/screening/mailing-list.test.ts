import { describe, expect, it } from 'vitest';
import { mailingList } from '#core/screening/mailing-list';
import { screeningInput } from './input.ts';

describe('mailing-list rule', () => {
  it('screens List-Id and List-Unsubscribe', () => {
    expect(mailingList.check(screeningInput({ headers: { 'List-Id': 'News <news.example.org>' } }))).toContain('List-Id');
    expect(mailingList.check(screeningInput({ headers: { 'List-Unsubscribe': '<mailto:u@example.org>' } }))).toContain('List-Unsubscribe');
  });
  it('lets mail without list headers through', () => {
    expect(mailingList.check(screeningInput({ headers: { 'List-Help': '<mailto:help@example.org>' } }))).toBeUndefined();
  });
});
