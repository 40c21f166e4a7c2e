// NOK amounts: exact in both directions, refused when not exact.
import { describe, expect, it } from 'vitest';
import { formatNok, parseNok } from '../src/nok.js';

describe('NOK', () => {
  it('reads kroner with up to two decimals into whole øre', () => {
    expect(parseNok('500')).toBe(50_000);
    expect(parseNok('1234.5')).toBe(123_450);
    expect(parseNok('0.07')).toBe(7);
    expect(parseNok('-12.30')).toBe(-1_230);
  });
  it('writes øre as kroner with exactly two decimals', () => {
    expect(formatNok(14_245_000)).toBe('142450.00');
    expect(formatNok(7)).toBe('0.07');
    expect(formatNok(-1_230)).toBe('-12.30');
    expect(formatNok(123_456_789_012_345n)).toBe('1234567890123.45');
  });
  it('refuses anything inexact or not an amount', () => {
    for (const text of ['1.234', '1e3', 'NaN', '', '12,50', '0x10'])
      expect(() => parseNok(text)).toThrow(/Not an amount/);
  });
});
