import { describe, expect, it } from 'vitest';
import { retentionScheduleFromEnvironment } from '../src/retention-task.js';

describe('when the retention task runs (RETENTION_SCHEDULE)', () => {
  it('runs nightly in production and never elsewhere unless asked for', () => {
    expect(retentionScheduleFromEnvironment({ NODE_ENV: 'production' })).toBe('30 2 * * *');
    expect(retentionScheduleFromEnvironment({ NODE_ENV: 'development' })).toBeNull();
    expect(retentionScheduleFromEnvironment({})).toBeNull();
    expect(retentionScheduleFromEnvironment({ RETENTION_SCHEDULE: '0 4 * * 1' })).toBe('0 4 * * 1');
    expect(retentionScheduleFromEnvironment({ NODE_ENV: 'production', RETENTION_SCHEDULE: 'off' })).toBeNull();
  });

  it('refuses a pattern that is not one, naming the variable, so a typo stops the start', () => {
    expect(() => retentionScheduleFromEnvironment({ RETENTION_SCHEDULE: 'nightly' })).toThrow(
      /^RETENTION_SCHEDULE "nightly" is not a cron pattern .*; use e\.g\. "30 2 \* \* \*", or "off"$/,
    );
    expect(() => retentionScheduleFromEnvironment({ RETENTION_SCHEDULE: '61 2 * * *' })).toThrow(/not a cron pattern/);
  });
});
