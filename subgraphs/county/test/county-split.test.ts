// The 2024 county split in the county subgraph: authority follows the county that succeeded Viken
// for the region, Viken's officers read history, and a region's county amount is paid by each
// municipality's own county from 2024 (figures by hand from the demo's approximate populations).
import type { Caller, Orm, SubgraphRequest } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Context, createContext } from '../src/context.js';
import { PaymentSchema } from '../src/entities/payment.js';
import { SubmissionSchema } from '../src/entities/submission.js';
import { countySubgraph } from '../src/server.js';

let today = '2026-04-20';
let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph({
    ...countySubgraph,
    context: (orm: Orm, caller: Caller, request: SubgraphRequest) => createContext(orm, caller, request, () => today),
  });
});
afterAll(() => subgraph?.close());
beforeEach(() => {
  today = '2026-04-20';
});

type Result = { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
const code = (result: Result) => result.errors?.[0]?.extensions?.code;

const submit = `mutation Submit($input: SubmitInput!) { submit(input: $input) { id status version } }`;
const approve = `mutation Approve($id: ID!, $version: Int!) { approveSubmission(id: $id, version: $version) { status decidedBy } }`;
const reject = `mutation Reject($id: ID!, $version: Int!) { rejectSubmission(id: $id, version: $version, comment: "Mangler regnskap") { status } }`;
const pay = `mutation Pay($regionId: ID!, $year: Int!, $instalment: Instalment!, $reference: String!, $payerId: ID, $paidOn: Date! = "2026-04-20") {
  recordPayment(regionId: $regionId, year: $year, instalment: $instalment, paidOn: $paidOn, reference: $reference, payerId: $payerId) {
    amount status shares { county { id } amount status reference }
  }
}`;
const confirmPart = `mutation Confirm($regionId: ID!, $year: Int!, $instalment: Instalment!, $reference: String!, $payerId: ID) {
  confirmPayment(regionId: $regionId, year: $year, instalment: $instalment, reference: $reference, payerId: $payerId) {
    amount status shares { county { id } amount status reference confirmedBy }
  }
}`;
const regionQuery = `query Region($representations: [_Any!]!, $year: Int!) {
  _entities(representations: $representations) {
    ... on Region {
      county { id name }
      countyOn(date: "2023-12-31") { id }
      funding(year: $year) {
        countyAmount
        countyPayers { county { id name } municipalities { number } inhabitants amount }
      }
      payments(year: $year) {
        instalment amount status payer
        shares { county { id } municipalities { number } amount status }
      }
    }
  }
}`;
const region = (id: string, year: number, as = 'county.officer') =>
  subgraph.execute<{ _entities: Record<string, unknown>[] }>(
    regionQuery,
    { representations: [{ __typename: 'Region', id }], year },
    { as },
  );

/** Drammensregionen's annual report on 2025, submitted anew by Drammen's officer (its contract municipality). */
async function drammenReport() {
  await subgraph.orm.em
    .fork()
    .nativeDelete(SubmissionSchema, { agreement: 'drammensregionen-2022', kind: 'ANNUAL_REPORT', coversYear: 2025 });
  const result = await subgraph.execute<{ submit: { id: string; version: number } }>(
    submit,
    {
      input: {
        regionId: 'drammensregionen',
        kind: 'ANNUAL_REPORT',
        coversYear: 2025,
        documentReference: 'drammensregionen/2025/arsrapport.pdf',
        reportedFigures: {
          newClients: 180,
          clientsWithImmigrantBackground: 50,
          coursesHeld: 9,
          counsellingHours: 500,
          businessesStarted: 60,
        },
      },
    },
    { as: 'drammen.officer' },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.submit as { id: string; version: number };
}

describe('authority over a region', () => {
  it('lets only the officers of the region’s county approve or reject its reports', async () => {
    const report = await drammenReport();
    // Drammensregionen answers to Buskerud: Akershus (county.officer too), Østfold and Viken may not decide.
    for (const as of ['akershus.officer', 'county.officer', 'ostfold.officer', 'viken.officer']) {
      expect(code(await subgraph.execute(approve, report, { as }))).toBe('FORBIDDEN');
      expect(code(await subgraph.execute(reject, report, { as }))).toBe('FORBIDDEN');
    }
    const approved = await subgraph.execute(approve, report, { as: 'buskerud.officer' });
    expect(approved.errors).toBeUndefined();
    expect(approved.data).toEqual({ approveSubmission: { status: 'APPROVED', decidedBy: 'Trond Eriksen' } });
  });

  it('lets an Akershus officer pay no part of a Buskerud region, and Viken’s officers pay nothing', async () => {
    // Drammensregionen's municipalities all lie in Buskerud: Akershus pays no part of it.
    const akershus = await subgraph.execute(
      pay,
      { regionId: 'drammensregionen', year: 2025, instalment: 'AUGUST', reference: 'X-1' },
      { as: 'akershus.officer' },
    );
    expect(code(akershus)).toBe('FORBIDDEN');
    // Nor may it record Buskerud's part on Buskerud's behalf.
    const onBehalf = await subgraph.execute(
      pay,
      { regionId: 'drammensregionen', year: 2025, instalment: 'AUGUST', reference: 'X-1', payerId: 'buskerud' },
      { as: 'akershus.officer' },
    );
    expect(code(onBehalf)).toBe('FORBIDDEN');
    // 2023 was Viken's to pay; its officers record nothing, an Akershus officer not for a Buskerud region.
    for (const as of ['viken.officer', 'akershus.officer']) {
      const history = await subgraph.execute(
        pay,
        { regionId: 'drammensregionen', year: 2023, instalment: 'AUGUST', reference: 'X-1' },
        { as },
      );
      expect(code(history)).toBe('FORBIDDEN');
    }
    // Buskerud's officer gets through to the payment rules (the demo paid it already, another reference).
    const buskerud = await subgraph.execute(
      pay,
      { regionId: 'drammensregionen', year: 2025, instalment: 'AUGUST', reference: 'X-1' },
      { as: 'buskerud.officer' },
    );
    expect(code(buskerud)).toBe('CONFLICT');
  });

  it('refuses agreement decisions to other counties before looking at the version', async () => {
    const rates = `mutation Rates($version: Int!) {
      setFundingRates(agreementId: "hallingdal-2022", version: $version, year: 2025, countyRate: "6.00", municipalRate: "2.50") { year }
    }`;
    expect(code(await subgraph.execute(rates, { version: 99 }, { as: 'ostfold.officer' }))).toBe('FORBIDDEN');
    expect(code(await subgraph.execute(rates, { version: 99 }, { as: 'buskerud.officer' }))).toBe('CONFLICT');
  });

  it('refuses every lifecycle and money decision to other counties and to Viken before looking at the input', async () => {
    // Each with input its own county is refused for (a stale version, a bad value): another county
    // learns only FORBIDDEN, and the region's own county reaches the input rules.
    const decisions = [
      `mutation { createAgreement(input: { regionId: "halden", validFrom: "2030-01-01", validTo: "2033-12-31", populationDate: "2021-07-01", populationSource: "x", countyRate: "5.49", municipalRate: "2.50", county: { id: "ostfold", name: "Østfold fylkeskommune" }, contractMunicipality: { number: "3001", name: "Halden kommune" }, municipalities: [], innovasjonNorge: { id: "in", name: "IN" }, navOffices: [], supplementaryServices: [] }) { id } }`,
      `mutation { renewAgreement(agreementId: "halden-2022", validTo: "2020-01-01") { id } }`,
      `mutation { signAgreement(agreementId: "indre-ostfold-2026", version: 99, partyId: "x", signedBy: "", signedOn: "2026-04-20") { id } }`,
      `mutation { setMunicipalSplit(agreementId: "indre-ostfold-2026", version: 99, shares: [{ municipalityNumber: "3014", basisPoints: 9000 }]) { id } }`,
      `mutation { setSupplementaryServices(agreementId: "halden-2022", version: 99, services: [""]) { id } }`,
      `mutation { amendAgreement(agreementId: "halden-2022", version: 99, input: { decidedOn: "2025-01-01", effectiveFrom: "2025-01-01", description: "", concernedPartyIds: [], consentingPartyIds: [] }) { id } }`,
      `mutation { extendAgreement(agreementId: "halden-2022", version: 99, validTo: "2020-01-01", decidedOn: "2025-01-01", consentingPartyIds: []) { id } }`,
      `mutation { giveNotice(agreementId: "halden-2022", version: 99, input: { organisationId: "", givenOn: "2020-01-01" }) { id } }`,
      `mutation { recordBudgetDecision(agreementId: "halden-2022", input: { year: 1, payer: "x", grantedAmount: "1.00", decidedOn: "2025-01-01", reference: "" }) { year } }`,
      `mutation { recordPayment(regionId: "halden", year: 2025, instalment: JANUARY, paidOn: "2099-01-01", reference: "") { status } }`,
      `mutation { confirmPayment(regionId: "halden", year: 2025, instalment: JANUARY, reference: "") { status } }`,
    ];
    for (const mutation of decisions) {
      for (const as of ['county.officer', 'buskerud.officer', 'viken.officer']) {
        expect(code(await subgraph.execute(mutation, {}, { as })), `${as}: ${mutation}`).toBe('FORBIDDEN');
      }
      const ostfold = await subgraph.execute(mutation, {}, { as: 'ostfold.officer' });
      expect(['BAD_USER_INPUT', 'CONFLICT'], `ostfold.officer: ${mutation}`).toContain(code(ostfold));
    }
  });
});

describe('Viken’s officers', () => {
  it('read the years before 2024 and nothing after', async () => {
    const history = await region('halden', 2023, 'viken.officer');
    expect(history.errors).toBeUndefined();
    const after = await region('halden', 2024, 'viken.officer');
    expect(code(after)).toBe('FORBIDDEN');
  });

  it('record no meetings', async () => {
    const meeting = `mutation Meet($input: MeetingInput!) { recordMeeting(input: $input) { id } }`;
    const input = {
      kind: 'COORDINATION_GROUP',
      date: '2026-04-20',
      participants: ['Anne Lund'],
      agenda: 'Status',
      decisions: [],
    };
    expect(code(await subgraph.execute(meeting, { input }, { as: 'viken.officer' }))).toBe('FORBIDDEN');
    expect((await subgraph.execute(meeting, { input }, { as: 'ostfold.officer' })).errors).toBeUndefined();
  });
});

describe('the region’s county', () => {
  it('is Viken up to 2023 and the county of the contract municipality from 2024', async () => {
    const result = await region('ringerike-og-hadeland', 2023);
    expect(result.data?._entities[0]).toMatchObject({
      county: { id: 'buskerud', name: 'Buskerud fylkeskommune' },
      countyOn: { id: 'viken' },
    });
  });
});

describe('payers (§6 after the split)', () => {
  it('splits Mosseregionen’s county amount between Østfold and Akershus (Vestby) from 2024', async () => {
    const result = await region('mosseregionen', 2024);
    expect(result.errors).toBeUndefined();
    // Moss 50 300 + Råde 7 600 + Våler 5 900 = 63 800 in Østfold × 5.50 = 350 900.00;
    // Vestby 18 400 in Akershus × 5.50 = 101 200.00; together 82 200 × 5.50 = 452 100.00.
    expect(result.data?._entities[0]).toMatchObject({
      county: { id: 'ostfold' },
      funding: {
        countyAmount: '452100.00',
        countyPayers: [
          {
            county: { id: 'ostfold', name: 'Østfold fylkeskommune' },
            municipalities: [{ number: '3002' }, { number: '3017' }, { number: '3018' }],
            inhabitants: 63_800,
            amount: '350900.00',
          },
          {
            county: { id: 'akershus', name: 'Akershus fylkeskommune' },
            municipalities: [{ number: '3019' }],
            inhabitants: 18_400,
            amount: '101200.00',
          },
        ],
      },
      payments: [
        {
          instalment: 'JANUARY',
          amount: '226050.00',
          status: 'PAID',
          payer: 'Østfold fylkeskommune',
          shares: [
            { county: { id: 'ostfold' }, amount: '175450.00', status: 'PAID' },
            { county: { id: 'akershus' }, amount: '50600.00', status: 'PAID' },
          ],
        },
        {
          instalment: 'AUGUST',
          amount: '226050.00',
          status: 'PAID',
          payer: 'Østfold fylkeskommune',
          shares: [
            { county: { id: 'ostfold' }, amount: '175450.00', status: 'PAID' },
            { county: { id: 'akershus' }, amount: '50600.00', status: 'PAID' },
          ],
        },
      ],
    });
  });

  it('has Viken alone pay the same region in 2023', async () => {
    const result = await region('mosseregionen', 2023);
    expect(result.data?._entities[0]).toMatchObject({
      funding: {
        countyAmount: '452100.00',
        countyPayers: [{ county: { id: 'viken' }, inhabitants: 82_200, amount: '452100.00' }],
      },
      payments: [
        {
          amount: '226050.00',
          payer: 'Viken fylkeskommune',
          shares: [{ county: { id: 'viken' }, amount: '226050.00' }],
        },
        {
          amount: '226050.00',
          payer: 'Viken fylkeskommune',
          shares: [{ county: { id: 'viken' }, amount: '226050.00' }],
        },
      ],
    });
  });

  it('has Akershus pay for Jevnaker and Lunner in Ringerike og Hadeland, Buskerud for the rest', async () => {
    const result = await region('ringerike-og-hadeland', 2025);
    // Ringerike 31 100 + Hole 6 900 = 38 000 × 5.50 = 209 000.00; Jevnaker 6 900 + Lunner 9 100 = 16 000 × 5.50 = 88 000.00.
    expect(result.data?._entities[0]).toMatchObject({
      funding: {
        countyAmount: '297000.00',
        countyPayers: [
          { county: { id: 'buskerud' }, municipalities: [{ number: '3007' }, { number: '3038' }], amount: '209000.00' },
          { county: { id: 'akershus' }, municipalities: [{ number: '3053' }, { number: '3054' }], amount: '88000.00' },
        ],
      },
    });
  });

  it('records and confirms each county’s part within that county, and the instalment is paid once both are', async () => {
    const em = subgraph.orm.em.fork();
    await em.nativeDelete(PaymentSchema, { agreement: 'mosseregionen-2022', year: 2025, instalment: 'AUGUST' });
    today = '2025-08-20';
    const variables = { regionId: 'mosseregionen', year: 2025, instalment: 'AUGUST', paidOn: '2025-08-20' };
    // Buskerud pays no part of Mosseregionen.
    expect(code(await subgraph.execute(pay, { ...variables, reference: 'B-1' }, { as: 'buskerud.officer' }))).toBe(
      'FORBIDDEN',
    );
    const ostfold = await subgraph.execute(pay, { ...variables, reference: 'OFK-9' }, { as: 'ostfold.officer' });
    expect(ostfold.errors).toBeUndefined();
    expect(ostfold.data).toEqual({
      recordPayment: {
        amount: '226050.00',
        status: 'DUE',
        shares: [
          { county: { id: 'ostfold' }, amount: '175450.00', status: 'RECORDED', reference: 'OFK-9' },
          { county: { id: 'akershus' }, amount: '50600.00', status: 'DUE', reference: null },
        ],
      },
    });
    const akershus = await subgraph.execute(pay, { ...variables, reference: 'AFK-3' }, { as: 'akershus.officer' });
    expect(akershus.data).toEqual({
      recordPayment: {
        amount: '226050.00',
        status: 'RECORDED',
        shares: [
          { county: { id: 'ostfold' }, amount: '175450.00', status: 'RECORDED', reference: 'OFK-9' },
          { county: { id: 'akershus' }, amount: '50600.00', status: 'RECORDED', reference: 'AFK-3' },
        ],
      },
    });
    // A retry with the same reference gets the recorded payment; another reference is a second payment.
    expect(
      (await subgraph.execute(pay, { ...variables, reference: 'AFK-3' }, { as: 'akershus.officer' })).errors,
    ).toBeUndefined();
    expect(code(await subgraph.execute(pay, { ...variables, reference: 'AFK-4' }, { as: 'akershus.officer' }))).toBe(
      'CONFLICT',
    );

    // The second officer must be of the same paying county: Akershus's controller does not confirm
    // Østfold's part, nor Østfold's Akershus's, and the recorder does not confirm their own.
    const confirmVariables = { regionId: 'mosseregionen', year: 2025, instalment: 'AUGUST' };
    expect(
      code(
        await subgraph.execute(
          confirmPart,
          { ...confirmVariables, reference: 'OFK-9', payerId: 'ostfold' },
          { as: 'county.controller' },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await subgraph.execute(
          confirmPart,
          { ...confirmVariables, reference: 'AFK-3', payerId: 'akershus' },
          { as: 'ostfold.controller' },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(await subgraph.execute(confirmPart, { ...confirmVariables, reference: 'OFK-9' }, { as: 'ostfold.officer' })),
    ).toBe('FORBIDDEN');

    const ostfoldConfirmed = await subgraph.execute(
      confirmPart,
      { ...confirmVariables, reference: 'OFK-9' },
      { as: 'ostfold.controller' },
    );
    expect(ostfoldConfirmed.errors).toBeUndefined();
    expect(ostfoldConfirmed.data).toEqual({
      confirmPayment: {
        amount: '226050.00',
        status: 'RECORDED',
        shares: [
          {
            county: { id: 'ostfold' },
            amount: '175450.00',
            status: 'PAID',
            reference: 'OFK-9',
            confirmedBy: 'Mona Berg',
          },
          { county: { id: 'akershus' }, amount: '50600.00', status: 'RECORDED', reference: 'AFK-3', confirmedBy: null },
        ],
      },
    });
    const akershusConfirmed = await subgraph.execute(
      confirmPart,
      { ...confirmVariables, reference: 'AFK-3' },
      { as: 'county.controller' },
    );
    expect(akershusConfirmed.data).toEqual({
      confirmPayment: {
        amount: '226050.00',
        status: 'PAID',
        shares: [
          {
            county: { id: 'ostfold' },
            amount: '175450.00',
            status: 'PAID',
            reference: 'OFK-9',
            confirmedBy: 'Mona Berg',
          },
          {
            county: { id: 'akershus' },
            amount: '50600.00',
            status: 'PAID',
            reference: 'AFK-3',
            confirmedBy: 'Eirik Solberg',
          },
        ],
      },
    });
    expect(await em.count(PaymentSchema, { agreement: 'mosseregionen-2022', year: 2025, instalment: 'AUGUST' })).toBe(
      2,
    );
  });

  it('splits a prorated year between the payers first, then each part into its instalments, to the øre', async () => {
    // Mosseregionen's renewal ends on 2027-10-31 after Moss's notice: 2027 is funded for 10 months,
    // 6 in the first half and 4 in the second.
    const agreement = await subgraph.execute<{ _entities: { version: number }[] }>(
      'query A($r: [_Any!]!) { _entities(representations: $r) { ... on Agreement { version } } }',
      { r: [{ __typename: 'Agreement', id: 'mosseregionen-2026' }] },
    );
    const notice = await subgraph.execute(
      `mutation N($version: Int!) { giveNotice(agreementId: "mosseregionen-2026", version: $version, input: { organisationId: "3002", givenOn: "2026-04-20", effectiveOn: "2027-11-01" }) { validTo } }`,
      { version: agreement.data?._entities[0]?.version },
      { as: 'ostfold.officer' },
    );
    expect(notice.errors).toBeUndefined();
    const result = await region('mosseregionen', 2027);
    // County amount: 82 200 × 5.50 = 452 100.00 × 10/12 = 376 750.00.
    // Akershus (Vestby, 18 400): 376 750.00 × 18 400 / 82 200 = 84 333.333… → 84 333.33; Østfold the
    // rest, 292 416.67. Each part into instalments by months: August = part × 4/10 rounded down,
    // January the rest. Østfold: August 116 966.66 (of 116 966.668), January 175 450.01;
    // Akershus: August 33 733.33 (of 33 733.332), January 50 600.00. So January is 226 050.01 and
    // August 150 699.99: one øre apart from splitting the whole (226 050.00 and 150 700.00).
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0]).toMatchObject({
      funding: {
        countyAmount: '376750.00',
        countyPayers: [
          { county: { id: 'ostfold' }, amount: '292416.67' },
          { county: { id: 'akershus' }, amount: '84333.33' },
        ],
      },
      payments: [
        {
          instalment: 'JANUARY',
          amount: '226050.01',
          shares: [
            { county: { id: 'ostfold' }, amount: '175450.01' },
            { county: { id: 'akershus' }, amount: '50600.00' },
          ],
        },
        {
          instalment: 'AUGUST',
          amount: '150699.99',
          shares: [
            { county: { id: 'ostfold' }, amount: '116966.66' },
            { county: { id: 'akershus' }, amount: '33733.33' },
          ],
        },
      ],
    });
  });
});

describe('municipality numbers', () => {
  it('finds a municipality’s population by its 2024 number as by its Viken number', async () => {
    const query = `query M($representations: [_Any!]!) { _entities(representations: $representations) { ... on Municipality { population } } }`;
    const result = await subgraph.execute(query, {
      representations: [
        { __typename: 'Municipality', number: '3207' },
        { __typename: 'Municipality', number: '3020' },
        { __typename: 'Municipality', number: '3236' },
      ],
    });
    expect(result.errors).toBeUndefined();
    // Nordre Follo (3207, was 3020) and Jevnaker (3236, was 3053), the demo's approximate figures.
    expect(result.data).toEqual({ _entities: [{ population: 61_200 }, { population: 61_200 }, { population: 6_900 }] });
  });
});
