// The first county officer of a new installation: nobody holds a role yet, so nobody could give one
// in the console; `cli.js assign-role` gives it, audited as the command line's.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { dropDatabase, queryRows } from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const database = uniqueDatabaseName('county_cli');
afterAll(() => dropDatabase(testServerUrl(), database));

const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', '--conditions=development', cli, 'assign-role', ...args], {
    env: { ...process.env, DATABASE_URL: testServerUrl(), COUNTY_DATABASE: database, LOG_LEVEL: 'warn' },
  });

describe('cli.js assign-role', () => {
  it("gives an empty installation its first county officer by e-mail, audited as the command line's", async () => {
    await run('--email', 'Kari.Nordmann@Example.no', '--name', 'Kari Nordmann', '--county', 'buskerud');
    const rows = await queryRows<{ email: string; role: string; organisation_id: string; assigned_by: string }>(
      testServerUrl(),
      database,
      'select email, role, organisation_id, assigned_by from role_assignment where ended_at is null',
    );
    expect(rows).toEqual([
      {
        email: 'kari.nordmann@example.no',
        role: 'COUNTY_OFFICER',
        organisation_id: 'buskerud',
        assigned_by: expect.stringMatching(/^command line \(/),
      },
    ]);
    const audit = await queryRows<{ detail: string }>(
      testServerUrl(),
      database,
      "select detail from audit_entry where record_type = 'RoleAssignment'",
    );
    expect(audit).toEqual([{ detail: 'assigned COUNTY_OFFICER' }]);
  });

  it('refuses Viken (history only) and a missing e-mail, naming what it wants', async () => {
    await expect(run('--email', 'a@example.no', '--name', 'A', '--county', 'viken')).rejects.toThrow(
      /Usage: .*assign-role/,
    );
    await expect(run('--name', 'A', '--county', 'akershus')).rejects.toThrow(/Usage: .*assign-role/);
  });
});
