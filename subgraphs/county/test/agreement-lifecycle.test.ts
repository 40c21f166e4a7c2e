// An agreement from draft to end through the subgraph: create, sign per party, renew, the
// municipal split, amend and extend with consent, notice, and the proration of the year it
// starts or ends in; figures computed by hand in the comments.
import { type Caller, type Orm, referenceRegions, regionCounty, type SubgraphRequest } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundedMonths, instalmentsFor, prorateFrame, prorateShares } from '../src/agreement-lifecycle.js';
import { type Context, createContext } from '../src/context.js';
import { PopulationFigureSchema } from '../src/entities/population-figure.js';
import { splitMunicipalContribution } from '../src/money.js';
import { countySubgraph } from '../src/server.js';

let today = '2026-12-07';
let subgraph: TestSubgraph<Context>;
beforeAll(async () => {
  subgraph = await createTestSubgraph({
    ...countySubgraph,
    context: (orm: Orm, caller: Caller, request: SubgraphRequest) => createContext(orm, caller, request, () => today),
  });
  // Since the 2024 split only the officers of a region's county decide its agreements: unless a
  // test says who, each request goes as the demo officer of the county of the region it names.
  const execute = subgraph.execute.bind(subgraph);
  subgraph.execute = ((query, variables, options) =>
    execute(query, variables, {
      ...options,
      as: options?.as === undefined ? officerFor(variables) : options.as,
    })) as typeof subgraph.execute;
});

const countyOfficers: Record<string, string> = {
  ostfold: 'ostfold.officer',
  akershus: 'county.officer',
  buskerud: 'buskerud.officer',
};
/** The officer of the county of the region an agreement id (`halden-2026`) or region id in the variables names. */
function officerFor(variables: Record<string, unknown> | undefined): string {
  const input = variables?.input as Record<string, unknown> | undefined;
  const named = [variables?.regionId, variables?.id, variables?.agreementId, input?.regionId].filter(
    (value): value is string => typeof value === 'string',
  );
  for (const value of named) {
    const region = referenceRegions().find((one) => value === one.id || value.startsWith(`${one.id}-20`));
    const county = region ? regionCounty(region.id) : undefined;
    if (county) return countyOfficers[county] ?? 'county.officer';
  }
  return 'county.officer';
}
afterAll(() => subgraph?.close());

type Result<T = Record<string, unknown>> = {
  data?: T | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
};
const code = (result: Result<unknown>) => result.errors?.[0]?.extensions?.code;
const field = (result: Result<unknown>) => result.errors?.[0]?.extensions?.field;
const message = (result: Result<unknown>) => result.errors?.[0]?.message;

interface Party {
  id: string;
  kind: string;
  organisationName: string;
  signs: boolean;
  municipality: { number: string } | null;
}
interface AgreementData {
  id: string;
  status: string;
  version: number;
  validFrom: string;
  validTo: string;
  signedOn: string | null;
  lastDay: string;
  parties: Party[];
  awaitingSignatureFrom: { organisationName: string }[];
  signatures: { party: { organisationName: string }; signedBy: string; signedOn: string }[];
  supplementaryServiceHistory: { description: string; validFrom: string; validTo: string | null }[];
  renewedFrom: { id: string } | null;
}
const agreementFields = `id status version validFrom validTo signedOn lastDay
  parties(on: $on) { id kind organisationName signs municipality { number } }
  awaitingSignatureFrom { organisationName }
  signatures { party { organisationName } signedBy signedOn }
  supplementaryServiceHistory { description validFrom validTo }
  renewedFrom { id }`;

async function agreement(id: string, on: string | null = null): Promise<AgreementData> {
  const result = await subgraph.execute<{ agreement: AgreementData }>(
    `query A($id: ID!, $on: Date) { agreement(id: $id) { ${agreementFields} } }`,
    { id, on },
  );
  expect(result.errors).toBeUndefined();
  if (!result.data?.agreement) throw new Error(`no agreement ${id}`);
  return result.data.agreement;
}
const partyOf = (data: AgreementData, name: string) => {
  const party = data.parties.find((p) => p.organisationName === name);
  if (!party) throw new Error(`no party ${name}`);
  return party;
};

const createAgreement = `mutation Create($input: NewAgreementInput!, $on: Date) {
  createAgreement(input: $input) { ${agreementFields} }
}`;
const sign = `mutation Sign($id: ID!, $version: Int!, $partyId: ID!, $signedBy: String!, $signedOn: Date!, $on: Date) {
  signAgreement(agreementId: $id, version: $version, partyId: $partyId, signedBy: $signedBy, signedOn: $signedOn) { ${agreementFields} }
}`;
const renew = `mutation Renew($id: ID!, $validTo: Date, $on: Date) { renewAgreement(agreementId: $id, validTo: $validTo) { ${agreementFields} } }`;
const split = `mutation Split($id: ID!, $version: Int!, $shares: [MunicipalSplitInput!]!) {
  setMunicipalSplit(agreementId: $id, version: $version, shares: $shares) { id version }
}`;
const fundingQuery = `query F($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) { ... on Region {
  funding(year: $year) { months countyFrame countyAmount municipalAmount total municipalShares { municipality { number } frame amount } }
  payments(year: $year) { instalment amount status }
} } }`;
interface RegionFunding {
  funding: {
    months: number;
    countyFrame: string;
    countyAmount: string;
    municipalAmount: string;
    total: string;
    municipalShares: { municipality: { number: string }; frame: string; amount: string }[];
  } | null;
  payments: { instalment: string; amount: string; status: string }[];
}
async function regionFunding(id: string, year: number): Promise<RegionFunding> {
  const result = await subgraph.execute<{ _entities: RegionFunding[] }>(fundingQuery, {
    representations: [{ __typename: 'Region', id }],
    year,
  });
  expect(result.errors).toBeUndefined();
  return result.data?._entities[0] as RegionFunding;
}

/** Signs with every party still to sign, one after another, on `signedOn`. */
async function signAll(id: string, signedOn: string): Promise<AgreementData> {
  let current = await agreement(id);
  for (const party of current.parties.filter((p) => p.signs)) {
    const result = await subgraph.execute<{ signAgreement: AgreementData }>(sign, {
      id,
      version: current.version,
      partyId: party.id,
      signedBy: `Signatar for ${party.organisationName}`,
      signedOn,
    });
    expect(result.errors).toBeUndefined();
    current = result.data?.signAgreement as AgreementData;
  }
  return current;
}

const haldenInput = {
  regionId: 'halden',
  validFrom: '2026-09-01',
  validTo: '2029-12-31',
  populationDate: '2021-07-01',
  populationSource: 'SSB tabell 01222, 1.7.2021 (demo: omtrentlige tall)',
  countyRate: '5.57',
  municipalRate: '2.50',
  county: { id: 'ostfold', name: 'Østfold fylkeskommune' },
  contractMunicipality: { number: '3001', name: 'Halden kommune' },
  municipalities: [{ number: '3012', name: 'Aremark kommune' }],
  innovasjonNorge: { id: 'innovasjon-norge', name: 'Innovasjon Norge Oslo, Viken og Innlandet' },
  navOffices: [{ id: 'nav-ost-viken', name: 'NAV Øst-Viken' }],
  supplementaryServices: ['Kontorfellesskap for gründere', 'Mentorordning for innvandrere'],
};

describe('the proration of a year an agreement starts or ends in (rules)', () => {
  it('counts a month when the agreement applies on one of its days, per half of the year', () => {
    // Notice took effect 2026-03-01: last day 2026-02-28, January and February.
    expect(fundedMonths(2026, '2022-01-01', '2026-02-28')).toEqual({ firstHalf: 2, secondHalf: 0 });
    // Starts 2026-09-01: September to December.
    expect(fundedMonths(2026, '2026-09-01', '2029-12-31')).toEqual({ firstHalf: 0, secondHalf: 4 });
    // Starts 2026-05-15: May and June count in full; July to December.
    expect(fundedMonths(2026, '2026-05-15', '2029-12-31')).toEqual({ firstHalf: 2, secondHalf: 6 });
    expect(fundedMonths(2027, '2026-05-15', '2029-12-31')).toEqual({ firstHalf: 6, secondHalf: 6 });
    expect(fundedMonths(2030, '2026-05-15', '2029-12-31')).toEqual({ firstHalf: 0, secondHalf: 0 });
  });

  it('prorates a frame by months over 12, rounded down to the øre, and splits the instalments by half', () => {
    // 1 000 001 øre × 8 / 12 = 666 667.33 → 666 667 øre.
    expect(prorateFrame(1_000_001n, { firstHalf: 2, secondHalf: 6 })).toBe(666_667n);
    // August: 666 667 × 6 / 8 = 500 000.25 → 500 000; January the rest, 166 667.
    expect(instalmentsFor(666_667n, { firstHalf: 2, secondHalf: 6 })).toEqual([
      { instalment: 'JANUARY', amountOre: 166_667n },
      { instalment: 'AUGUST', amountOre: 500_000n },
    ]);
    // A full year as before: the odd øre to January.
    expect(instalmentsFor(1_000_001n, { firstHalf: 6, secondHalf: 6 })).toEqual([
      { instalment: 'JANUARY', amountOre: 500_001n },
      { instalment: 'AUGUST', amountOre: 500_000n },
    ]);
    // Ended in February: January only, no August instalment at all.
    expect(instalmentsFor(12_900_000n, { firstHalf: 2, secondHalf: 0 })).toEqual([
      { instalment: 'JANUARY', amountOre: 12_900_000n },
    ]);
  });

  it('gives the øre the prorated shares lose to the municipalities in the agreement’s order', () => {
    // Halden 7 850 000 × 4/12 = 2 616 666.67 → 2 616 666; Aremark 325 000 × 4/12 = 108 333.33 → 108 333;
    // the whole 8 175 000 × 4/12 = 2 725 000, so 1 øre is left: Halden (first) gets it.
    const shares = prorateShares(
      new Map([
        ['3001', 7_850_000n],
        ['3012', 325_000n],
      ]),
      { firstHalf: 0, secondHalf: 4 },
    );
    expect([...shares]).toEqual([
      ['3001', 2_616_667n],
      ['3012', 108_333n],
    ]);
  });

  it('refuses a stored split that does not add up to 100 % instead of paying 90 %', () => {
    const bases = [
      { municipalityNumber: '3002', inhabitants: 50_300n, basisPoints: 5000 },
      { municipalityNumber: '3017', inhabitants: 7_600n, basisPoints: 4000 },
    ];
    expect(() => splitMunicipalContribution(250n, bases)).toThrow(/9000 basis points/);
  });
});

describe('creating and signing an agreement', () => {
  it('refuses rates below the minimums, a split of 90 % and a period overlapping a signed agreement', async () => {
    const low = await subgraph.execute(createAgreement, { input: { ...haldenInput, countyRate: '5.49' } });
    expect([code(low), field(low)]).toEqual(['BAD_USER_INPUT', 'input.countyRate']);
    const lowMunicipal = await subgraph.execute(createAgreement, { input: { ...haldenInput, municipalRate: '2.49' } });
    expect([code(lowMunicipal), field(lowMunicipal)]).toEqual(['BAD_USER_INPUT', 'input.municipalRate']);
    const ninety = await subgraph.execute(createAgreement, {
      input: {
        ...haldenInput,
        contractMunicipality: { ...haldenInput.contractMunicipality, contributionShareBasisPoints: 8000 },
        municipalities: [{ number: '3012', name: 'Aremark kommune', contributionShareBasisPoints: 1000 }],
      },
    });
    expect([code(ninety), field(ninety)]).toEqual(['BAD_USER_INPUT', 'input.municipalities']);
    expect(message(ninety)).toContain('90.00 %');
    // Halden's 2022 agreement runs to 2025-12-31.
    const overlapping = await subgraph.execute(createAgreement, { input: { ...haldenInput, validFrom: '2025-06-01' } });
    expect(code(overlapping)).toBe('CONFLICT');
  });

  it('creates a draft that becomes ACTIVE when the county, contract municipality, Innovasjon Norge and NAV have signed', async () => {
    today = '2026-08-20';
    const created = await subgraph.execute<{ createAgreement: AgreementData }>(createAgreement, { input: haldenInput });
    expect(created.errors).toBeUndefined();
    let draft = created.data?.createAgreement as AgreementData;
    expect(draft).toMatchObject({ id: 'halden-2026', status: 'DRAFT', signedOn: null, lastDay: '2029-12-31' });
    expect(draft.awaitingSignatureFrom.map((p) => p.organisationName)).toEqual([
      'Halden kommune',
      'Østfold fylkeskommune',
      'Innovasjon Norge Oslo, Viken og Innlandet',
      'NAV Øst-Viken',
    ]);
    expect(draft.supplementaryServiceHistory.map((s) => s.description)).toEqual([
      'Kontorfellesskap for gründere',
      'Mentorordning for innvandrere',
    ]);

    const aremark = partyOf(draft, 'Aremark kommune');
    const byAremark = await subgraph.execute(sign, {
      id: draft.id,
      version: draft.version,
      partyId: aremark.id,
      signedBy: 'Ordfører',
      signedOn: '2026-08-20',
    });
    expect([code(byAremark), field(byAremark)]).toEqual(['BAD_USER_INPUT', 'partyId']);
    const future = await subgraph.execute(sign, {
      id: draft.id,
      version: draft.version,
      partyId: partyOf(draft, 'Halden kommune').id,
      signedBy: 'Ordfører',
      signedOn: '2026-08-21',
    });
    expect([code(future), field(future)]).toEqual(['BAD_USER_INPUT', 'signature.signedOn']);
    const stranger = await subgraph.execute(sign, {
      id: draft.id,
      version: draft.version,
      partyId: '00000000-0000-4000-8000-000000000000',
      signedBy: 'Noen',
      signedOn: '2026-08-20',
    });
    expect([code(stranger), field(stranger)]).toEqual(['BAD_USER_INPUT', 'partyId']);

    const steps: [string, string][] = [
      ['Halden kommune', '2026-08-12'],
      ['Østfold fylkeskommune', '2026-08-14'],
      ['NAV Øst-Viken', '2026-08-13'],
    ];
    for (const [name, signedOn] of steps) {
      const result = await subgraph.execute<{ signAgreement: AgreementData }>(sign, {
        id: draft.id,
        version: draft.version,
        partyId: partyOf(draft, name).id,
        signedBy: `Signatar for ${name}`,
        signedOn,
      });
      expect(result.errors).toBeUndefined();
      draft = result.data?.signAgreement as AgreementData;
      expect(draft.status).toBe('DRAFT');
    }
    const twice = await subgraph.execute(sign, {
      id: draft.id,
      version: draft.version,
      partyId: partyOf(draft, 'Halden kommune').id,
      signedBy: 'Igjen',
      signedOn: '2026-08-15',
    });
    expect(code(twice)).toBe('CONFLICT');
    expect(draft.awaitingSignatureFrom).toEqual([{ organisationName: 'Innovasjon Norge Oslo, Viken og Innlandet' }]);

    const last = await subgraph.execute<{ signAgreement: AgreementData }>(sign, {
      id: draft.id,
      version: draft.version,
      partyId: partyOf(draft, 'Innovasjon Norge Oslo, Viken og Innlandet').id,
      signedBy: 'Regiondirektør',
      signedOn: '2026-08-11',
    });
    expect(last.errors).toBeUndefined();
    const signed = last.data?.signAgreement as AgreementData;
    // Signed on the day of the last signature, whatever order they were recorded in.
    expect(signed).toMatchObject({ status: 'ACTIVE', signedOn: '2026-08-14', awaitingSignatureFrom: [] });
    expect(signed.signatures.map((s) => [s.party.organisationName, s.signedOn])).toEqual([
      ['Innovasjon Norge Oslo, Viken og Innlandet', '2026-08-11'],
      ['Halden kommune', '2026-08-12'],
      ['NAV Øst-Viken', '2026-08-13'],
      ['Østfold fylkeskommune', '2026-08-14'],
    ]);
  });

  it('funds the first year only from September: frames, shares and the August instalment prorated to the øre', async () => {
    // Halden 31 400 + Aremark 1 300 = 32 700 inhabitants; 4 months (September to December).
    // County: 5.57 × 32 700 = 182 139.00 a year; × 4/12 = 60 713.00. Municipal: 2.50 × 32 700 =
    // 81 750.00; × 4/12 = 27 250.00: Halden 78 500 × 4/12 = 26 166.666… → 26 166.66 + the odd øre
    // = 26 166.67, Aremark 3 250 × 4/12 = 1 083.333… → 1 083.33.
    const funding = await regionFunding('halden', 2026);
    expect(funding.funding).toEqual({
      months: 4,
      countyFrame: '60713.00',
      countyAmount: '60713.00',
      municipalAmount: '27250.00',
      total: '87963.00',
      municipalShares: [
        { municipality: { number: '3001' }, frame: '26166.67', amount: '26166.67' },
        { municipality: { number: '3012' }, frame: '1083.33', amount: '1083.33' },
      ],
    });
    // January's half (January to June) is not reached: only the August instalment, the whole amount.
    expect(funding.payments).toEqual([{ instalment: 'AUGUST', amount: '60713.00', status: 'BLOCKED' }]);
    const fullYear = await regionFunding('halden', 2027);
    expect(fullYear.funding).toMatchObject({ months: 12, countyFrame: '182139.00', municipalAmount: '81750.00' });
  });

  it('edits the supplementary services of a signed agreement from a day, keeping the history', async () => {
    const signed = await agreement('halden-2026');
    const edited = await subgraph.execute(
      `mutation S($id: ID!, $version: Int!, $services: [String!]!, $from: Date) {
        setSupplementaryServices(agreementId: $id, version: $version, services: $services, from: $from) {
          supplementaryServices(on: "2027-02-01") { description }
          supplementaryServiceHistory { description validFrom validTo }
        }
      }`,
      {
        id: signed.id,
        version: signed.version,
        services: ['Kontorfellesskap for gründere', 'Oppfølging av gründere med vekstpotensial'],
        from: '2027-01-01',
      },
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data).toEqual({
      setSupplementaryServices: {
        supplementaryServices: [
          { description: 'Kontorfellesskap for gründere' },
          { description: 'Oppfølging av gründere med vekstpotensial' },
        ],
        supplementaryServiceHistory: [
          { description: 'Kontorfellesskap for gründere', validFrom: '2026-09-01', validTo: null },
          { description: 'Mentorordning for innvandrere', validFrom: '2026-09-01', validTo: '2026-12-31' },
          { description: 'Oppfølging av gründere med vekstpotensial', validFrom: '2027-01-01', validTo: null },
        ],
      },
    });
  });
});

describe('an agreement on a population date after the 2024 renumbering', () => {
  it('finds the figures SSB gives under the new numbers for parties that signed under the old ones, and funds from them', async () => {
    today = '2030-08-20';
    // As an SSB import stores them: under the number valid on the figure's date (Halden 3101, Aremark 3124).
    await subgraph.orm.em.fork().transactional(async (em) => {
      for (const [municipalityNumber, population] of [
        ['3101', 31_905],
        ['3124', 1_340],
      ] as const) {
        em.create(PopulationFigureSchema, {
          municipalityNumber,
          date: '2029-07-01',
          population,
          source: 'SSB',
          recordedAt: new Date(),
        });
      }
    });
    const created = await subgraph.execute<{ createAgreement: AgreementData }>(createAgreement, {
      input: { ...haldenInput, validFrom: '2031-01-01', validTo: '2034-12-31', populationDate: '2029-07-01' },
    });
    expect(created.errors).toBeUndefined();
    let draft = created.data?.createAgreement as AgreementData;
    for (const name of [
      'Halden kommune',
      'Østfold fylkeskommune',
      'Innovasjon Norge Oslo, Viken og Innlandet',
      'NAV Øst-Viken',
    ]) {
      const result = await subgraph.execute<{ signAgreement: AgreementData }>(sign, {
        id: draft.id,
        version: draft.version,
        partyId: partyOf(draft, name).id,
        signedBy: `Signatar for ${name}`,
        signedOn: '2030-08-20',
      });
      expect(result.errors).toBeUndefined();
      draft = result.data?.signAgreement as AgreementData;
    }
    expect(draft.status).toBe('ACTIVE');
    // 31 905 + 1 340 = 33 245 inhabitants. County: 5.57 × 33 245 = 185 174.65; municipal: 2.50 × 33 245 = 83 112.50.
    const funding = await regionFunding('halden', 2031);
    expect(funding.funding).toMatchObject({ months: 12, countyFrame: '185174.65', municipalAmount: '83112.50' });
  });
});

describe('renewing an agreement', () => {
  it('copies the parties of the last day, the rates and the split into a draft for the next four years, once', async () => {
    today = '2025-11-15';
    const renewed = await subgraph.execute<{ renewAgreement: AgreementData }>(renew, { id: 'ovre-romerike-2022' });
    expect(renewed.errors).toBeUndefined();
    const draft = renewed.data?.renewAgreement as AgreementData;
    expect(draft).toMatchObject({
      id: 'ovre-romerike-2026',
      status: 'DRAFT',
      validFrom: '2026-01-01',
      validTo: '2029-12-31',
      renewedFrom: { id: 'ovre-romerike-2022' },
    });
    // Viken was succeeded on 2024-01-01: the renewal's county is Akershus, with no history of its own.
    const counties = draft.parties.filter((p) => p.kind === 'COUNTY').map((p) => p.organisationName);
    expect(counties).toEqual(['Akershus fylkeskommune']);
    const again = await subgraph.execute(renew, { id: 'ovre-romerike-2022' });
    expect(code(again)).toBe('CONFLICT');
    const ofDraft = await subgraph.execute(renew, { id: 'ovre-romerike-2026' });
    expect(code(ofDraft)).toBe('CONFLICT');
  });

  it('refuses a split that covers 90 % or leaves a municipality out, and puts the odd øre with the contract municipality', async () => {
    today = '2025-12-01';
    const draft = (await subgraph.execute<{ renewAgreement: AgreementData }>(renew, { id: 'nedre-glomma-2022' })).data
      ?.renewAgreement as AgreementData;
    const ninety = await subgraph.execute(split, {
      id: draft.id,
      version: draft.version,
      shares: [
        { municipalityNumber: '3004', basisPoints: 5000 },
        { municipalityNumber: '3003', basisPoints: 3000 },
        { municipalityNumber: '3011', basisPoints: 1000 },
      ],
    });
    expect([code(ninety), field(ninety)]).toEqual(['BAD_USER_INPUT', 'shares']);
    expect(message(ninety)).toContain('90.00 %');
    const leftOut = await subgraph.execute(split, {
      id: draft.id,
      version: draft.version,
      shares: [
        { municipalityNumber: '3004', basisPoints: 5000 },
        { municipalityNumber: '3003', basisPoints: 5000 },
      ],
    });
    expect(message(leftOut)).toContain('no share for 3011');
    const set = await subgraph.execute<{ setMunicipalSplit: { version: number } }>(split, {
      id: draft.id,
      version: draft.version,
      shares: [
        { municipalityNumber: '3004', basisPoints: 5000 },
        { municipalityNumber: '3003', basisPoints: 3333 },
        { municipalityNumber: '3011', basisPoints: 1667 },
      ],
    });
    expect(set.errors).toBeUndefined();
    const rates = await subgraph.execute(
      `mutation R($id: ID!, $version: Int!) { setFundingRates(agreementId: $id, version: $version, year: 2027, countyRate: "5.50", municipalRate: "2.57") { year } }`,
      { id: draft.id, version: set.data?.setMunicipalSplit.version },
    );
    expect(rates.errors).toBeUndefined();
    const signed = await signAll(draft.id, '2025-12-01');
    expect(signed.status).toBe('ACTIVE');
    const afterSigning = await subgraph.execute(split, { id: draft.id, version: signed.version, shares: [] });
    expect(code(afterSigning)).toBe('CONFLICT');

    // Sarpsborg 56 700 + Fredrikstad 83 200 + Hvaler 4 700 = 144 600 inhabitants × 2.57 = 371 622.00.
    // Fredrikstad 50 % = 185 811.00; Sarpsborg 33.33 % = 123 861.6126 → 123 861.61; Hvaler 16.67 % =
    // 61 949.3874 → 61 949.38. Together 371 621.99: the odd øre goes to Fredrikstad, the contract
    // municipality, first in the agreement's order.
    const funding = await regionFunding('nedre-glomma', 2027);
    expect(funding.funding?.municipalShares).toEqual([
      { municipality: { number: '3004' }, frame: '185811.01', amount: '185811.01' },
      { municipality: { number: '3003' }, frame: '123861.61', amount: '123861.61' },
      { municipality: { number: '3011' }, frame: '61949.38', amount: '61949.38' },
    ]);
    expect(funding.funding?.municipalAmount).toBe('371622.00');
  });
});

describe('amending and extending with consent (§10)', () => {
  const amend = `mutation Amend($id: ID!, $version: Int!, $input: AmendmentInput!) {
    amendAgreement(agreementId: $id, version: $version, input: $input) {
      version amendments { consentedBy concernedParties { organisationName } consentingParties { organisationName } }
    }
  }`;

  it('refuses an amendment a concerned party did not consent to, or consent by one who is no party', async () => {
    today = '2026-12-07';
    // Mosseregionen renewed for 2026–2029 in the demo.
    const mosse = await agreement('mosseregionen-2026');
    const county = partyOf(mosse, 'Østfold fylkeskommune');
    const moss = partyOf(mosse, 'Moss kommune');
    const input = {
      decidedOn: '2026-11-20',
      effectiveFrom: '2027-01-01',
      description: 'Fylkeskommunens sats økes til kr 6,00 fra 2027.',
      concernedPartyIds: [county.id, moss.id],
      consentingPartyIds: [county.id],
    };
    const without = await subgraph.execute(amend, { id: mosse.id, version: mosse.version, input });
    expect([code(without), field(without)]).toEqual(['BAD_USER_INPUT', 'input.consentingPartyIds']);
    expect(message(without)).toContain('Moss kommune must consent');
    const ofOtherAgreement = partyOf(await agreement('halden-2026'), 'Halden kommune');
    const stranger = await subgraph.execute(amend, {
      id: mosse.id,
      version: mosse.version,
      input: { ...input, consentingPartyIds: [county.id, moss.id, ofOtherAgreement.id] },
    });
    expect([code(stranger), field(stranger)]).toEqual(['BAD_USER_INPUT', 'input.consentingPartyIds']);
    const amended = await subgraph.execute(amend, {
      id: mosse.id,
      version: mosse.version,
      input: { ...input, consentingPartyIds: [county.id, moss.id] },
    });
    expect(amended.errors).toBeUndefined();
    expect(amended.data).toEqual({
      amendAgreement: {
        version: mosse.version + 1,
        amendments: [
          {
            consentedBy: ['Østfold fylkeskommune', 'Moss kommune'],
            concernedParties: [{ organisationName: 'Østfold fylkeskommune' }, { organisationName: 'Moss kommune' }],
            consentingParties: [{ organisationName: 'Østfold fylkeskommune' }, { organisationName: 'Moss kommune' }],
          },
        ],
      },
    });
  });

  const extend = `mutation Extend($id: ID!, $version: Int!, $validTo: Date!, $decidedOn: Date!, $consenting: [ID!]!, $lateReason: String) {
    extendAgreement(agreementId: $id, version: $version, validTo: $validTo, decidedOn: $decidedOn, consentingPartyIds: $consenting, lateReason: $lateReason) {
      status validTo extensions { decidedOn lateReason consentingParties { organisationName } }
    }
  }`;

  it('extends only with every party’s consent, and after the end only with a stated reason', async () => {
    today = '2026-01-20';
    const kongsberg = await agreement('kongsbergregionen-2022', '2025-12-31');
    const everyone = kongsberg.parties.map((p) => p.id);
    const base = { id: kongsberg.id, version: kongsberg.version, validTo: '2026-12-31', consenting: everyone };
    const late = await subgraph.execute(extend, { ...base, decidedOn: '2026-01-15' });
    expect([code(late), field(late)]).toEqual(['BAD_USER_INPUT', 'lateReason']);
    const missing = await subgraph.execute(extend, {
      ...base,
      decidedOn: '2026-01-15',
      lateReason: 'Vedtaket i kommunestyret kom etter nyttår.',
      consenting: everyone.slice(1),
    });
    expect([code(missing), field(missing)]).toEqual(['BAD_USER_INPUT', 'consentingPartyIds']);
    const extended = await subgraph.execute<{
      extendAgreement: { status: string; validTo: string; extensions: { lateReason: string | null }[] };
    }>(extend, { ...base, decidedOn: '2026-01-15', lateReason: 'Vedtaket i kommunestyret kom etter nyttår.' });
    expect(extended.errors).toBeUndefined();
    expect(extended.data?.extendAgreement).toMatchObject({
      status: 'EXTENDED',
      validTo: '2026-12-31',
      extensions: [{ decidedOn: '2026-01-15', lateReason: 'Vedtaket i kommunestyret kom etter nyttår.' }],
    });
  });
});

describe('notice (§10) and the year the agreement ends in', () => {
  const notice = `mutation Notice($id: ID!, $version: Int!, $input: NoticeInput!) {
    giveNotice(agreementId: $id, version: $version, input: $input) { status version lastDay notices { givenOn effectiveOn } }
  }`;

  it('cannot be backdated', async () => {
    today = '2026-12-07';
    const drammen = await agreement('halden-2026');
    const backdated = await subgraph.execute(notice, {
      id: drammen.id,
      version: drammen.version,
      input: { organisationId: '3001', givenOn: '2026-12-06' },
    });
    expect([code(backdated), field(backdated)]).toEqual(['BAD_USER_INPUT', 'input.givenOn']);
  });

  it('pays no August 2026 instalment when termination took effect 2026-03-01, and January only for two months', async () => {
    // Follo's agreement was extended to 2026-12-31; Nordre Follo gives notice on 2025-03-01.
    today = '2025-03-01';
    const follo = await agreement('follo-2022');
    const given = await subgraph.execute(notice, {
      id: follo.id,
      version: follo.version,
      input: { organisationId: '3020', givenOn: '2025-03-01' },
    });
    expect(given.errors).toBeUndefined();
    expect(given.data).toMatchObject({
      giveNotice: {
        status: 'EXTENDED',
        lastDay: '2026-02-28',
        notices: [{ givenOn: '2025-03-01', effectiveOn: '2026-03-01' }],
      },
    });

    today = '2026-08-15';
    // 129 000 inhabitants at NOK 6.00 = 774 000.00 a year; January and February: × 2/12 = 129 000.00.
    // Municipal: 2.50 × 129 000 = 322 500.00; × 2/12 = 53 750.00.
    const funding = await regionFunding('follo', 2026);
    expect(funding.funding).toMatchObject({ months: 2, countyFrame: '129000.00', municipalAmount: '53750.00' });
    expect(funding.payments.map((p) => [p.instalment, p.amount])).toEqual([['JANUARY', '129000.00']]);
    const august = await subgraph.execute(
      `mutation Pay { recordPayment(regionId: "follo", year: 2026, instalment: AUGUST, paidOn: "2026-08-15", reference: "UTB-X") { status } }`,
    );
    expect([code(august), field(august)]).toEqual(['BAD_USER_INPUT', 'instalment']);
  });
});

describe('the demo’s next period', () => {
  it('funds Nedre Romerike’s notice year (effective 2027-07-01) for six months, through the January instalment only', async () => {
    today = '2026-12-07';
    // Aurskog-Høland 17 600 + Rælingen 18 600 + Lørenskog 42 000 + Lillestrøm 87 400 + Nittedal
    // 24 800 = 190 400 inhabitants × 5.50 = 1 047 200.00 a year; January to June: 523 600.00.
    const funding = await regionFunding('nedre-romerike', 2027);
    expect(funding.funding).toMatchObject({ months: 6, countyFrame: '523600.00', municipalAmount: '238000.00' });
    expect(funding.payments.map((p) => [p.instalment, p.amount])).toEqual([['JANUARY', '523600.00']]);
    expect(await regionFunding('nedre-romerike', 2028)).toMatchObject({ funding: null, payments: [] });
  });

  it('shows Indre Østfold’s renewal as a draft awaiting NAV, and Mosseregionen’s own split', async () => {
    const indre = await agreement('indre-ostfold-2026');
    expect(indre).toMatchObject({ status: 'DRAFT', renewedFrom: { id: 'indre-ostfold-2022' } });
    expect(indre.awaitingSignatureFrom).toEqual([{ organisationName: 'NAV Øst-Viken' }]);
    // 82 200 inhabitants × 2.50 = 205 500.00: Moss 50 % = 102 750.00, Råde and Våler 16.67 % =
    // 34 256.85, Vestby 16.66 % = 34 236.30; together exactly 205 500.00.
    const mosse = await regionFunding('mosseregionen', 2026);
    expect(mosse.funding?.municipalShares.map((share) => [share.municipality.number, share.frame])).toEqual([
      ['3002', '102750.00'],
      ['3017', '34256.85'],
      ['3018', '34256.85'],
      ['3019', '34236.30'],
    ]);
  });
});

describe('what a draft or a signed agreement refuses', () => {
  it('amends, extends and ends only a signed agreement, and extends none into a successor’s period', async () => {
    today = '2026-12-07';
    const draft = await agreement('indre-ostfold-2026');
    const amended = await subgraph.execute(
      `mutation A($id: ID!, $version: Int!, $input: AmendmentInput!) { amendAgreement(agreementId: $id, version: $version, input: $input) { id } }`,
      {
        id: draft.id,
        version: draft.version,
        input: {
          decidedOn: '2026-12-07',
          effectiveFrom: '2027-01-01',
          description: 'x',
          concernedPartyIds: [draft.parties[0]?.id],
          consentingPartyIds: [draft.parties[0]?.id],
        },
      },
    );
    expect(code(amended)).toBe('CONFLICT');
    const noticeOnDraft = await subgraph.execute(
      `mutation N($id: ID!, $version: Int!, $input: NoticeInput!) { giveNotice(agreementId: $id, version: $version, input: $input) { id } }`,
      { id: draft.id, version: draft.version, input: { organisationId: '3014', givenOn: '2026-12-07' } },
    );
    expect(code(noticeOnDraft)).toBe('CONFLICT');

    // Drammensregionen renewed for 2026–2029: its 2022 agreement cannot be extended into 2026.
    const drammen = await agreement('drammensregionen-2022', '2025-12-31');
    const overlapping = await subgraph.execute(
      `mutation E($id: ID!, $version: Int!, $consenting: [ID!]!) {
        extendAgreement(agreementId: $id, version: $version, validTo: "2026-06-30", decidedOn: "2025-11-01", consentingPartyIds: $consenting) { id }
      }`,
      { id: drammen.id, version: drammen.version, consenting: drammen.parties.map((p) => p.id) },
    );
    expect(code(overlapping)).toBe('CONFLICT');
    const reasonInTime = await subgraph.execute(
      `mutation E($id: ID!, $version: Int!, $consenting: [ID!]!) {
        extendAgreement(agreementId: $id, version: $version, validTo: "2026-06-30", decidedOn: "2025-11-01", consentingPartyIds: $consenting, lateReason: "x") { id }
      }`,
      { id: drammen.id, version: drammen.version, consenting: drammen.parties.map((p) => p.id) },
    );
    expect([code(reasonInTime), field(reasonInTime)]).toEqual(['BAD_USER_INPUT', 'lateReason']);
  });
});
