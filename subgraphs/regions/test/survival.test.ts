// Survival after 1, 2 and 3 years in Region.statistics, computed from the register of legal entities'
// dates (deleted, bankrupt, missing from the register) against a hand-built region, not from milestones.
import { todayInNorway } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const thisYear = Number(todayInNorway().slice(0, 4));
const sql = (text: string, params: unknown[] = []) => subgraph.orm.em.fork().execute(text, params);

/** A client of the region with one business registered on `registeredOn`, and what the register says of it. */
async function business(
  n: number,
  registeredOn: string,
  register: { deletedOn?: string; bankruptOn?: string; missingFromRegisterSince?: string } = {},
) {
  await sql(
    `insert into client (id, region_id, municipality_number, name, immigrant_background, registered_on) values (?, 'survival', '9003', ?, 'NO', ?)`,
    [id(n), `Klient ${n}`, registeredOn],
  );
  await sql(
    `insert into business (id, client_id, name, registered_on, legal_form, deleted_on, bankrupt_on, missing_from_register_since, register_checked_at)
     values (?, ?, 'Firma', ?, 'AS', ?, ?, ?, now())`,
    [
      id(5000 + n),
      id(n),
      registeredOn,
      register.deletedOn ?? null,
      register.bankruptOn ?? null,
      register.missingFromRegisterSince ?? null,
    ],
  );
  // What advisers typed before survival was computed: it no longer counts.
  await sql(
    `insert into milestone (id, client_id, kind, reached_on) values (?, ?, 'ACTIVE_AFTER_1_YEAR', ?), (?, ?, 'ACTIVE_AFTER_3_YEARS', ?)`,
    [id(8000 + n), id(n), '2022-03-01', id(9000 + n), id(n), '2024-03-01'],
  );
}

beforeAll(async () => {
  subgraph = await createTestSubgraph(regionsSubgraph, { seed: false });
  await sql(
    `insert into region (id, name, contract_municipality_number, free_counselling_minutes_per_client_year) values ('survival', 'Overlevelse', '9003', 300)`,
  );
  await sql(`insert into municipality (number, name, region_id) values ('9003', 'Overlevelsesby', 'survival')`);
  // Fifteen businesses registered 2021-03-01. Five end in their first year (deleted, bankrupt, or no longer in
  // the register), none in the second, five in the third; one deleted on its third anniversary survived three years.
  const endings: Record<number, { deletedOn?: string; bankruptOn?: string; missingFromRegisterSince?: string }> = {
    1: { deletedOn: '2021-06-01' },
    2: { deletedOn: '2022-02-28' },
    3: { bankruptOn: '2021-11-15' },
    4: { bankruptOn: '2022-01-10', deletedOn: '2022-08-01' },
    5: { missingFromRegisterSince: '2021-10-01' },
    6: { deletedOn: '2023-06-01' },
    7: { bankruptOn: '2024-02-29' },
    8: { deletedOn: '2024-03-01' },
    9: { deletedOn: '2023-04-01' },
    10: { deletedOn: '2023-05-01' },
    11: { bankruptOn: '2023-07-01' },
  };
  for (let n = 1; n <= 15; n++) await business(n, '2021-03-01', endings[n]);
  // Last year's: six whose first anniversary has passed, five registered on 31 December, whose anniversary
  // comes at the end of this year; none ended.
  for (let n = 21; n <= 26; n++) await business(n, `${thisYear - 1}-01-02`);
  for (let n = 31; n <= 35; n++) await business(n, `${thisYear - 1}-12-31`);
});
afterAll(() => subgraph?.close());

const survivalQuery = `query Survival($id: ID!, $year: Int!) { region(id: $id) { statistics(year: $year) {
  businessesStartedYearBefore stillActiveAfterOneYear
  businessesStartedTwoYearsBefore stillActiveAfterTwoYears
  businessesStartedThreeYearsBefore stillActiveAfterThreeYears
  suppressed
} } }`;

async function survival(year: number) {
  const { data, errors } = await subgraph.execute<{ region: { statistics: Record<string, unknown> } }>(
    survivalQuery,
    { id: 'survival', year },
    { as: 'coordination.member' },
  );
  expect(errors).toBeUndefined();
  return data?.region.statistics;
}

describe('survival from the register of legal entities', () => {
  it('counts a business as surviving N years unless the register ended it before its Nth anniversary, whatever milestones say', async () => {
    expect(await survival(2022)).toMatchObject({ businessesStartedYearBefore: 15, stillActiveAfterOneYear: 10 });
    expect(await survival(2023)).toMatchObject({ businessesStartedTwoYearsBefore: 15, stillActiveAfterTwoYears: 10 });
    expect(await survival(2024)).toMatchObject({
      businessesStartedThreeYearsBefore: 15,
      stillActiveAfterThreeYears: 5,
    });
  });

  it('counts no survivor before the anniversary has passed', async () => {
    // The five of 31 December reach their first anniversary only on the last day of this year.
    const lastDay = todayInNorway() >= `${thisYear}-12-31`;
    expect(await survival(thisYear)).toMatchObject({
      businessesStartedYearBefore: 11,
      stillActiveAfterOneYear: lastDay ? 11 : 6,
    });
  });

  it('hides a survival figure from which, with its base, fewer than 5 ended could be worked out', async () => {
    // 2022 has no businesses of 2019 (three years before): both figures are 0 and hidden.
    const figures = await survival(2022);
    expect(figures).toMatchObject({ businessesStartedThreeYearsBefore: null, stillActiveAfterThreeYears: null });
    expect(figures?.suppressed).toEqual(
      expect.arrayContaining(['businessesStartedThreeYearsBefore', 'stillActiveAfterThreeYears']),
    );
    // One more ending in the third year leaves 4 active of 15: hidden, with the 15 still shown.
    await sql(`update business set deleted_on = '2023-12-01' where id = ?`, [id(5012)]);
    try {
      const after = await survival(2024);
      expect(after).toMatchObject({ businessesStartedThreeYearsBefore: 15, stillActiveAfterThreeYears: null });
      expect(after?.suppressed).toContain('stillActiveAfterThreeYears');
    } finally {
      await sql('update business set deleted_on = null where id = ?', [id(5012)]);
    }
  });

  it("hides a survival figure that, beside the same businesses' survival an earlier year published, counts 1–4 that ended", async () => {
    // One of the 2021 businesses ends in its second year: 10 active after one year (2022's figure), 9 after two.
    await sql(`update business set deleted_on = '2022-09-01' where id = ?`, [id(5012)]);
    try {
      expect(await survival(2022)).toMatchObject({ stillActiveAfterOneYear: 10 });
      const after = await survival(2023);
      expect(after).toMatchObject({ businessesStartedTwoYearsBefore: 15, stillActiveAfterTwoYears: null });
      expect(after?.suppressed).toContain('stillActiveAfterTwoYears');
    } finally {
      await sql('update business set deleted_on = null where id = ?', [id(5012)]);
    }
  });
});
