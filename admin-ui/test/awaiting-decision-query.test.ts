// The county's queue through the query layer against a stubbed gateway: one query without year variables, only the
// submitted ones of the caller's county whatever year they are due in, longest waiting first, nothing made up for a
// region whose county service did not answer, and nothing asked for a caller who does not decide.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { useAwaitingDecision } from '../src/queries/awaitingDecision';
import { jsonResponse, queryLayer, runInComponent, stubGraphQL } from './fixtures';

enableAutoUnmount(afterEach);

const submission = (kind: string, coversYear: number, status: string, dueDate: string, submittedOn: string | null) => ({
  id: `${kind}-${coversYear}`,
  kind,
  coversYear,
  status,
  dueDate,
  submittedOn,
});

const akershusOfficer = { role: 'COUNTY_OFFICER', organisationId: 'akershus' };

function queueFor(caller: typeof akershusOfficer | null, enabled = true) {
  const pinia = createPinia();
  return runInComponent(() => useAwaitingDecision(caller, enabled), [pinia, queryLayer(pinia)]).result;
}

describe("the county's queue", () => {
  it("keeps the submitted ones of the caller's county, whatever year, longest waiting first", async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({
        data: {
          regions: [
            {
              id: 'follo',
              name: 'Follo',
              county: { id: 'akershus' },
              submissionsAwaitingDecision: [
                submission('ANNUAL_REPORT', 2024, 'SUBMITTED', '2025-05-01', '2025-04-02'),
                submission('ACCOUNTS', 2019, 'SUBMITTED', '2020-05-01', '2020-06-30'),
              ],
            },
            // The county service did not answer for this region: nothing is made up.
            { id: 'asker', name: 'Asker', county: { id: 'akershus' }, submissionsAwaitingDecision: null },
            {
              id: 'drammen',
              name: 'Drammen',
              county: { id: 'buskerud' },
              submissionsAwaitingDecision: [submission('BUDGET', 2025, 'SUBMITTED', '2024-12-01', '2024-10-01')],
            },
          ],
        },
      }),
    );
    const queue = queueFor(akershusOfficer);
    await flushPromises();

    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.query).toContain('submissionsAwaitingDecision');
    expect(calls[0]?.body.variables).toEqual({});
    expect(queue.items.value).toEqual([
      {
        regionId: 'follo',
        regionName: 'Follo',
        kind: 'ACCOUNTS',
        coversYear: 2019,
        dueYear: 2020,
        submittedOn: '2020-06-30',
      },
      {
        regionId: 'follo',
        regionName: 'Follo',
        kind: 'ANNUAL_REPORT',
        coversYear: 2024,
        dueYear: 2025,
        submittedOn: '2025-04-02',
      },
    ]);
  });

  it('asks nothing for a caller who does not decide', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: { regions: [] } }));
    const queue = queueFor(null, false);
    await flushPromises();
    expect(calls).toHaveLength(0);
    expect(queue.items.value).toBeNull();
  });
});
