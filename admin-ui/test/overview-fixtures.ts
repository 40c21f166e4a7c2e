// Overview test data: two regions of one year as the gateway returns them, one with late reporting and suppressed figures.
import type { GatheringOfYear, RegionYear } from '../src/queries/overview';

export const folloYear: RegionYear = {
  id: 'follo',
  name: 'Follo',
  county: { id: 'akershus', name: 'Akershus fylkeskommune' },
  contractMunicipality: {
    number: '3020',
    name: 'Nordre Follo',
    numbers: [
      { number: '3020', validFrom: '2020-01-01', validTo: '2023-12-31' },
      { number: '3207', validFrom: '2024-01-01', validTo: null },
    ],
  },
  municipalities: [{ number: '3020', name: 'Nordre Follo', population: 61200 }],
  agreement: { id: 'follo-2022', status: 'ACTIVE', validFrom: '2022-01-01', validTo: '2025-12-31' },
  funding: {
    countyAmount: '767800.00',
    municipalAmount: '328700.00',
    total: '1096500.00',
    countyPayers: [{ county: { id: 'akershus', name: 'Akershus fylkeskommune' }, amount: '767800.00' }],
  },
  payments: [
    {
      instalment: 'JANUARY',
      dueDate: '2024-01-31',
      amount: '383900.00',
      status: 'PAID',
      shares: [{ county: { id: 'akershus', name: 'Akershus fylkeskommune' }, amount: '383900.00', status: 'PAID' }],
    },
    {
      instalment: 'AUGUST',
      dueDate: '2024-08-31',
      amount: '383900.00',
      status: 'DUE',
      shares: [{ county: { id: 'akershus', name: 'Akershus fylkeskommune' }, amount: '383900.00', status: 'DUE' }],
    },
  ],
  submissions: [
    { kind: 'ANNUAL_REPORT', coversYear: 2023, dueDate: '2024-05-01', status: 'APPROVED', late: false },
    { kind: 'ACCOUNTS', coversYear: 2023, dueDate: '2024-05-01', status: 'OVERDUE', late: true },
    { kind: 'ACTIVITY_PLAN', coversYear: 2025, dueDate: '2024-12-01', status: 'MISSING', late: false },
    { kind: 'BUDGET', coversYear: 2025, dueDate: '2024-12-01', status: 'SUBMITTED', late: false },
  ],
  statistics: {
    newClients: 120,
    clientsWithImmigrantBackground: 42,
    immigrantBackgroundShare: 0.35,
    counsellingHours: 310.5,
    coursesHeld: 14,
    courseParticipants: 160,
    businessesStarted: 37,
    suppressed: [],
  },
  referrals: { toInnovasjonNorge: 12, toNav: 6, fromNav: 9, suppressed: [] },
};

export const haldenYear: RegionYear = {
  id: 'halden',
  name: 'Halden',
  county: { id: 'ostfold', name: 'Østfold fylkeskommune' },
  contractMunicipality: {
    number: '3001',
    name: 'Halden',
    numbers: [
      { number: '3001', validFrom: '2020-01-01', validTo: '2023-12-31' },
      { number: '3101', validFrom: '2024-01-01', validTo: null },
    ],
  },
  municipalities: [{ number: '3001', name: 'Halden', population: 31373 }],
  agreement: { id: 'halden-2022', status: 'EXTENDED', validFrom: '2022-01-01', validTo: '2026-12-31' },
  funding: {
    countyAmount: '179892.00',
    municipalAmount: '81770.00',
    total: '261662.00',
    countyPayers: [{ county: { id: 'ostfold', name: 'Østfold fylkeskommune' }, amount: '179892.00' }],
  },
  payments: [
    {
      instalment: 'JANUARY',
      dueDate: '2024-01-31',
      amount: '89946.00',
      status: 'PAID',
      shares: [{ county: { id: 'ostfold', name: 'Østfold fylkeskommune' }, amount: '89946.00', status: 'PAID' }],
    },
    {
      instalment: 'AUGUST',
      dueDate: '2024-08-31',
      amount: '89946.00',
      status: 'BLOCKED',
      shares: [{ county: { id: 'ostfold', name: 'Østfold fylkeskommune' }, amount: '89946.00', status: 'BLOCKED' }],
    },
  ],
  submissions: [
    { kind: 'ANNUAL_REPORT', coversYear: 2023, dueDate: '2024-05-01', status: 'MISSING', late: true },
    { kind: 'ACCOUNTS', coversYear: 2023, dueDate: '2024-05-01', status: 'REJECTED', late: false },
  ],
  statistics: {
    newClients: 18,
    clientsWithImmigrantBackground: null,
    immigrantBackgroundShare: null,
    counsellingHours: 44,
    coursesHeld: 3,
    courseParticipants: 21,
    businessesStarted: 6,
    suppressed: ['clientsWithImmigrantBackground', 'immigrantBackgroundShare'],
  },
  referrals: { toInnovasjonNorge: null, toNav: 5, fromNav: 7, suppressed: ['toInnovasjonNorge'] },
};

export const gatherings2024: GatheringOfYear[] = [
  { id: 'g-1', title: 'Fagsamling vår 2024: finansiering', date: '2024-03-14', attendeeCount: 23 },
];
