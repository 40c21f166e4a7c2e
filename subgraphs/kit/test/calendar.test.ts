// "Today" is the Norwegian calendar day, also in the hour or two when UTC is still on yesterday.
import { describe, expect, it } from 'vitest';
import { todayInNorway } from '../src/calendar.js';

describe('todayInNorway', () => {
  it('is already tomorrow in Oslo when UTC is just before midnight', () => {
    expect(todayInNorway(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(todayInNorway(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });
  it('is the same day otherwise', () => {
    expect(todayInNorway(new Date('2026-11-26T12:00:00Z'))).toBe('2026-11-26');
  });
});
