// The console's named date formats for moments in Norway: the Oslo clock whatever the browser's time zone, on the
// 24-hour clock in English too, and days that no reader takes month first.
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../src/i18n';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
// 17:30 UTC on 7 December is 18:30 in Oslo; 23:30 UTC on 31 December is already New Year's Day there.
const evening = new Date('2026-12-07T17:30:00Z');
const newYearsEve = new Date('2025-12-31T23:30:00Z');

describe('named date formats', () => {
  it('gives the time of day in Oslo on the 24-hour clock, in both languages', () => {
    expect(createAppI18n('nb').global.d(evening, 'timeInOslo')).toBe('18:30');
    expect(createAppI18n('en').global.d(evening, 'timeInOslo')).toBe('18:30');
  });

  it("gives a moment's day and time in Oslo, the month in words in English", () => {
    expect(plain(createAppI18n('nb').global.d(newYearsEve, 'momentInOslo'))).toBe('01.01.2026, 00:30');
    expect(plain(createAppI18n('en').global.d(newYearsEve, 'momentInOslo'))).toBe('Jan 1, 2026, 00:30');
  });

  it("gives a moment's Oslo day with the month written out", () => {
    expect(createAppI18n('nb').global.d(newYearsEve, 'longDayInOslo')).toBe('1. januar 2026');
    expect(createAppI18n('en').global.d(newYearsEve, 'longDayInOslo')).toBe('January 1, 2026');
  });
});
