// When a reminder of a deadline goes out: the rule the county's and the partners' reminders share.
import { describe, expect, it } from 'vitest';
import { reminderTiming } from '../src/reminders.js';

describe('reminder timing', () => {
  it('picks the smallest offset reached, catching up a day the task did not run', () => {
    expect(reminderTiming('2026-05-01', '2026-03-31', [30, 7, 1])).toBeNull();
    expect(reminderTiming('2026-05-01', '2026-04-01', [30, 7, 1])).toEqual({ offset: '30', daysLeft: 30 });
    expect(reminderTiming('2026-05-01', '2026-04-20', [30, 7, 1])).toEqual({ offset: '30', daysLeft: 11 });
    expect(reminderTiming('2026-05-01', '2026-05-01', [30, 7, 1])).toEqual({ offset: '1', daysLeft: 0 });
    expect(reminderTiming('2026-05-01', '2026-05-02', [30, 7, 1])).toEqual({ offset: 'overdue', daysLeft: -1 });
    expect(reminderTiming('2026-05-01', '2026-06-01', [30, 7, 1])).toBeNull();
  });

  it('announces an overdue deadline for two weeks after it, then no more', () => {
    expect(reminderTiming('2026-12-31', '2027-01-14', [30])).toEqual({ offset: 'overdue', daysLeft: -14 });
    expect(reminderTiming('2026-12-31', '2027-01-15', [30])).toBeNull();
  });
});
