// "Today" is the Norwegian calendar day, also in the hour or two when UTC is still on yesterday.
import { describe, expect, it } from 'vitest';
import { startOfDayInNorway, todayInNorway } from '../src/calendar.js';

describe('todayInNorway', () => {
  it('is already tomorrow in Oslo when UTC is just before midnight', () => {
    expect(todayInNorway(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(todayInNorway(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });
  it('is the same day otherwise', () => {
    expect(todayInNorway(new Date('2026-11-26T12:00:00Z'))).toBe('2026-11-26');
  });
});

describe('startOfDayInNorway', () => {
  it('is midnight in Oslo: an hour before UTC in winter, two in summer', () => {
    expect(startOfDayInNorway('2026-12-07').toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(startOfDayInNorway('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });
  it('counts the days the clocks change by the offset at midnight', () => {
    // Summer time begins at 02:00 on 29 March 2026 and ends at 03:00 on 25 October 2026.
    expect(startOfDayInNorway('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayInNorway('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDayInNorway('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDayInNorway('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});
