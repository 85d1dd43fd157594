import { describe, expect, it } from 'vitest';
import { detectRepeat, isRepeat, type RepeatSubject } from '#core/patterns/repeat';

const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();
const subject = (reference: string, receivedAt: string, category: string): RepeatSubject => ({ reference, receivedAt, category });

describe('detectRepeat', () => {
  const current = subject('CMP-CCCCCC', at(20), 'delivery');

  it('is undefined for a first complaint, and ignores the complaint itself', () => {
    expect(detectRepeat(current, [], 'P90D')).toBeUndefined();
    expect(detectRepeat(current, [current], 'P90D')).toBeUndefined();
  });

  it('counts earlier complaints within the window, the same category separately, newest first', () => {
    const others = [
      subject('CMP-AAAAAA', at(1), 'delivery'),
      subject('CMP-BBBBBB', at(10), 'billing'),
      subject('CMP-DDDDDD', at(15), 'delivery'),
    ];
    const info = detectRepeat(current, others, 'P90D');
    expect(info).toEqual({
      previous: 3,
      sameCategory: 2,
      references: ['CMP-DDDDDD', 'CMP-BBBBBB', 'CMP-AAAAAA'],
      sameCategoryReferences: ['CMP-DDDDDD', 'CMP-AAAAAA'],
      window: 'P90D',
    });
    expect(isRepeat(info)).toBe(true);
  });

  it('is not a repeat when the earlier complaints were about other categories', () => {
    const info = detectRepeat(current, [subject('CMP-BBBBBB', at(10), 'billing')], 'P90D');
    expect(info).toMatchObject({ previous: 1, sameCategory: 0 });
    expect(isRepeat(info)).toBe(false);
    expect(isRepeat(undefined)).toBe(false);
  });

  it('leaves out complaints older than the window (the boundary itself is inside)', () => {
    const others = [subject('CMP-OLDOLD', at(12), 'delivery'), subject('CMP-EDGEED', at(13), 'delivery')];
    const info = detectRepeat(current, others, 'P7D');
    expect(info?.references).toEqual(['CMP-EDGEED']);
  });

  it('never counts a later complaint (a redelivery computes the same answer after newer ones arrived)', () => {
    const later = subject('CMP-LATERR', at(21), 'delivery');
    const sameInstantAfter = subject('CMP-ZZZZZZ', current.receivedAt, 'delivery');
    const sameInstantBefore = subject('CMP-AAAAAA', current.receivedAt, 'delivery');
    expect(detectRepeat(current, [later, sameInstantAfter, sameInstantBefore], 'P90D')?.references).toEqual(['CMP-AAAAAA']);
  });

  it('keeps at most ten references but counts them all', () => {
    const many = Array.from({ length: 14 }, (_, index) => subject(`CMP-${String(index).padStart(6, 'A')}`, at(index + 1), 'delivery'));
    const info = detectRepeat(current, many, 'P90D');
    expect(info?.previous).toBe(14);
    expect(info?.references).toHaveLength(10);
  });
});
