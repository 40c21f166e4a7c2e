// The county's agreements, funding, payments and reporting cycle through the subgraph, on the demo
// seed, with "today" fixed so deadlines can be checked to the day.
import type { Caller, Orm, SubgraphRequest } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Context, createContext } from '../src/context.js';
import { PaymentSchema } from '../src/entities/payment.js';
import { countySubgraph } from '../src/server.js';

let today = '2024-06-15';
let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph({
    ...countySubgraph,
    context: (orm: Orm, caller: Caller, request: SubgraphRequest) => createContext(orm, caller, request, () => today),
  });
});
afterAll(() => subgraph?.close());
beforeEach(() => {
  today = '2024-06-15';
});

const code = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code;
const field = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.field;

const regionQuery = `query Region($representations: [_Any!]!, $year: Int!) {
  _entities(representations: $representations) {
    ... on Region {
      id
      agreement { id status validFrom validTo }
      funding(year: $year) { countyAmount municipalAmount total inhabitants countyRate municipalRate
        municipalShares { municipality { number } inhabitants frame amount } }
      payments(year: $year) { instalment dueDate amount status payer paidOn }
      submissions(year: $year) { id kind coversYear dueDate status late version }
    }
  }
}`;
type RegionData = {
  _entities: {
    id: string;
    agreement: { id: string; status: string } | null;
    funding: { countyAmount: string; municipalAmount: string; total: string; municipalShares: unknown[] } | null;
    payments: { instalment: string; dueDate: string; amount: string; status: string; payer: string }[];
    submissions: {
      id: string | null;
      kind: string;
      coversYear: number;
      dueDate: string;
      status: string;
      late: boolean;
      version: number | null;
    }[];
  }[];
};
const region = async (id: string, year: number, as = 'county.officer') => {
  const result = await subgraph.execute<RegionData>(
    regionQuery,
    { representations: [{ __typename: 'Region', id }], year },
    { as },
  );
  expect(result.errors).toBeUndefined();
  const entity = result.data?._entities[0];
  if (!entity) throw new Error(`no region ${id}`);
  return entity;
};
const submission = (entity: RegionData['_entities'][number], kind: string, coversYear: number) =>
  entity.submissions.find((s) => s.kind === kind && s.coversYear === coversYear);

describe('funding (§6)', () => {
  it("gives Follo's 2023 funding from 129 000 inhabitants at NOK 5.50 and 2.50, split by own inhabitants", async () => {
    const follo = await region('follo', 2023);
    expect(follo.funding).toEqual({
      countyAmount: '709500.00',
      municipalAmount: '322500.00',
      total: '1032000.00',
      inhabitants: 129000,
      countyRate: '5.50',
      municipalRate: '2.50',
      municipalShares: [
        { municipality: { number: '3020' }, inhabitants: 61200, frame: '153000.00', amount: '153000.00' },
        { municipality: { number: '3021' }, inhabitants: 20800, frame: '52000.00', amount: '52000.00' },
        { municipality: { number: '3022' }, inhabitants: 15900, frame: '39750.00', amount: '39750.00' },
        { municipality: { number: '3023' }, inhabitants: 19900, frame: '49750.00', amount: '49750.00' },
        { municipality: { number: '3028' }, inhabitants: 11200, frame: '28000.00', amount: '28000.00' },
      ],
    });
  });

  it('uses the rate an amendment raised (Follo, NOK 6.00 from 2024) and no funding outside the agreement', async () => {
    expect((await region('follo', 2024)).funding?.countyAmount).toBe('774000.00');
    expect((await region('halden', 2026)).funding).toBeNull();
  });

  it("gives the odd øre of a lowered county amount to January's instalment", async () => {
    const result = await subgraph.execute(
      `mutation Decide($agreementId: ID!, $input: BudgetDecisionInput!) {
        recordBudgetDecision(agreementId: $agreementId, input: $input) { countyFrame countyAmount total }
      }`,
      {
        agreementId: 'nedre-glomma-2022',
        input: {
          year: 2025,
          payer: 'COUNTY',
          grantedAmount: '100000.01',
          decidedOn: '2024-12-10',
          reference: 'FT-sak 12/24',
        },
      },
      // Nedre Glomma answers to Østfold since 2024.
      { as: 'ostfold.officer' },
    );
    expect(result.errors).toBeUndefined();
    // Nedre Glomma's 144 600 inhabitants give a county frame of 795 300.00, lowered to 100 000.01;
    // the municipalities still pay 144 600 × 2.50 = 361 500.00.
    expect(result.data).toEqual({
      recordBudgetDecision: { countyFrame: '795300.00', countyAmount: '100000.01', total: '461500.01' },
    });
    // Its 2025 activity plan is missing, so nothing is paid yet: both halves wait, the odd øre in January.
    const nedreGlomma = await region('nedre-glomma', 2025);
    expect(nedreGlomma.payments.map((p) => [p.instalment, p.dueDate, p.amount, p.status])).toEqual([
      ['JANUARY', '2025-01-31', '50000.01', 'BLOCKED'],
      ['AUGUST', '2025-08-31', '50000.00', 'BLOCKED'],
    ]);
  });

  it('refuses a rate below the minimum, naming the argument', async () => {
    const result = await subgraph.execute(
      `mutation Rates($version: Int!) {
        setFundingRates(agreementId: "halden-2022", version: $version, year: 2025, countyRate: "5.49", municipalRate: "2.50") { countyAmount }
      }`,
      { version: 1 },
      { as: 'ostfold.officer' },
    );
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe('countyRate');
  });
});

describe('the 2024 succession', () => {
  const partiesQuery = `query Parties($id: ID!, $on: Date!) {
    agreement(id: $id) { parties(on: $on) { kind organisationName succeeds { organisationName } } }
  }`;
  const countyOn = async (id: string, on: string) => {
    const { data, errors } = await subgraph.execute<{
      agreement: {
        parties: { kind: string; organisationName: string; succeeds: { organisationName: string } | null }[];
      };
    }>(partiesQuery, { id, on });
    expect(errors).toBeUndefined();
    return data?.agreement.parties.filter((p) => p.kind === 'COUNTY');
  };

  it('shows Viken up to 2023-12-31 and its successor by region from 2024-01-01', async () => {
    expect(await countyOn('follo-2022', '2023-12-31')).toEqual([
      { kind: 'COUNTY', organisationName: 'Viken fylkeskommune', succeeds: null },
    ]);
    expect(await countyOn('follo-2022', '2024-01-01')).toEqual([
      {
        kind: 'COUNTY',
        organisationName: 'Akershus fylkeskommune',
        succeeds: { organisationName: 'Viken fylkeskommune' },
      },
    ]);
    expect((await countyOn('halden-2022', '2024-01-01'))?.[0]?.organisationName).toBe('Østfold fylkeskommune');
    expect((await countyOn('drammensregionen-2022', '2025-06-01'))?.[0]?.organisationName).toBe(
      'Buskerud fylkeskommune',
    );
  });

  it('names the successors, Innovasjon Norge and each contract municipality on the public website', async () => {
    const query = 'query P { publicResponsibleParties { kind name regionIds } }';
    const parties = async () => {
      const { data, errors } = await subgraph.execute<{
        publicResponsibleParties: { kind: string; name: string; regionIds: string[] }[];
      }>(query, {}, { as: null });
      expect(errors).toBeUndefined();
      return data?.publicResponsibleParties ?? [];
    };
    today = '2023-06-01';
    expect((await parties()).filter((p) => p.kind === 'COUNTY').map((p) => p.name)).toEqual(['Viken fylkeskommune']);
    today = '2024-06-15';
    const now = await parties();
    expect(now.filter((p) => p.kind === 'COUNTY').map((p) => p.name)).toEqual([
      'Akershus fylkeskommune',
      'Buskerud fylkeskommune',
      'Østfold fylkeskommune',
    ]);
    expect(now.find((p) => p.kind === 'INNOVASJON_NORGE')?.regionIds).toHaveLength(13);
    const contract = now.filter((p) => p.kind === 'CONTRACT_MUNICIPALITY');
    expect(new Set(contract.flatMap((p) => p.regionIds)).size).toBe(13);
    expect(now.some((p) => p.kind === 'MUNICIPALITY' || p.kind === 'NAV')).toBe(false);
  });

  it('keeps 2023 payments paid by Viken and shows 2024 ones paid by the successor', async () => {
    expect((await region('follo', 2023)).payments.map((p) => p.payer)).toEqual([
      'Viken fylkeskommune',
      'Viken fylkeskommune',
    ]);
    expect((await region('follo', 2024)).payments.map((p) => p.payer)).toEqual([
      'Akershus fylkeskommune',
      'Akershus fylkeskommune',
    ]);
  });
});

describe('submissions and deadlines (§7)', () => {
  it('asks in 2024 for the reports on 2023 due 1 May and the plans for 2025 due 1 December', async () => {
    const follo = await region('follo', 2024);
    expect(
      follo.submissions.map(({ kind, coversYear, dueDate, status }) => ({ kind, coversYear, dueDate, status })),
    ).toEqual([
      { kind: 'ANNUAL_REPORT', coversYear: 2023, dueDate: '2024-05-01', status: 'APPROVED' },
      { kind: 'ACCOUNTS', coversYear: 2023, dueDate: '2024-05-01', status: 'APPROVED' },
      { kind: 'ACTIVITY_PLAN', coversYear: 2025, dueDate: '2024-12-01', status: 'APPROVED' },
      { kind: 'BUDGET', coversYear: 2025, dueDate: '2024-12-01', status: 'APPROVED' },
    ]);
  });

  it('is MISSING on 1 May and OVERDUE from 2 May', async () => {
    today = '2024-05-01';
    expect(submission(await region('ringerike-og-hadeland', 2025), 'ANNUAL_REPORT', 2024)?.status).toBe('MISSING');
    today = '2025-05-01';
    expect(submission(await region('ringerike-og-hadeland', 2025), 'ANNUAL_REPORT', 2024)?.status).toBe('MISSING');
    today = '2025-05-02';
    const report = submission(await region('ringerike-og-hadeland', 2025), 'ANNUAL_REPORT', 2024);
    expect(report).toMatchObject({ status: 'OVERDUE', late: true, dueDate: '2025-05-01' });
  });

  it('is MISSING on 1 December and OVERDUE from 2 December, for the next year', async () => {
    today = '2024-12-01';
    expect(submission(await region('nedre-glomma', 2024), 'ACTIVITY_PLAN', 2025)?.status).toBe('MISSING');
    today = '2024-12-02';
    expect(submission(await region('nedre-glomma', 2024), 'ACTIVITY_PLAN', 2025)?.status).toBe('OVERDUE');
  });

  it('lists the first plans in the year before the agreement and the last reports in the year after', async () => {
    expect((await region('halden', 2021)).submissions.map((s) => [s.kind, s.coversYear, s.dueDate])).toEqual([
      ['ACTIVITY_PLAN', 2022, '2021-12-01'],
      ['BUDGET', 2022, '2021-12-01'],
    ]);
    expect((await region('halden', 2026)).submissions.map((s) => [s.kind, s.coversYear, s.dueDate])).toEqual([
      ['ANNUAL_REPORT', 2025, '2026-05-01'],
      ['ACCOUNTS', 2025, '2026-05-01'],
    ]);
  });

  it('shows a late submission as late', async () => {
    expect(submission(await region('halden', 2024), 'ACCOUNTS', 2023)).toMatchObject({
      status: 'APPROVED',
      late: true,
    });
  });
});

describe('payments (§7)', () => {
  const recordPayment = `mutation Pay($regionId: ID!, $year: Int!, $instalment: Instalment!, $paidOn: Date!) {
    recordPayment(regionId: $regionId, year: $year, instalment: $instalment, paidOn: $paidOn, reference: "UTB-1") { amount status paidOn }
  }`;
  const submit = `mutation Submit($input: SubmitInput!) { submit(input: $input) { id status version submittedOn } }`;
  const approve = `mutation Approve($id: ID!, $version: Int!) { approveSubmission(id: $id, version: $version) { status version } }`;

  it('blocks the instalments until the plan and budget are approved, then pays each once', async () => {
    today = '2026-01-10';
    const before = await region('ovre-romerike', 2025);
    expect(before.payments.map((p) => p.status)).toEqual(['PAID', 'PAID']);

    // Follo's 2026 budget was rejected: both instalments wait.
    let follo = await region('follo', 2026);
    expect(follo.payments.map((p) => p.status)).toEqual(['BLOCKED', 'BLOCKED']);
    const blocked = await subgraph.execute(recordPayment, {
      regionId: 'follo',
      year: 2026,
      instalment: 'JANUARY',
      paidOn: '2026-01-10',
    });
    expect(code(blocked)).toBe('BAD_USER_INPUT');
    expect(field(blocked)).toBe('instalment');

    const rejected = submission(await region('follo', 2025), 'BUDGET', 2026);
    expect(rejected?.status).toBe('REJECTED');
    const resubmitted = await subgraph.execute<{ submit: { id: string; status: string; version: number } }>(
      submit,
      {
        input: {
          regionId: 'follo',
          kind: 'BUDGET',
          coversYear: 2026,
          documentReference: 'follo/2026/budsjett-v2.pdf',
          totalAmount: '1096500.00',
          version: rejected?.version,
        },
      },
      { as: 'follo.adviser' },
    );
    expect(resubmitted.errors).toBeUndefined();
    expect(resubmitted.data?.submit.status).toBe('SUBMITTED');
    follo = await region('follo', 2026);
    expect(follo.payments.map((p) => p.status)).toEqual(['BLOCKED', 'BLOCKED']);

    const approved = await subgraph.execute(approve, {
      id: resubmitted.data?.submit.id,
      version: resubmitted.data?.submit.version,
    });
    expect(approved.errors).toBeUndefined();
    follo = await region('follo', 2026);
    expect(follo.payments.map((p) => [p.amount, p.status])).toEqual([
      ['387000.00', 'DUE'],
      ['387000.00', 'DUE'],
    ]);

    const first = await subgraph.execute(recordPayment, {
      regionId: 'follo',
      year: 2026,
      instalment: 'JANUARY',
      paidOn: '2026-01-10',
    });
    const again = await subgraph.execute(recordPayment, {
      regionId: 'follo',
      year: 2026,
      instalment: 'JANUARY',
      paidOn: '2026-01-10',
    });
    // Recorded by the officer who approved the budget: it counts as paid only once a second officer confirms it.
    expect(first.data).toEqual({ recordPayment: { amount: '387000.00', status: 'RECORDED', paidOn: '2026-01-10' } });
    expect(again.data).toEqual(first.data);
    const confirmed = await subgraph.execute(
      `mutation Confirm { confirmPayment(regionId: "follo", year: 2026, instalment: JANUARY, reference: "UTB-1") { status } }`,
      {},
      { as: 'county.controller' },
    );
    expect(confirmed.data).toEqual({ confirmPayment: { status: 'PAID' } });
    const rows = await subgraph.orm.em.fork().count(PaymentSchema, { agreement: 'follo-2022', year: 2026 });
    expect(rows).toBe(1);
  });

  it('refuses a decision based on a stale version with CONFLICT', async () => {
    const rejected = submission(await region('midt-buskerud', 2024), 'BUDGET', 2025);
    const stale = await subgraph.execute(
      approve,
      { id: rejected?.id, version: (rejected?.version ?? 0) + 1 },
      { as: 'buskerud.officer' },
    );
    expect(code(stale)).toBe('CONFLICT');
  });
});

describe('notices (§10)', () => {
  const notice = `mutation Notice($version: Int!, $input: NoticeInput!) {
    giveNotice(agreementId: "hallingdal-2022", version: $version, input: $input) { status version notices { givenOn effectiveOn } }
  }`;

  it('takes effect one year after notice at the earliest, and refuses an earlier date naming the field', async () => {
    today = '2024-02-29';
    const early = await subgraph.execute(
      notice,
      {
        version: 1,
        input: { organisationId: '3043', givenOn: '2024-02-29', effectiveOn: '2025-02-27' },
      },
      { as: 'buskerud.officer' },
    );
    expect(code(early)).toBe('BAD_USER_INPUT');
    expect(field(early)).toBe('input.effectiveOn');

    const given = await subgraph.execute(
      notice,
      {
        version: 1,
        input: { organisationId: '3043', givenOn: '2024-02-29' },
      },
      { as: 'buskerud.officer' },
    );
    expect(given.errors).toBeUndefined();
    expect(given.data).toEqual({
      giveNotice: { status: 'ACTIVE', version: 2, notices: [{ givenOn: '2024-02-29', effectiveOn: '2025-02-28' }] },
    });
    const stale = await subgraph.execute(
      notice,
      {
        version: 1,
        input: { organisationId: '3043', givenOn: '2024-03-01' },
      },
      { as: 'buskerud.officer' },
    );
    expect(code(stale)).toBe('CONFLICT');
  });
});

describe('entities', () => {
  it('resolves Agreement references by id', async () => {
    today = '2026-11-26';
    const { data, errors } = await subgraph.execute(
      `query A($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Agreement { id status validFrom validTo originalValidTo region { id } } } }`,
      {
        representations: [
          { __typename: 'Agreement', id: 'follo-2022' },
          { __typename: 'Agreement', id: 'halden-2022' },
          { __typename: 'Agreement', id: 'nowhere' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [
        {
          id: 'follo-2022',
          status: 'EXTENDED',
          validFrom: '2022-01-01',
          validTo: '2026-12-31',
          originalValidTo: '2025-12-31',
          region: { id: 'follo' },
        },
        {
          id: 'halden-2022',
          status: 'EXPIRED',
          validFrom: '2022-01-01',
          validTo: '2025-12-31',
          originalValidTo: '2025-12-31',
          region: { id: 'halden' },
        },
        null,
      ],
    });
  });

  it('resolves Region references with the agreement, and nothing for a region without one', async () => {
    today = '2026-11-26';
    const follo = await region('follo', 2023);
    expect(follo.agreement).toEqual({
      id: 'follo-2022',
      status: 'EXTENDED',
      validFrom: '2022-01-01',
      validTo: '2026-12-31',
    });
    const nowhere = await region('nowhere', 2023);
    expect(nowhere).toEqual({ id: 'nowhere', agreement: null, funding: null, payments: [], submissions: [] });
  });
});

describe('access', () => {
  const submitPlan = `mutation Submit($input: SubmitInput!) { submit(input: $input) { status } }`;
  const plan = {
    regionId: 'follo',
    kind: 'ACTIVITY_PLAN',
    coversYear: 2026,
    documentReference: 'x.pdf',
    targets: {
      newClients: 1,
      clientsWithImmigrantBackground: 1,
      coursesHeld: 1,
      counsellingHours: 1,
      businessesStarted: 1,
    },
  };

  it('lets every signed-in role read funding, payments and submission statuses', async () => {
    for (const as of [
      'nav.officer',
      'innovasjonnorge.officer',
      'coordination.member',
      'drammen.adviser',
      'partner.api',
    ]) {
      expect((await region('follo', 2023, as)).funding?.total, as).toBe('1032000.00');
    }
  });

  it("refuses submissions for a region from others than its contract municipality's officer and advisers", async () => {
    for (const as of ['drammen.officer', 'drammen.adviser', 'county.officer', 'nav.officer']) {
      expect(code(await subgraph.execute(submitPlan, { input: plan }, { as })), as).toBe('FORBIDDEN');
    }
    // An approved plan cannot be replaced, but the contract municipality's officer may try.
    const own = await subgraph.execute(submitPlan, { input: { ...plan, version: 1 } }, { as: 'nordrefollo.officer' });
    expect(code(own)).toBe('CONFLICT');
  });

  it('validates before anything else, naming the field', async () => {
    const result = await subgraph.execute(submitPlan, { input: { ...plan, targets: null } }, { as: 'follo.adviser' });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe('input.targets');
  });

  it('lets only county officers approve, pay, amend and record meetings', async () => {
    const attempts = [
      ['mutation { approveSubmission(id: "00000000-0000-0000-0000-000000000000", version: 1) { status } }', {}],
      [
        'mutation { recordPayment(regionId: "follo", year: 2026, instalment: AUGUST, paidOn: "2026-08-01", reference: "x") { status } }',
        {},
      ],
      [
        'mutation { extendAgreement(agreementId: "follo-2022", version: 1, validTo: "2027-12-31", decidedOn: "2026-01-01", consentingPartyIds: []) { id } }',
        {},
      ],
      [
        'mutation { recordMeeting(input: { kind: COORDINATION_GROUP, date: "2026-01-01", participants: ["x"], agenda: "x", decisions: [] }) { id } }',
        {},
      ],
    ] as const;
    for (const as of ['follo.adviser', 'nordrefollo.officer', 'coordination.member', 'partner.api']) {
      for (const [mutation, variables] of attempts) {
        expect(code(await subgraph.execute(mutation, variables, { as })), `${as}: ${mutation}`).toBe('FORBIDDEN');
      }
    }
  });
});

describe('coordination group, meetings and evaluations', () => {
  it('shows the members on a date, the meetings the agreement requires and whether they were held', async () => {
    today = '2026-11-26';
    const { data, errors } = await subgraph.execute<{
      coordinationGroup: { organisationName: string }[];
      dueMeetings: {
        kind: string;
        region: { id: string } | null;
        dueBy: string;
        overdue: boolean;
        heldAs: { date: string } | null;
      }[];
      evaluations: { title: string }[];
    }>(
      `query Coordination($on: Date!, $year: Int!) {
        coordinationGroup(on: $on) { organisationName }
        dueMeetings(year: $year) { kind region { id } dueBy overdue heldAs { date } }
        evaluations { title }
      }`,
      { on: '2023-06-01', year: 2023 },
    );
    expect(errors).toBeUndefined();
    const organisations = data?.coordinationGroup.map((m) => m.organisationName) ?? [];
    expect(organisations).toContain('Viken fylkeskommune');
    expect(organisations).not.toContain('Akershus fylkeskommune');
    expect(data?.dueMeetings[0]).toEqual({
      kind: 'EXPERIENCE_MEETING',
      region: null,
      dueBy: '2023-12-31',
      overdue: false,
      heldAs: { date: '2023-10-18' },
    });
    expect(data?.dueMeetings.filter((m) => m.kind === 'SUPPLEMENTARY_CONTENT')).toHaveLength(26);
    expect(data?.evaluations).toHaveLength(2);

    const missing = await subgraph.execute<{
      dueMeetings: { region: { id: string }; dueBy: string; overdue: boolean }[];
    }>('query Due($year: Int!) { dueMeetings(year: $year) { region { id } dueBy overdue } }', { year: 2024 });
    expect(missing.data?.dueMeetings.filter((m) => m.overdue)).toEqual([
      { region: { id: 'indre-ostfold' }, dueBy: '2024-06-30', overdue: true },
    ]);
  });
});

describe('meetings name regions that exist', () => {
  const recordMeeting = `mutation Record($input: MeetingInput!) { recordMeeting(input: $input) { id region { id } } }`;
  const meeting = {
    kind: 'SUPPLEMENTARY_CONTENT',
    date: '2026-03-02',
    participants: ['Viken fylkeskommune'],
    agenda: 'Supplementary content',
    decisions: [],
  };
  const meetingsOf = async (regionId: string) =>
    Number(
      (
        (await subgraph.orm.em
          .getConnection()
          .execute('select count(*) as n from meeting where region_id = ?', [regionId])) as { n: string }[]
      )[0]?.n,
    );

  it('refuses a meeting with a made-up or overlong region id, storing nothing', async () => {
    for (const regionId of ['atlantis', "follo'; drop table meeting; --", 'follo ', 'follo'.padEnd(300, 'x')]) {
      const result = await subgraph.execute(
        recordMeeting,
        { input: { ...meeting, regionId } },
        { as: 'county.officer' },
      );
      expect(code(result), regionId).toBe('BAD_USER_INPUT');
      expect(field(result)).toBe('input.regionId');
      expect(await meetingsOf(regionId)).toBe(0);
    }
  });

  it('records one with a region of the county', async () => {
    const result = await subgraph.execute<{ recordMeeting: { region: { id: string } } }>(
      recordMeeting,
      { input: { ...meeting, regionId: 'follo' } },
      { as: 'county.officer' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordMeeting.region).toEqual({ id: 'follo' });
  });

  it('refuses a payment to a made-up region', async () => {
    const result = await subgraph.execute(
      `mutation Pay($regionId: ID!) { recordPayment(regionId: $regionId, year: 2026, instalment: JANUARY, paidOn: "2026-01-05", reference: "v-1") { status } }`,
      { regionId: 'x'.repeat(300) },
      { as: 'county.officer' },
    );
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(field(result)).toBe('regionId');
  });
});

describe('the annual report beside the plan', () => {
  const submit = `mutation Submit($input: SubmitInput!) { submit(input: $input) { status reportedFigures { newClients } } }`;
  const figures = {
    newClients: 180,
    clientsWithImmigrantBackground: 50,
    coursesHeld: 9,
    counsellingHours: 700,
    businessesStarted: 70,
  };
  const report = {
    regionId: 'follo',
    kind: 'ANNUAL_REPORT',
    coversYear: 2026,
    documentReference: 'arsrapport-2026.pdf',
  };
  const reports = `query Reports($r: [_Any!]!, $year: Int!) { _entities(representations: $r) { ... on Region {
    submissions(year: $year) { kind coversYear status targets { newClients } reportedFigures { newClients businessesStarted } plannedTargets { newClients } } } } }`;

  it('needs the key figures, and sets them beside the targets of the approved plan for the year', async () => {
    today = '2027-02-01';
    const without = await subgraph.execute(submit, { input: report }, { as: 'follo.adviser' });
    expect(code(without)).toBe('BAD_USER_INPUT');
    expect(field(without)).toBe('input.reportedFigures');
    const submitted = await subgraph.execute(
      submit,
      { input: { ...report, reportedFigures: figures } },
      { as: 'follo.adviser' },
    );
    expect(submitted.data).toEqual({ submit: { status: 'SUBMITTED', reportedFigures: { newClients: 180 } } });

    type Row = {
      kind: string;
      coversYear: number;
      status: string;
      targets: { newClients: number } | null;
      reportedFigures: unknown;
      plannedTargets: unknown;
    };
    const load = async (year: number) =>
      ((
        await subgraph.execute<{ _entities: { submissions: Row[] }[] }>(reports, {
          r: [{ __typename: 'Region', id: 'follo' }],
          year,
        })
      ).data?._entities[0]?.submissions ?? []) as Row[];
    const plan = (await load(2025)).find((row) => row.kind === 'ACTIVITY_PLAN' && row.coversYear === 2026);
    const annual = (await load(2027)).find((row) => row.kind === 'ANNUAL_REPORT' && row.coversYear === 2026);
    expect(annual?.reportedFigures).toEqual({ newClients: 180, businessesStarted: 70 });
    expect(annual?.plannedTargets).toEqual(
      plan?.status === 'APPROVED' ? { newClients: plan.targets?.newClients } : null,
    );
    const other = await subgraph.execute(
      submit,
      { input: { ...report, kind: 'ACCOUNTS', reportedFigures: figures } },
      { as: 'follo.adviser' },
    );
    expect(field(other)).toBe('input.reportedFigures');
  });
});

describe("the county's queue of submissions awaiting a decision", () => {
  const awaitingQuery = `query Awaiting($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Region { id submissionsAwaitingDecision { id kind coversYear dueDate status submittedOn } }
    }
  }`;
  type Awaiting = {
    id: string;
    kind: string;
    coversYear: number;
    dueDate: string;
    status: string;
    submittedOn: string;
  };
  const awaiting = async (id: string, as = 'county.officer') => {
    const result = await subgraph.execute<{ _entities: { submissionsAwaitingDecision: Awaiting[] }[] }>(
      awaitingQuery,
      { representations: [{ __typename: 'Region', id }] },
      { as },
    );
    expect(result.errors).toBeUndefined();
    return result.data?._entities[0]?.submissionsAwaitingDecision ?? [];
  };
  /** What the year-by-year field says is SUBMITTED in any year from 2020 to 2032. */
  const submittedYearByYear = async (id: string) => {
    const found: { kind: string; coversYear: number }[] = [];
    for (let year = 2020; year <= 2032; year++) {
      for (const item of (await region(id, year)).submissions) {
        if (item.status === 'SUBMITTED') found.push({ kind: item.kind, coversYear: item.coversYear });
      }
    }
    return found;
  };
  const submit = `mutation Submit($input: SubmitInput!) { submit(input: $input) { id status submittedOn } }`;

  it('holds every submitted one of the region, whatever year it is due in, and only those', async () => {
    for (const id of ['follo', 'halden', 'ringerike-og-hadeland']) {
      const queue = await awaiting(id);
      expect(queue.every((item) => item.status === 'SUBMITTED')).toBe(true);
      const key = (item: { kind: string; coversYear: number }) => `${item.kind} ${item.coversYear}`;
      expect(queue.map(key).sort()).toEqual((await submittedYearByYear(id)).map(key).sort());
    }
  });

  it('keeps one submitted years ago, which no window around today would show, longest waiting first', async () => {
    // Follo's accounts or budget for a year long past, handed in late, still wait years later.
    today = '2027-06-15';
    let missing: RegionData['_entities'][number]['submissions'][number] | undefined;
    for (let year = 2021; year <= 2027 && !missing; year++) {
      missing = (await region('follo', year)).submissions.find(
        (item) => item.id === null && (item.kind === 'ACCOUNTS' || item.kind === 'BUDGET'),
      );
    }
    expect(missing).toBeDefined();
    const input = {
      regionId: 'follo',
      kind: missing?.kind,
      coversYear: missing?.coversYear,
      documentReference: 'follo/sent-levert.pdf',
      ...(missing?.kind === 'BUDGET' ? { totalAmount: '1000000.00' } : {}),
    };
    const sent = await subgraph.execute<{ submit: { id: string; status: string } }>(
      submit,
      { input },
      { as: 'follo.adviser' },
    );
    expect(sent.errors).toBeUndefined();
    today = '2029-06-15';
    const queue = await awaiting('follo');
    const waiting = queue.find((item) => item.id === sent.data?.submit.id);
    expect(waiting).toMatchObject({ kind: missing?.kind, coversYear: missing?.coversYear, status: 'SUBMITTED' });
    // Due before last year: the console's old queue (last, this and next year) would not have shown it.
    expect(Number(waiting?.dueDate.slice(0, 4))).toBeLessThan(2028);
    const order = queue.map((item) => item.submittedOn);
    expect(order).toEqual([...order].sort());
  });

  it("shows a Viken officer only those due before 2024, and nothing to a caller who may not read the county's records", async () => {
    const all = await awaiting('follo');
    const viken = await awaiting('follo', 'viken.officer');
    expect(viken).toEqual(all.filter((item) => Number(item.dueDate.slice(0, 4)) < 2024));
    const anonymous = await subgraph.execute(
      awaitingQuery,
      { representations: [{ __typename: 'Region', id: 'follo' }] },
      { as: null },
    );
    expect(code(anonymous)).toBe('UNAUTHENTICATED');
  });
});
