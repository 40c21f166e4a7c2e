// Meetings of 2024 as the gateway answers on 15 August 2024, shaped like the county's demo data: held meetings with
// minutes and decisions, the twice-yearly discussions due (one overdue), the coordination group, and tokens the shared fixtures lack.
import type { MeetingsOfYearQuery } from '../src/graphql/generated/graphql';
import type { CoordinationMemberItem, DueMeetingItem, MeetingItem, RegionChoice } from '../src/queries/meetings';

/** The day the answers below were given on (Oslo). */
export const answeredOn = '2024-08-15';

const follo: RegionChoice = { id: 'follo', name: 'Follo' };
const indreOstfold: RegionChoice = { id: 'indre-ostfold', name: 'Indre Østfold' };
const mosseregionen: RegionChoice = { id: 'mosseregionen', name: 'Mosseregionen' };

export const meetingRegions: RegionChoice[] = [follo, indreOstfold, mosseregionen];

const countyParticipants = [
  'Kari Nordmann (fylkeskommunen)',
  'Sofie Lie (Innovasjon Norge)',
  'Jonas Bakken (NAV Vest-Viken)',
];

/** By date, as `meetings(year:)` lists them. */
export const meetings2024: MeetingItem[] = [
  {
    id: '3f1c2a4e-0000-4000-8000-000000000001',
    version: 1,
    kind: 'CONFLICT',
    date: '2024-03-05',
    region: mosseregionen,
    calledBy: 'Moss kommune',
    participants: countyParticipants,
    agenda: 'Fordeling av kontorutgifter mellom kommunene',
    minutes: 'Referat godkjent.',
    decisions: ['Kontorutgifter fordeles etter innbyggertall.'],
    // Asked for a week before: within the target of 14 days (§8).
    requestedOn: '2024-02-27',
    daysFromRequest: 7,
    heldPromptly: true,
    attendance: null,
  },
  {
    id: '3f1c2a4e-0000-4000-8000-000000000002',
    version: 2,
    kind: 'COORDINATION_GROUP',
    date: '2024-03-15',
    region: null,
    calledBy: null,
    participants: countyParticipants,
    agenda: 'Årsrapporter, status i regionene, fagsamlinger',
    minutes: 'Referat godkjent.',
    decisions: ['Rapportene tas til orientering.', 'Neste møte holdes i oktober.'],
    requestedOn: null,
    daysFromRequest: null,
    heldPromptly: null,
    // Checked against the members on the day: two came, two did not, and a guest who is no member.
    attendance: {
      presentMembers: [
        { id: 'member-1', name: 'Kari Nordmann', organisationName: 'Akershus fylkeskommune' },
        { id: 'member-3', name: 'Jonas Bakken', organisationName: 'NAV Vest-Viken' },
      ],
      absentMembers: [
        { id: 'member-2', name: 'Sofie Lie', organisationName: 'Innovasjon Norge Oslo, Viken og Innlandet' },
        { id: 'member-4', name: 'Næringssjef i Moss', organisationName: 'Moss kommune' },
      ],
      presentNonMembers: ['Guri Gjest (Statsforvalteren)'],
    },
  },
  {
    id: '3f1c2a4e-0000-4000-8000-000000000003',
    version: 1,
    kind: 'SUPPLEMENTARY_CONTENT',
    date: '2024-04-20',
    region: follo,
    calledBy: null,
    participants: ['Kari Nordmann (fylkeskommunen)', 'Etablerertjenesten Follo'],
    agenda: 'Supplerende innhold og aktiviteter i Follo',
    minutes: 'Referat godkjent.',
    decisions: [],
    requestedOn: null,
    daysFromRequest: null,
    heldPromptly: null,
    attendance: null,
  },
  {
    // Recorded on the day; the minutes are still to be written.
    id: '3f1c2a4e-0000-4000-8000-000000000004',
    version: 1,
    kind: 'SUPPLEMENTARY_CONTENT',
    date: '2024-04-20',
    region: mosseregionen,
    calledBy: null,
    participants: ['Kari Nordmann (fylkeskommunen)', 'Etablerertjenesten Mosseregionen'],
    agenda: 'Supplerende innhold og aktiviteter i Mosseregionen',
    minutes: null,
    decisions: [],
    requestedOn: null,
    daysFromRequest: null,
    heldPromptly: null,
    attendance: null,
  },
];

const [, , folloSpring, mosseSpring] = meetings2024 as [MeetingItem, MeetingItem, MeetingItem, MeetingItem];

/** Indre Østfold's spring discussion was never held, as in the demo data; the autumn ones are still to come. */
export const dueMeetings2024: DueMeetingItem[] = [
  {
    kind: 'SUPPLEMENTARY_CONTENT',
    region: follo,
    dueBy: '2024-06-30',
    overdue: false,
    heldAs: { id: folloSpring.id, date: folloSpring.date },
    conflictRequest: null,
  },
  {
    kind: 'SUPPLEMENTARY_CONTENT',
    region: follo,
    dueBy: '2024-12-31',
    overdue: false,
    heldAs: null,
    conflictRequest: null,
  },
  {
    kind: 'SUPPLEMENTARY_CONTENT',
    region: indreOstfold,
    dueBy: '2024-06-30',
    overdue: true,
    heldAs: null,
    conflictRequest: null,
  },
  {
    kind: 'SUPPLEMENTARY_CONTENT',
    region: indreOstfold,
    dueBy: '2024-12-31',
    overdue: false,
    heldAs: null,
    conflictRequest: null,
  },
  {
    kind: 'SUPPLEMENTARY_CONTENT',
    region: mosseregionen,
    dueBy: '2024-06-30',
    overdue: false,
    heldAs: { id: mosseSpring.id, date: mosseSpring.date },
    conflictRequest: null,
  },
  {
    kind: 'SUPPLEMENTARY_CONTENT',
    region: mosseregionen,
    dueBy: '2024-12-31',
    overdue: false,
    heldAs: null,
    conflictRequest: null,
  },
];

/** The experience meeting of 2022–2025 was due by the end of 2023 and held in October 2023. */
export const experienceMeetingDue2023: DueMeetingItem = {
  kind: 'EXPERIENCE_MEETING',
  region: null,
  dueBy: '2023-12-31',
  overdue: false,
  heldAs: { id: '3f1c2a4e-0000-4000-8000-000000000023', date: '2023-10-18' },
  conflictRequest: null,
};

/** Asked for on 1 August 2024 over the rent in Follo and not held: overdue after the 14 days of the target. */
export const conflictRequestDue2024: DueMeetingItem = {
  kind: 'CONFLICT',
  region: follo,
  dueBy: '2024-08-15',
  overdue: false,
  heldAs: null,
  conflictRequest: {
    id: '5a0e7c1d-0000-4000-8000-000000000001',
    requestedOn: '2024-08-01',
    calledBy: 'Nordre Follo kommune',
    subject: 'Fordeling av husleie',
  },
};

export const coordinationGroup2024: CoordinationMemberItem[] = [
  { id: 'member-1', name: 'Kari Nordmann', organisationName: 'Akershus fylkeskommune', role: 'leder' },
  { id: 'member-2', name: 'Sofie Lie', organisationName: 'Innovasjon Norge Oslo, Viken og Innlandet', role: null },
  { id: 'member-3', name: 'Jonas Bakken', organisationName: 'NAV Vest-Viken', role: null },
  { id: 'member-4', name: 'Næringssjef i Moss', organisationName: 'Moss kommune', role: null },
];

export const meetingsAnswer2024: MeetingsOfYearQuery = {
  meetings: meetings2024,
  dueMeetings: dueMeetings2024,
  coordinationGroup: coordinationGroup2024,
  professionalGroup: [],
  conflictMeetingTargetDays: 14,
  regions: meetingRegions,
};

/** Claims of callers the shared fixtures lack: a partner system and a role the console does not know. */
const extraClaims = {
  'partner.api': {
    sub: 'partner.api',
    name: 'Rapporteringsklient',
    role: 'API_CLIENT',
    org: { id: 'viken', kind: 'COUNTY', name: 'Viken fylkeskommune' },
    scope: 'aggregates:read',
  },
  'future.role': {
    sub: 'future.role',
    name: 'Ny Rolle',
    role: 'AUDITOR',
    org: { id: 'viken', kind: 'COUNTY', name: 'Viken fylkeskommune' },
  },
  'nav.officer': {
    sub: 'nav.officer',
    name: 'Jonas Bakken',
    role: 'NAV',
    org: { id: 'nav-vest-viken', kind: 'NAV', name: 'NAV Vest-Viken' },
  },
} as const;

function base64Url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned JWT for one of the callers above; the console reads tokens without verifying them. */
export function extraTokenFor(username: keyof typeof extraClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64Url(JSON.stringify({ alg: 'ES256', typ: 'JWT' }));
  const payload = base64Url(JSON.stringify({ ...extraClaims[username], iat: now, exp: now + 3600 }));
  return `${header}.${payload}.not-a-real-signature`;
}
