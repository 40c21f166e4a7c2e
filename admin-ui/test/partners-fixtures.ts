// Partner-page test data: referrals, gatherings and business assessments as the gateway returns them, and tokens for partner roles.

import type { AssessmentItem } from '../src/queries/assessments';
import type { GatheringItem, GatheringYearSummary } from '../src/queries/gatherings';
import type { ReferralItem } from '../src/queries/referrals';

/** Claims of users the shared fixtures lack: Innovasjon Norge, NAV and an adviser of another region. */
export const partnerClaims = {
  'innovasjon.norge': {
    sub: 'innovasjon.norge',
    name: 'Siri Lund',
    role: 'INNOVASJON_NORGE',
    org: { id: 'in-viken', kind: 'INNOVASJON_NORGE', name: 'Innovasjon Norge Viken' },
  },
  'nav.follo': {
    sub: 'nav.follo',
    name: 'Per Dahl',
    role: 'NAV',
    org: { id: 'nav-follo', kind: 'NAV', name: 'NAV Follo' },
  },
  'halden.adviser': {
    sub: 'halden.adviser',
    name: 'Jonas Vik',
    role: 'ADVISER',
    org: { id: 'operator-halden', kind: 'OPERATOR', name: 'Etablerertjenesten i Halden' },
    region: 'halden',
  },
} as const;

export type PartnerUsername = keyof typeof partnerClaims;

function base64Url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned JWT for one of the partner users above; the console reads tokens without verifying them. */
export function partnerTokenFor(username: PartnerUsername): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64Url(JSON.stringify({ alg: 'ES256', typ: 'JWT' }));
  const payload = base64Url(JSON.stringify({ ...partnerClaims[username], iat: now, exp: now + 3600 }));
  return `${header}.${payload}.not-a-real-signature`;
}

const follo = { id: 'follo', name: 'Follo' };

/** Four referrals of Follo, one per direction, newest first. */
export const referralItems: ReferralItem[] = [
  {
    id: 'ref-in',
    direction: 'TO_INNOVASJON_NORGE',
    programme: 'STARTUP_GRANT_PHASE_1',
    otherActor: null,
    navOffice: null,
    status: 'SENT',
    statusChangedOn: '2024-09-12',
    statusReason: null,
    version: 1,
    sentOn: '2024-09-12',
    consentGivenOn: '2024-09-10',
    note: null,
    sharedClientData: { name: 'Nora Berg', email: 'nora@example.no', phone: '+47 400 00 001' },
    region: follo,
  },
  {
    id: 'ref-nav',
    direction: 'TO_NAV',
    programme: 'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
    otherActor: null,
    navOffice: { name: 'NAV Nordre Follo' },
    status: 'RECEIVED',
    statusChangedOn: '2024-09-05',
    statusReason: null,
    version: 2,
    sentOn: '2024-09-01',
    consentGivenOn: '2024-08-30',
    note: null,
    sharedClientData: { name: 'Ali Khan', email: null, phone: null },
    region: follo,
  },
  {
    id: 'ref-from-nav',
    direction: 'FROM_NAV',
    programme: 'ENTREPRENEUR_SERVICE',
    otherActor: null,
    navOffice: { name: 'NAV Nordre Follo' },
    status: 'ACCEPTED',
    statusChangedOn: '2024-08-20',
    statusReason: null,
    version: 3,
    sentOn: '2024-08-15',
    consentGivenOn: '2024-08-14',
    note: 'Ønsker kurs.',
    sharedClientData: { name: 'Eva Lie', email: 'eva@example.no', phone: null },
    region: follo,
  },
  {
    id: 'ref-declined',
    direction: 'TO_INNOVASJON_NORGE',
    programme: 'STARTUP_LOAN',
    otherActor: null,
    navOffice: null,
    status: 'DECLINED',
    statusChangedOn: '2024-07-02',
    statusReason: 'Mangler forretningsplan.',
    version: 2,
    sentOn: '2024-06-20',
    consentGivenOn: '2024-06-19',
    note: null,
    sharedClientData: { name: 'Tor Aas', email: null, phone: '+47 400 00 004' },
    region: follo,
  },
];

export const gatherings2024: GatheringItem[] = [
  {
    id: 'g-1',
    title: 'Fagsamling vår 2024: finansiering',
    date: '2024-04-18',
    location: 'Lillestrøm',
    online: true,
    organisers: ['Innovasjon Norge', 'Viken fylkeskommune'],
    programme: null,
    description: null,
    attendeeCount: 1,
    invitedRegions: [],
    registrations: [
      {
        adviserId: 'a-1',
        adviser: { id: 'a-1', name: 'Amira Haddad' },
        region: { id: 'follo', name: 'Follo' },
        registeredAt: '2024-03-01T09:15:00.000Z',
        attended: true,
      },
      {
        adviserId: 'a-2',
        adviser: { id: 'a-2', name: 'Jonas Vik' },
        region: { id: 'halden', name: 'Halden' },
        registeredAt: '2024-03-04T12:30:00.000Z',
        attended: false,
      },
    ],
  },
];

export const gatheringYear2024: GatheringYearSummary = {
  year: 2024,
  count: 1,
  minimum: 2,
  meetsMinimum: false,
  regionsWithoutAttendance: [{ id: 'halden', name: 'Halden' }],
  advisersWithoutAttendance: [{ id: 'a-2', name: 'Jonas Vik' }],
};

export const assessmentItems: AssessmentItem[] = [
  {
    id: 'ba-1',
    purpose: 'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
    requestedOn: '2024-09-02',
    question: 'Er planen levedyktig?',
    status: 'REQUESTED',
    conclusion: null,
    assessment: null,
    fee: '0.00',
    deliveredOn: null,
    version: 1,
    sharedClientData: { name: 'Ali Khan' },
    navOffice: { name: 'NAV Nordre Follo' },
    region: follo,
  },
  {
    id: 'ba-2',
    purpose: 'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP',
    requestedOn: '2024-05-02',
    question: 'Kan hun leve av dette?',
    status: 'DELIVERED',
    conclusion: 'VIABLE_WITH_CONDITIONS',
    assessment: 'Levedyktig med mentor.',
    fee: '1500.00',
    deliveredOn: '2024-05-20',
    version: 2,
    sharedClientData: { name: 'Eva Lie' },
    navOffice: { name: 'NAV Nordre Follo' },
    region: follo,
  },
];
