// The money controls of issue 18 §3 through the subgraph, on the demo seed with "today" fixed:
// payments after approval and within the agreement, recorded by one county officer and confirmed by a
// second, overdue instalments, budget decisions corrected with history, and rejected submissions late.
import { type Caller, type Orm, regionCounty, type SubgraphRequest } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Context, createContext } from '../src/context.js';
import { countySubgraph } from '../src/server.js';

let today = '2026-01-10';
let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph({
    ...countySubgraph,
    context: (orm: Orm, caller: Caller, request: SubgraphRequest) => createContext(orm, caller, request, () => today),
  });
});
afterAll(() => subgraph?.close());
beforeEach(() => {
  today = '2026-01-10';
});

type Result = { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
const code = (result: Result) => result.errors?.[0]?.extensions?.code;
const field = (result: Result) => result.errors?.[0]?.extensions?.field;
const sql = (statement: string, parameters: unknown[] = []) =>
  subgraph.orm.em.getConnection().execute(statement, parameters);

interface PaymentRow {
  instalment: string;
  dueDate: string;
  amount: string;
  status: string;
  blocked: boolean;
  paidOn: string | null;
  reference: string | null;
  recordedBy: string | null;
  recordedOn: string | null;
  confirmedBy: string | null;
  confirmedOn: string | null;
}
const paymentFields =
  'instalment dueDate amount status blocked paidOn reference recordedBy recordedOn confirmedBy confirmedOn';

async function payments(regionId: string, year: number, as = 'county.officer'): Promise<PaymentRow[]> {
  const result = await subgraph.execute<{ _entities: { payments: PaymentRow[] }[] }>(
    `query Payments($r: [_Any!]!, $year: Int!) { _entities(representations: $r) { ... on Region { payments(year: $year) { ${paymentFields} } } } }`,
    { r: [{ __typename: 'Region', id: regionId }], year },
    { as },
  );
  expect(result.errors).toBeUndefined();
  return result.data?._entities[0]?.payments ?? [];
}

const recordPayment = `mutation Record($regionId: ID!, $year: Int!, $instalment: Instalment!, $paidOn: Date!, $reference: String!) {
  recordPayment(regionId: $regionId, year: $year, instalment: $instalment, paidOn: $paidOn, reference: $reference) { ${paymentFields} }
}`;
const confirmPayment = `mutation Confirm($regionId: ID!, $year: Int!, $instalment: Instalment!, $reference: String!) {
  confirmPayment(regionId: $regionId, year: $year, instalment: $instalment, reference: $reference) { ${paymentFields} }
}`;
/**
 * The demo's two officers of the county a region answers to since 2024 (kit demo-users): one records,
 * the other confirms. Halden and Nedre Glomma are Østfold's, Follo and Nedre Romerike Akershus's.
 */
const officersOf = (regionId: string) =>
  ({
    ostfold: { officer: 'ostfold.officer', controller: 'ostfold.controller' },
    buskerud: { officer: 'buskerud.officer', controller: 'buskerud.controller' },
  })[regionCounty(regionId) as string] ?? { officer: 'county.officer', controller: 'county.controller' };
const record = (
  variables: { regionId: string } & Record<string, unknown>,
  as = officersOf(variables.regionId).officer,
) => subgraph.execute<{ recordPayment: PaymentRow }>(recordPayment, variables, { as });
const confirm = (
  variables: { regionId: string } & Record<string, unknown>,
  as = officersOf(variables.regionId).controller,
) => subgraph.execute<{ confirmPayment: PaymentRow }>(confirmPayment, variables, { as });

const late = async (regionId: string, year: number, kind: string, coversYear: number) => {
  const { data, errors } = await subgraph.execute<{
    _entities: { submissions: { kind: string; coversYear: number; status: string; late: boolean }[] }[];
  }>(
    'query S($r: [_Any!]!, $year: Int!) { _entities(representations: $r) { ... on Region { submissions(year: $year) { kind coversYear status late } } } }',
    { r: [{ __typename: 'Region', id: regionId }], year },
  );
  expect(errors).toBeUndefined();
  return data?._entities[0]?.submissions.find((s) => s.kind === kind && s.coversYear === coversYear);
};

/** Takes an instalment of the demo back to unpaid, so a test can record it itself. */
const unpay = (agreementId: string, year: number, instalment: string) =>
  sql('delete from payment where agreement_id = ? and year = ? and instalment = ?', [agreementId, year, instalment]);

describe("the demo as seeded: Follo's 2026 budget rejected and its instalments unpaid", () => {
  it("shows Follo's unpaid 2026 instalments overdue in December 2026, the demo's overdue ones", async () => {
    today = '2026-12-07';
    expect((await payments('follo', 2026)).map((p) => [p.dueDate, p.amount, p.status, p.blocked])).toEqual([
      ['2026-01-31', '387000.00', 'OVERDUE', true],
      ['2026-08-31', '387000.00', 'OVERDUE', true],
    ]);
  });

  it("keeps Follo's 2026 budget, rejected after its deadline, late, also once resubmitted", async () => {
    today = '2025-12-15';
    expect(await late('follo', 2025, 'BUDGET', 2026)).toMatchObject({ status: 'REJECTED', late: true });
    const rows = (await sql(
      "select version from submission where agreement_id = 'follo-2022' and kind = 'BUDGET' and covers_year = 2026",
    )) as { version: number }[];
    const resubmitted = await subgraph.execute(
      'mutation S($input: SubmitInput!) { submit(input: $input) { status late submittedOn } }',
      {
        input: {
          regionId: 'follo',
          kind: 'BUDGET',
          coversYear: 2026,
          documentReference: 'follo/2026/budsjett-v2.pdf',
          totalAmount: '1096500.00',
          version: rows[0]?.version,
        },
      },
      { as: 'follo.adviser' },
    );
    expect(resubmitted.data).toEqual({ submit: { status: 'SUBMITTED', late: true, submittedOn: '2025-12-15' } });
  });
});

describe('a payment is recorded only after the plan and budget were approved, within the agreement', () => {
  it("refuses a payment dated before the approval of Follo's 2026 budget, and takes one dated on that day", async () => {
    // Follo's 2026 budget was rejected in the demo: the region resubmits it and the county approves it today.
    today = '2026-01-10';
    const rows = (await sql(
      "select id, version from submission where agreement_id = 'follo-2022' and kind = 'BUDGET' and covers_year = 2026",
    )) as { id: string; version: number }[];
    const resubmitted = await subgraph.execute<{ submit: { id: string; version: number } }>(
      'mutation S($input: SubmitInput!) { submit(input: $input) { id version } }',
      {
        input: {
          regionId: 'follo',
          kind: 'BUDGET',
          coversYear: 2026,
          documentReference: 'follo/2026/budsjett-v2.pdf',
          totalAmount: '1096500.00',
          version: rows[0]?.version,
        },
      },
      { as: 'follo.adviser' },
    );
    expect(resubmitted.errors).toBeUndefined();
    const before = await record({
      regionId: 'follo',
      year: 2026,
      instalment: 'JANUARY',
      paidOn: '2026-01-09',
      reference: 'UTB-F-1',
    });
    expect(code(before)).toBe('BAD_USER_INPUT');
    expect(field(before)).toBe('instalment');

    const approved = await subgraph.execute(
      'mutation A($id: ID!, $version: Int!) { approveSubmission(id: $id, version: $version) { status } }',
      { id: resubmitted.data?.submit.id, version: resubmitted.data?.submit.version },
    );
    expect(approved.errors).toBeUndefined();
    // The plan was approved on 2025-12-10, the budget today (2026-01-10): payments from 2026-01-10.
    const early = await record({
      regionId: 'follo',
      year: 2026,
      instalment: 'JANUARY',
      paidOn: '2026-01-09',
      reference: 'UTB-F-1',
    });
    expect(code(early)).toBe('BAD_USER_INPUT');
    expect(field(early)).toBe('paidOn');
    expect(early.errors?.[0]?.message).toBe(
      'paidOn: 2026-01-09 is before the activity plan and budget were approved on 2026-01-10 (§7)',
    );
    const onTheDay = await record({
      regionId: 'follo',
      year: 2026,
      instalment: 'JANUARY',
      paidOn: '2026-01-10',
      reference: 'UTB-F-1',
    });
    expect(onTheDay.errors).toBeUndefined();
    // 129 000 inhabitants × NOK 6.00 = 774 000.00, half in January.
    expect(onTheDay.data?.recordPayment).toMatchObject({
      amount: '387000.00',
      status: 'RECORDED',
      blocked: false,
      paidOn: '2026-01-10',
      recordedBy: 'Kari Nordmann',
      recordedOn: '2026-01-10',
      confirmedBy: null,
    });
  });

  it("refuses a payment dated before Halden's agreement began (2022-01-01) or after it ended (2025-12-31)", async () => {
    await unpay('halden-2022', 2022, 'JANUARY');
    await unpay('halden-2022', 2025, 'AUGUST');
    today = '2026-01-10';
    // Halden's 2022 plan and budget were approved on 2021-12-10, so only the agreement's first day stops this one.
    const inAdvance = await record({
      regionId: 'halden',
      year: 2022,
      instalment: 'JANUARY',
      paidOn: '2021-12-20',
      reference: 'UTB-H-1',
    });
    expect(code(inAdvance)).toBe('BAD_USER_INPUT');
    expect(field(inAdvance)).toBe('paidOn');
    expect(inAdvance.errors?.[0]?.message).toBe(
      "paidOn: 2021-12-20 is outside the agreement's period, 2022-01-01 to 2025-12-31",
    );
    const afterTheEnd = await record({
      regionId: 'halden',
      year: 2025,
      instalment: 'AUGUST',
      paidOn: '2026-01-02',
      reference: 'UTB-H-2',
    });
    expect(field(afterTheEnd)).toBe('paidOn');

    const firstDay = await record({
      regionId: 'halden',
      year: 2022,
      instalment: 'JANUARY',
      paidOn: '2022-01-01',
      reference: 'UTB-H-1',
    });
    // 32 700 inhabitants × NOK 5.50 = 179 850.00, half in January; recorded in 2026, long past its due
    // date, and not yet confirmed: overdue.
    expect(firstDay.data?.recordPayment).toMatchObject({ amount: '89925.00', status: 'OVERDUE', paidOn: '2022-01-01' });
  });
});

describe('separation of duties: one officer records, a second confirms', () => {
  const halden = { regionId: 'halden', year: 2025, instalment: 'JANUARY' };

  it('lets the officer who approved and recorded it not confirm it; a second officer does, and only then is it paid', async () => {
    await unpay('halden-2022', 2025, 'JANUARY');
    today = '2025-01-15';
    // Hilde Solberg (ostfold.officer) approved Halden's 2025 plan and budget in the demo and records the payment.
    const recorded = await record({ ...halden, paidOn: '2025-01-15', reference: 'UTB-2025-H-1' });
    expect(recorded.data?.recordPayment).toMatchObject({
      amount: '89925.00',
      status: 'RECORDED',
      recordedBy: 'Hilde Solberg',
    });
    // Recorded is not paid: the overview and every reader see it awaiting confirmation.
    expect((await payments('halden', 2025, 'coordination.member'))[0]?.status).toBe('RECORDED');

    const alone = await confirm({ ...halden, reference: 'UTB-2025-H-1' }, 'ostfold.officer');
    expect(code(alone)).toBe('FORBIDDEN');
    expect((await payments('halden', 2025))[0]?.confirmedBy).toBeNull();

    // A second officer of another county (Akershus's controller) or of Viken is no second officer of Østfold.
    for (const as of [
      'county.controller',
      'viken.officer',
      'follo.adviser',
      'nordrefollo.officer',
      'coordination.member',
      'partner.api',
    ]) {
      expect(code(await confirm({ ...halden, reference: 'UTB-2025-H-1' }, as)), as).toBe('FORBIDDEN');
    }

    const wrongVoucher = await confirm({ ...halden, reference: 'UTB-2025-H-9' });
    expect(code(wrongVoucher)).toBe('BAD_USER_INPUT');
    expect(field(wrongVoucher)).toBe('reference');

    today = '2025-01-16';
    const confirmed = await confirm({ ...halden, reference: 'UTB-2025-H-1' });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmPayment).toEqual({
      instalment: 'JANUARY',
      dueDate: '2025-01-31',
      amount: '89925.00',
      status: 'PAID',
      blocked: false,
      paidOn: '2025-01-15',
      reference: 'UTB-2025-H-1',
      recordedBy: 'Hilde Solberg',
      recordedOn: '2025-01-15',
      confirmedBy: 'Mona Berg',
      confirmedOn: '2025-01-16',
    });
    // A retry of the confirmation answers alike and changes nothing.
    const again = await confirm({ ...halden, reference: 'UTB-2025-H-1' });
    expect(again.data?.confirmPayment).toEqual(confirmed.data?.confirmPayment);
  });

  it('lets the second officer record and the approving officer confirm', async () => {
    await unpay('halden-2022', 2025, 'AUGUST');
    today = '2025-08-20';
    const recorded = await record(
      { ...halden, instalment: 'AUGUST', paidOn: '2025-08-20', reference: 'UTB-2025-H-2' },
      'ostfold.controller',
    );
    expect(recorded.data?.recordPayment.status).toBe('RECORDED');
    const mine = await confirm({ ...halden, instalment: 'AUGUST', reference: 'UTB-2025-H-2' }, 'ostfold.controller');
    expect(code(mine)).toBe('FORBIDDEN');
    const confirmed = await confirm({ ...halden, instalment: 'AUGUST', reference: 'UTB-2025-H-2' }, 'ostfold.officer');
    expect(confirmed.data?.confirmPayment).toMatchObject({
      status: 'PAID',
      recordedBy: 'Mona Berg',
      confirmedBy: 'Hilde Solberg',
    });
  });

  it('has nothing to confirm before an instalment is recorded', async () => {
    await unpay('halden-2022', 2024, 'AUGUST');
    const nothing = await confirm({ regionId: 'halden', year: 2024, instalment: 'AUGUST', reference: 'x' });
    expect(code(nothing)).toBe('BAD_USER_INPUT');
    expect(field(nothing)).toBe('instalment');
  });

  it('shows the demo payments recorded and confirmed by two officers', async () => {
    today = '2026-12-07';
    expect(await payments('asker-og-baerum', 2026)).toEqual([
      {
        instalment: 'JANUARY',
        dueDate: '2026-01-31',
        // 223 300 inhabitants × NOK 5.50 = 1 228 150.00, half in January and half in August.
        amount: '614075.00',
        status: 'PAID',
        blocked: false,
        paidOn: '2026-01-20',
        reference: 'UTB-2026-asker-og-baerum-1',
        recordedBy: 'Kari Nordmann',
        recordedOn: '2026-01-20',
        confirmedBy: 'Eirik Solberg',
        confirmedOn: '2026-01-21',
      },
      {
        instalment: 'AUGUST',
        dueDate: '2026-08-31',
        amount: '614075.00',
        status: 'PAID',
        blocked: false,
        paidOn: '2026-08-20',
        reference: 'UTB-2026-asker-og-baerum-2',
        recordedBy: 'Kari Nordmann',
        recordedOn: '2026-08-20',
        confirmedBy: 'Eirik Solberg',
        confirmedOn: '2026-08-21',
      },
    ]);
  });
});

describe('overdue instalments', () => {
  it("marks Midt-Buskerud's January 2025 instalment OVERDUE from 1 February, its budget still rejected", async () => {
    // 19 900 inhabitants × NOK 5.50 = 109 450.00: 54 725.00 per instalment.
    today = '2025-01-31';
    expect((await payments('midt-buskerud', 2025)).map((p) => [p.instalment, p.amount, p.status, p.blocked])).toEqual([
      ['JANUARY', '54725.00', 'BLOCKED', true],
      ['AUGUST', '54725.00', 'BLOCKED', true],
    ]);
    today = '2025-02-01';
    expect((await payments('midt-buskerud', 2025)).map((p) => [p.instalment, p.status, p.blocked])).toEqual([
      ['JANUARY', 'OVERDUE', true],
      ['AUGUST', 'BLOCKED', true],
    ]);
    today = '2025-09-01';
    expect((await payments('midt-buskerud', 2025)).map((p) => p.status)).toEqual(['OVERDUE', 'OVERDUE']);
  });

  it('keeps an instalment recorded but not confirmed by its due date OVERDUE until it is confirmed', async () => {
    await unpay('nedre-romerike-2022', 2024, 'AUGUST');
    today = '2024-08-30';
    const recorded = await record({
      regionId: 'nedre-romerike',
      year: 2024,
      instalment: 'AUGUST',
      paidOn: '2024-08-30',
      reference: 'UTB-NR-2',
    });
    expect(recorded.data?.recordPayment.status).toBe('RECORDED');
    today = '2024-09-01';
    expect((await payments('nedre-romerike', 2024))[1]?.status).toBe('OVERDUE');
    const confirmed = await confirm({
      regionId: 'nedre-romerike',
      year: 2024,
      instalment: 'AUGUST',
      reference: 'UTB-NR-2',
    });
    expect(confirmed.data?.confirmPayment).toMatchObject({ status: 'PAID', confirmedOn: '2024-09-01' });
  });
});

describe('budget decisions are corrected with history', () => {
  const decide = `mutation Decide($agreementId: ID!, $input: BudgetDecisionInput!) {
    recordBudgetDecision(agreementId: $agreementId, input: $input) {
      countyFrame countyAmount total
      budgetDecisions { id payer grantedAmount reference inForce supersedes { reference } }
      budgetDecisionHistory { id grantedAmount reference inForce recordedBy supersedes { id } supersededBy { id } }
    }
  }`;
  type Decided = {
    recordBudgetDecision: {
      countyFrame: string;
      countyAmount: string;
      total: string;
      budgetDecisions: { id: string; grantedAmount: string; reference: string; inForce: boolean }[];
      budgetDecisionHistory: {
        id: string;
        grantedAmount: string;
        reference: string;
        inForce: boolean;
        recordedBy: string | null;
        supersedes: { id: string } | null;
        supersededBy: { id: string } | null;
      }[];
    };
  };
  const input = (grantedAmount: string, reference: string, supersedes?: string) => ({
    agreementId: 'nedre-glomma-2022',
    input: { year: 2025, payer: 'COUNTY', grantedAmount, decidedOn: '2024-12-10', reference, supersedes },
  });

  const ostfold = { as: 'ostfold.officer' };

  it('supersedes the decision in force, keeps it in the history, and counts only the correction', async () => {
    today = '2024-12-20';
    // Nedre Glomma answers to Østfold since 2024: Hilde Solberg (ostfold.officer) records its decisions.
    const first = await subgraph.execute<Decided>(decide, input('100000.01', 'FT-sak 12/24'), ostfold);
    expect(first.errors).toBeUndefined();
    const firstId = first.data?.recordBudgetDecision.budgetDecisions[0]?.id as string;
    // A second decision for the county's 2025 amount is a correction, not a CONFLICT.
    const corrected = await subgraph.execute<Decided>(decide, input('400000.00', 'FT-sak 12/24, rettet'), ostfold);
    expect(corrected.errors).toBeUndefined();
    const funding = corrected.data?.recordBudgetDecision;
    const correctionId = funding?.budgetDecisions[0]?.id as string;
    // 144 600 inhabitants: county frame 795 300.00, lowered to 400 000.00; the municipalities' 361 500.00 stay.
    expect(funding).toMatchObject({ countyFrame: '795300.00', countyAmount: '400000.00', total: '761500.00' });
    expect(funding?.budgetDecisions).toEqual([
      {
        id: correctionId,
        payer: 'COUNTY',
        grantedAmount: '400000.00',
        reference: 'FT-sak 12/24, rettet',
        inForce: true,
        supersedes: { reference: 'FT-sak 12/24' },
      },
    ]);
    expect(funding?.budgetDecisionHistory).toEqual([
      {
        id: firstId,
        grantedAmount: '100000.01',
        reference: 'FT-sak 12/24',
        inForce: false,
        recordedBy: 'Hilde Solberg',
        supersedes: null,
        supersededBy: { id: correctionId },
      },
      {
        id: correctionId,
        grantedAmount: '400000.00',
        reference: 'FT-sak 12/24, rettet',
        inForce: true,
        recordedBy: 'Hilde Solberg',
        supersedes: { id: firstId },
        supersededBy: null,
      },
    ]);
    // The instalments follow the correction: 400 000.00 in two halves.
    expect((await payments('nedre-glomma', 2025)).map((p) => p.amount)).toEqual(['200000.00', '200000.00']);

    // A correction based on the superseded decision was overtaken: CONFLICT, nothing stored.
    const stale = await subgraph.execute<Decided>(decide, input('300000.00', 'FT-sak 13/24', firstId), ostfold);
    expect(code(stale)).toBe('CONFLICT');
    const named = await subgraph.execute<Decided>(decide, input('300000.00', 'FT-sak 13/24', correctionId), ostfold);
    expect(named.errors).toBeUndefined();
    expect(named.data?.recordBudgetDecision.countyAmount).toBe('300000.00');
    expect(named.data?.recordBudgetDecision.budgetDecisionHistory.map((d) => [d.grantedAmount, d.inForce])).toEqual([
      ['100000.01', false],
      ['400000.00', false],
      ['300000.00', true],
    ]);
    const unknown = await subgraph.execute(decide, input('1.00', 'x', '00000000-0000-4000-8000-000000000000'), ostfold);
    expect(code(unknown)).toBe('BAD_USER_INPUT');
    expect(field(unknown)).toBe('input.supersedes');
  });

  it("shows the demo's corrected municipal decision of Kongsbergregionen with the record it superseded", async () => {
    const { data, errors } = await subgraph.execute<{
      _entities: {
        funding: {
          municipalShares: { municipality: { number: string }; frame: string; amount: string }[];
          budgetDecisions: { payer: string; grantedAmount: string }[];
          budgetDecisionHistory: { payer: string; grantedAmount: string; inForce: boolean }[];
        };
      }[];
    }>(
      `query F($r: [_Any!]!) { _entities(representations: $r) { ... on Region { funding(year: 2025) {
        municipalShares { municipality { number } frame amount }
        budgetDecisions { payer grantedAmount } budgetDecisionHistory { payer grantedAmount inForce } } } } }`,
      { r: [{ __typename: 'Region', id: 'kongsbergregionen' }] },
    );
    expect(errors).toBeUndefined();
    const funding = data?._entities[0]?.funding;
    const decided = funding?.budgetDecisions[0];
    const share = funding?.municipalShares.find((s) => s.municipality.number === decided?.payer);
    // Half the frame: the council's decision, which corrected the first record (withheld altogether).
    expect(decided?.grantedAmount).toBe(share?.amount);
    expect(Number(share?.frame)).toBe(2 * Number(share?.amount));
    expect(funding?.budgetDecisionHistory.map((d) => [d.grantedAmount, d.inForce])).toEqual([
      ['0.00', false],
      [share?.amount, true],
    ]);
  });
});

describe('a submission rejected and not resubmitted by its deadline is late', () => {
  it("counts Midt-Buskerud's 2025 budget, submitted on time (2024-11-28) but rejected, late after 1 December", async () => {
    today = '2024-12-01';
    expect(await late('midt-buskerud', 2024, 'BUDGET', 2025)).toMatchObject({ status: 'REJECTED', late: false });
    today = '2024-12-02';
    expect(await late('midt-buskerud', 2024, 'BUDGET', 2025)).toMatchObject({ status: 'REJECTED', late: true });
  });
});
