// One region's page as the gateway returns it: Follo in 2024, with the 2024 county succession, a late submission and suppressed figures.
import type { RegionKeyFigures, RegionPage } from '../src/queries/region';

const keyFigures = (year: number, figures: Partial<RegionKeyFigures> = {}): RegionKeyFigures => ({
  year,
  newClients: 100 + (year - 2022) * 10,
  clientsWithImmigrantBackground: 30,
  immigrantBackgroundShare: 0.3,
  counsellingHours: 250.5,
  coursesHeld: 10,
  courseParticipants: 80,
  businessesStarted: 25,
  suppressed: [],
  suppressionReason: null,
  ...figures,
});

function demoFigure() {
  return {
    date: '2021-07-01',
    source: 'DEMO_APPROXIMATION' as const,
    sourceTable: null,
    sourceUpdatedAt: null,
    importedBy: null,
    recordedAt: '2026-11-26T21:38:42.000Z',
  };
}

export const folloPage: RegionPage = {
  id: 'follo',
  name: 'Follo',
  contractMunicipality: { number: '3020', name: 'Nordre Follo' },
  municipalities: [
    {
      number: '3020',
      name: 'Nordre Follo',
      population: 60000,
      populationSource: 'DEMO_APPROXIMATION',
      populationFigure: demoFigure(),
    },
    {
      number: '3021',
      name: 'Ås',
      population: 20000,
      populationSource: 'DEMO_APPROXIMATION',
      populationFigure: demoFigure(),
    },
  ],
  operator: {
    id: 'follo-etablerer',
    name: 'Follo etablerersenter',
    organisationNumber: '912345678',
    runByContractMunicipality: false,
  },
  advisers: [{ id: 'a1', name: 'Kari Nordmann', email: 'kari@example.no', phone: null }],
  offices: [
    {
      id: 'o1',
      name: 'Ski',
      streetAddress: 'Idrettsveien 8',
      postalCode: '1400',
      postalTown: 'Ski',
      coLocatedWith: 'NAV Nordre Follo',
    },
  ],
  agreement: {
    id: 'agreement-follo',
    status: 'ACTIVE',
    validFrom: '2022-01-01',
    validTo: '2025-12-31',
    originalValidTo: '2025-12-31',
    signedOn: '2021-12-15',
    partyHistory: [
      {
        id: 'p1',
        kind: 'COUNTY',
        organisationName: 'Viken fylkeskommune',
        validFrom: '2022-01-01',
        validTo: '2023-12-31',
        succeeds: null,
      },
      {
        id: 'p2',
        kind: 'COUNTY',
        organisationName: 'Akershus fylkeskommune',
        validFrom: '2024-01-01',
        validTo: null,
        succeeds: { id: 'p1', organisationName: 'Viken fylkeskommune' },
      },
      {
        id: 'p3',
        kind: 'CONTRACT_MUNICIPALITY',
        organisationName: 'Nordre Follo kommune',
        validFrom: '2022-01-01',
        validTo: null,
        succeeds: null,
      },
    ],
    amendments: [
      {
        id: 'm1',
        decidedOn: '2023-11-20',
        effectiveFrom: '2024-01-01',
        description: 'Akershus fylkeskommune overtar som part',
        consentedBy: ['Nordre Follo kommune'],
      },
    ],
    extensions: [],
    notices: [],
  },
  funding: {
    year: 2024,
    countyAmount: '600000.00',
    municipalAmount: '400000.00',
    total: '1000000.00',
    municipalShares: [
      { municipality: { number: '3020' }, inhabitants: 60000, amount: '300000.00' },
      { municipality: { number: '3021' }, inhabitants: 20000, amount: '100000.00' },
    ],
  },
  payments: [
    { instalment: 'JANUARY', dueDate: '2024-01-31', amount: '300000.00', status: 'PAID', paidOn: '2024-01-25' },
    { instalment: 'AUGUST', dueDate: '2024-08-31', amount: '300000.00', status: 'DUE', paidOn: null },
  ],
  submissions: [
    {
      kind: 'ANNUAL_REPORT',
      coversYear: 2023,
      dueDate: '2024-05-01',
      status: 'APPROVED',
      late: false,
      submittedOn: '2024-04-20',
    },
    { kind: 'ACCOUNTS', coversYear: 2023, dueDate: '2024-05-01', status: 'OVERDUE', late: true, submittedOn: null },
  ],
};

/** Follo's key figures across the agreement years, as the key-figures store holds them. */
export const folloKeyFigures: RegionKeyFigures[] = [
  keyFigures(2022),
  keyFigures(2023, {
    clientsWithImmigrantBackground: null,
    immigrantBackgroundShare: null,
    suppressed: ['clientsWithImmigrantBackground', 'immigrantBackgroundShare'],
    suppressionReason: 'Fewer than 5 persons, or a figure from which such a count could be worked out.',
  }),
  keyFigures(2024),
  keyFigures(2025),
];
