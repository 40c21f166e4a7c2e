// When the county makes its reminders (issue 21 §3): REMINDER_SCHEDULE and REMINDER_DAYS are checked
// at start like every other variable; the schedule is on by default in production only.
import { ConfigurationError, generateServiceKeys, type Orm } from '@etablerer/kit';
import { describe, expect, it } from 'vitest';
import { configuration } from '../src/config.js';
import { countySubgraph } from '../src/server.js';

const keys = await generateServiceKeys();
const valid = {
  DATABASE_URL: 'postgres://etablerer:secret@db.internal:5432',
  SERVICE_KEYS: JSON.stringify(keys.jwks),
  AUTH_JWKS_URL: 'https://login.example.no/.well-known/jwks.json',
};

function problems(env: Record<string, string>): string[] {
  try {
    configuration({ ...valid, ...env });
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('the reminders’ configuration', () => {
  it('takes the days before a deadline, largest first, and a cron pattern', () => {
    expect(configuration(valid).settings).toEqual({
      REMINDER_SCHEDULE: undefined,
      REMINDER_DAYS: [30, 7, 1],
      CONFLICT_MEETING_TARGET_DAYS: 14,
    });
    expect(configuration({ ...valid, REMINDER_DAYS: '1, 14,3', REMINDER_SCHEDULE: '15 6 * * 1-5' }).settings).toEqual({
      REMINDER_SCHEDULE: '15 6 * * 1-5',
      REMINDER_DAYS: [14, 3, 1],
      CONFLICT_MEETING_TARGET_DAYS: 14,
    });
    expect(configuration({ ...valid, REMINDER_SCHEDULE: 'off' }).settings?.REMINDER_SCHEDULE).toBeNull();
  });

  it('refuses what is not a list of days, or not a schedule, naming the variable', () => {
    expect(problems({ REMINDER_DAYS: '30,seven' })).toEqual([
      'REMINDER_DAYS: must be whole numbers of days from 0 to 366, comma-separated and each once, e.g. "30,7,1", not "30,seven"',
    ]);
    expect(problems({ REMINDER_DAYS: '7,7' })[0]).toMatch(/^REMINDER_DAYS: /);
    expect(problems({ REMINDER_SCHEDULE: 'every morning' })[0]).toMatch(/^REMINDER_SCHEDULE: must be a cron pattern/);
    // The conflict meetings' target (§8) is a whole number of days, checked at start like the others.
    expect(configuration({ ...valid, CONFLICT_MEETING_TARGET_DAYS: '21' }).settings?.CONFLICT_MEETING_TARGET_DAYS).toBe(
      21,
    );
    expect(problems({ CONFLICT_MEETING_TARGET_DAYS: '0' })[0]).toMatch(/^CONFLICT_MEETING_TARGET_DAYS: must be/);
  });

  it('schedules the reminders in production by default, elsewhere only when asked', async () => {
    const orm = {} as Orm;
    expect(countySubgraph.tasks?.(orm, { values: {}, production: false })).toEqual([]);
    expect(countySubgraph.tasks?.(orm, { values: { REMINDER_SCHEDULE: null }, production: true })).toEqual([]);
    for (const values of [{}, { REMINDER_SCHEDULE: '0 6 * * *' }]) {
      const production = countySubgraph.tasks?.(orm, { values, production: true }) ?? [];
      expect(production).toHaveLength(1);
      await Promise.all(production.map((task) => task.stop()));
    }
    const asked = countySubgraph.tasks?.(orm, { values: { REMINDER_SCHEDULE: '0 6 * * *' }, production: false }) ?? [];
    expect(asked).toHaveLength(1);
    await Promise.all(asked.map((task) => task.stop()));
  });
});
