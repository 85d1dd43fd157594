import { describe, expect, it } from 'vitest';
import { nullReturnPath } from '#core/screening/null-return-path';
import { screeningInput } from './input.ts';

describe('null-return-path rule', () => {
  it.each(['<>', '< >', ''])('screens Return-Path: %j', (value) => {
    expect(nullReturnPath.check(screeningInput({ headers: { 'Return-Path': value } }))).toBe('null Return-Path (<>)');
  });
  it.each(['', '<>', '  '])('screens the envelope sender %j', (envelopeSender) => {
    expect(nullReturnPath.check(screeningInput({ envelopeSender }))).toBe('null envelope sender (MAIL FROM:<>)');
  });
  it('lets a real return path through', () => {
    expect(nullReturnPath.check(screeningInput({ headers: { 'Return-Path': '<jane@customer.test>' } }))).toBeUndefined();
  });
});
