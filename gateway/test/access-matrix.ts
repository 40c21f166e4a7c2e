// The access model as data: for every root field of the graph (and each subgraph's `_entities`
// and `_service`), a minimal operation and what every caller must get. access-matrix.test.ts runs
// it through the gateway and straight at the owning subgraph, and fails on a root field that has
// no row here, so a new field cannot slip through unclassified.
//
// Callers: anonymous (no token), eleven demo users, and an API client without the
// `aggregates:read` scope (not a demo user: signed in the test with the same key). County officers
// act for one county since Viken was dissolved (2024-01-01): county.officer for Akershus (Follo's),
// buskerud.officer for Buskerud (Drammensregionen's), viken.officer for Viken, who reads history.

import { regionsOfCounty } from '@etablerer/kit';
import type { SubgraphName } from '../src/composition.js';

export const callers = [
  'anonymous',
  'county.officer',
  'buskerud.officer',
  'viken.officer',
  'coordination.member',
  'nordrefollo.officer',
  'drammen.officer',
  'follo.adviser',
  'drammen.adviser',
  'innovasjonnorge.officer',
  'nav.officer',
  'partner.api',
  'partner.api.noscope',
] as const;
export type Caller = (typeof callers)[number];

/** Codes that, after a refusal, show the access check was passed: the request was stopped later, by the data. */
export type PassedCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

export type Expectation =
  /** HTTP 401 and UNAUTHENTICATED: the request needs a (valid) token. */
  | { outcome: 'UNAUTHENTICATED' }
  /** FORBIDDEN, and nothing of the record in the answer. */
  | { outcome: 'FORBIDDEN' }
  /** An answer without errors; `check` looks at the rows (row-level rules), returning what is wrong. */
  | { outcome: 'ALLOWED'; check?: (data: Data) => string | undefined }
  /** A mutation the caller may make, sent with input its checks refuse after the access check. */
  | { outcome: 'PASSES'; code: PassedCode }
  /** A mutation the caller may make and that writes: run after the check that nothing else changed. */
  | { outcome: 'WRITES' };

// biome-ignore lint/suspicious/noExplicitAny: answers are checked structurally
export type Data = any;

/** Ids from the demo data, looked up as a county officer before the matrix runs. */
export interface DemoIds {
  folloClient: { id: string; version: number; milestone: string; sessionId: string; sessionVersion: number };
  drammenClient: { id: string };
  /** Erased by those allowed, after every other mutation. */
  folloClientToErase: { id: string };
  organisationNumber: string;
  folloCourse: { id: string; version: number };
  folloHeldCourse: { id: string };
  folloEnrolment: { id: string };
  folloService: { id: string };
  folloFreeCounsellingHours: number;
  folloWebsiteRequest: { id: string };
  /** A slot the Follo adviser published (issue 22). */
  folloAppointmentSlot: { id: string };
  /** An impact record of a Follo client that the client has confirmed (so it no longer changes). */
  folloConfirmedImpact: { id: string };
  folloAgreement: { id: string };
  folloSubmission: { id: string; kind: string; coversYear: number };
  meeting: { id: string };
  folloAdviserAssignment: { id: string };
  folloReferralToInnovasjonNorge: { id: string };
  folloReferralFromNav: { id: string };
  drammenReferralToNav: { id: string };
  folloAssessment: { id: string };
  folloMeasure: { id: string; participant: string };
  gathering: { id: string };
}

export interface Case {
  /** The root field (or `_entities`, `_service`). */
  field: string;
  /** Tells apart several cases of one field, e.g. the region of the record asked for. */
  variant?: string;
  subgraph: SubgraphName;
  /** Where to send it: gateway and subgraph unless said (`_entities` and `_service` exist only at subgraphs). */
  places?: ('gateway' | 'subgraph')[];
  document: string;
  variables?: (ids: DemoIds) => Record<string, unknown>;
  expect: Record<Caller, Expectation>;
}

export const UNAUTHENTICATED: Expectation = { outcome: 'UNAUTHENTICATED' };
export const FORBIDDEN: Expectation = { outcome: 'FORBIDDEN' };
export const ALLOWED: Expectation = { outcome: 'ALLOWED' };
export const WRITES: Expectation = { outcome: 'WRITES' };
const passes = (code: PassedCode): Expectation => ({ outcome: 'PASSES', code });
const allowedIf = (check: (data: Data) => string | undefined): Expectation => ({ outcome: 'ALLOWED', check });

type Rule = Partial<Record<Caller, Expectation>>;

/** Every signed-in caller gets `signedIn`, anonymous UNAUTHENTICATED, unless `overrides` says otherwise. */
function rule(signedIn: Expectation, overrides: Rule = {}): Record<Caller, Expectation> {
  return Object.fromEntries(
    callers.map((caller) => [caller, overrides[caller] ?? (caller === 'anonymous' ? UNAUTHENTICATED : signedIn)]),
  ) as Record<Caller, Expectation>;
}

/** `yes` for the callers named, FORBIDDEN for the other signed-in callers, UNAUTHENTICATED without a token. */
function only(names: Caller[], yes: Expectation): Record<Caller, Expectation> {
  return rule(FORBIDDEN, Object.fromEntries(names.map((name) => [name, yes])));
}

/** `expectation` for every signed-in person (not the API clients, whose rows the caller sets). */
const noApiClient = (expectation: Expectation): Rule =>
  Object.fromEntries(
    callers
      .filter((caller) => caller !== 'anonymous' && caller !== 'partner.api' && caller !== 'partner.api.noscope')
      .map((caller) => [caller, expectation]),
  );

/** Open without a token: every caller, anonymous too. */
const open = (expectation: Expectation = ALLOWED) => rule(expectation, { anonymous: expectation });

/** Every signed-in role; an API client only with a scope (it reads nothing its scopes do not name). */
const signedIn = (overrides: Rule = {}) => rule(ALLOWED, { 'partner.api.noscope': FORBIDDEN, ...overrides });

const county = 'county.officer';
/** The officers of the counties that exist: county-wide work (meetings, gatherings, audit, retention). */
const countyOfficers: Caller[] = ['county.officer', 'buskerud.officer'];
const followPersonal: Caller[] = ['county.officer', 'nordrefollo.officer', 'follo.adviser'];
const drammenPersonal: Caller[] = ['buskerud.officer', 'drammen.officer', 'drammen.adviser'];
const akershusRegions = regionsOfCounty('akershus');
const buskerudRegions = regionsOfCounty('buskerud');

/** The rows at `path` all satisfy `ok`, and there is at least one (unless `mayBeEmpty`). */
function rows(
  path: (data: Data) => Data[] | undefined,
  ok: (row: Data) => boolean,
  { mayBeEmpty = false } = {},
): (data: Data) => string | undefined {
  return (data) => {
    const items = path(data);
    if (!Array.isArray(items)) return `no list in ${JSON.stringify(data)}`;
    if (!mayBeEmpty && items.length === 0) return 'an empty list where rows were expected';
    const wrong = items.filter((row) => !ok(row));
    return wrong.length ? `rows the caller must not see: ${JSON.stringify(wrong.slice(0, 3))}` : undefined;
  };
}
const none = (path: (data: Data) => Data[] | undefined) => rows(path, () => false, { mayBeEmpty: true });
const inRegion =
  (...ids: string[]) =>
  (row: Data) =>
    ids.includes(row.region?.id);

/** Row-level: a list of records with a region, by caller. */
function regionRows(path: (data: Data) => Data[] | undefined, overrides: Rule = {}) {
  return signedIn({
    'county.officer': allowedIf(rows(path, inRegion(...akershusRegions))),
    'buskerud.officer': allowedIf(rows(path, inRegion(...buskerudRegions), { mayBeEmpty: true })),
    'viken.officer': allowedIf(none(path)),
    'nordrefollo.officer': allowedIf(rows(path, inRegion('follo'))),
    'follo.adviser': allowedIf(rows(path, inRegion('follo'))),
    'drammen.officer': allowedIf(rows(path, inRegion('drammensregionen'))),
    'drammen.adviser': allowedIf(rows(path, inRegion('drammensregionen'))),
    'coordination.member': allowedIf(none(path)),
    'innovasjonnorge.officer': allowedIf(none(path)),
    'nav.officer': allowedIf(none(path)),
    'partner.api': allowedIf(none(path)),
    ...overrides,
  });
}

/** Personal data nested in an answer everyone signed in may have: present only for `may`, empty for the rest. */
function nestedPersonal(path: (data: Data) => Data[] | undefined, may: Caller[]) {
  return signedIn(
    Object.fromEntries(
      callers
        .filter((caller) => caller !== 'anonymous' && caller !== 'partner.api.noscope')
        .map((caller) => [caller, allowedIf(may.includes(caller) ? rows(path, () => true) : none(path))]),
    ),
  );
}

/** An export by someone outside the client's region: every section empty. */
const nothingHeld = (data: Data) => {
  const held = data._entities?.[0]?.personalDataHeldByPartners ?? {};
  const found = Object.entries(held).filter(([, rows]) => !Array.isArray(rows) || rows.length > 0);
  return found.length ? `another region's data: ${JSON.stringify(found).slice(0, 200)}` : undefined;
};

const entities = (selection: string) =>
  `query Entities($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const futureDate = '2099-01-01';
const noSuchId = '00000000-0000-4000-8000-00000000dead';
/** The adviser the demo user follo.adviser is (kit/src/demo-advisers.ts). */
const folloAdviserId = '10000000-0000-4000-8000-000000000200';

export const matrix: Case[] = [
  // ---- county: agreements, coordination, meetings (aggregates for every signed-in role) ----
  {
    field: 'agreement',
    subgraph: 'county',
    document: 'query Q($id: ID!) { agreement(id: $id) { id validFrom } }',
    variables: (ids) => ({ id: ids.folloAgreement.id }),
    expect: signedIn(),
  },
  { field: 'agreements', subgraph: 'county', document: 'query Q { agreements { id } }', expect: signedIn() },
  {
    field: 'coordinationGroup',
    subgraph: 'county',
    document: 'query Q { coordinationGroup { name } }',
    expect: signedIn(),
  },
  {
    field: 'publicResponsibleParties',
    subgraph: 'county',
    document: 'query Q { publicResponsibleParties { name } }',
    expect: open(),
  },
  { field: 'meetings', subgraph: 'county', document: 'query Q { meetings(year: 2024) { id } }', expect: signedIn() },
  {
    field: 'dueMeetings',
    subgraph: 'county',
    document: 'query Q { dueMeetings(year: 2024) { kind dueBy } }',
    expect: signedIn(),
  },
  { field: 'evaluations', subgraph: 'county', document: 'query Q { evaluations { id } }', expect: signedIn() },
  // The groups of the agreement and conflict meetings (issue 22, part E).
  {
    field: 'coordinationGroupHistory',
    subgraph: 'county',
    document: 'query Q { coordinationGroupHistory { id validTo } }',
    expect: signedIn(),
  },
  {
    field: 'professionalGroup',
    subgraph: 'county',
    document: 'query Q { professionalGroup { id name } }',
    expect: signedIn(),
  },
  {
    field: 'professionalGroupHistory',
    subgraph: 'county',
    document: 'query Q { professionalGroupHistory { id validTo } }',
    expect: signedIn(),
  },
  {
    field: 'conflictMeetingRequests',
    subgraph: 'county',
    document: 'query Q { conflictMeetingRequests { id dueBy overdue } }',
    expect: signedIn(),
  },
  {
    field: 'conflictMeetingTargetDays',
    subgraph: 'county',
    document: 'query Q { conflictMeetingTargetDays }',
    expect: signedIn(),
  },
  { field: 'agreementYears', subgraph: 'county', document: 'query Q { agreementYears }', expect: signedIn() },

  // ---- county: access administration (issue 20): a county's staff and regions, a region's advisers ----
  {
    field: 'roleAssignments',
    subgraph: 'county',
    document: 'query Q { roleAssignments(includeEnded: true) { totalCount items { id role regionId } } }',
    expect: only(
      ['county.officer', 'buskerud.officer', 'viken.officer', 'nordrefollo.officer', 'drammen.officer'],
      ALLOWED,
    ),
  },
  {
    field: 'apiClients',
    subgraph: 'county',
    document: 'query Q { apiClients(includeRevoked: true) { clientId organisation { id } } }',
    expect: only(['county.officer', 'buskerud.officer', 'viken.officer'], ALLOWED),
  },

  // ---- county: the notification inbox (issue 21 §3): every signed-in person their own; no API client ----
  {
    field: 'notifications',
    subgraph: 'county',
    document:
      'query Q { notifications(unreadOnly: false, first: 20, offset: 0) { totalCount unreadCount items { id } } }',
    expect: signedIn({ 'partner.api': FORBIDDEN }),
  },
  {
    field: 'notificationPreferences',
    subgraph: 'county',
    document: 'query Q { notificationPreferences { kind console email } }',
    expect: signedIn({ 'partner.api': FORBIDDEN }),
  },

  // ---- partners: gatherings, courses, NAV offices (every signed-in role); referrals, assessments (row-level) ----
  {
    field: 'gatherings',
    subgraph: 'partners',
    document: 'query Q { gatherings(year: 2024) { id } }',
    expect: signedIn(),
  },
  {
    field: 'referrals',
    subgraph: 'partners',
    document:
      'query Q { referrals(first: 100, offset: 0) { items { id direction region { id } sharedClientData { name } } } }',
    expect: regionRows((data) => data.referrals?.items, {
      'innovasjonnorge.officer': allowedIf(
        rows(
          (data) => data.referrals?.items,
          (row) => row.direction === 'TO_INNOVASJON_NORGE',
        ),
      ),
      'nav.officer': allowedIf(
        rows(
          (data) => data.referrals?.items,
          (row) => row.direction === 'TO_NAV' || row.direction === 'FROM_NAV',
        ),
      ),
    }),
  },
  {
    field: 'referral',
    variant: "Follo's, to Innovasjon Norge",
    subgraph: 'partners',
    document: 'query Q($id: ID!) { referral(id: $id) { id sharedClientData { name email } } }',
    variables: (ids) => ({ id: ids.folloReferralToInnovasjonNorge.id }),
    expect: only([...followPersonal, 'innovasjonnorge.officer'], ALLOWED),
  },
  {
    field: 'referral',
    variant: "Drammensregionen's, to NAV",
    subgraph: 'partners',
    document: 'query Q($id: ID!) { referral(id: $id) { id sharedClientData { name email } } }',
    variables: (ids) => ({ id: ids.drammenReferralToNav.id }),
    expect: only([...drammenPersonal, 'nav.officer'], ALLOWED),
  },
  {
    field: 'gatheringYear',
    subgraph: 'partners',
    document: 'query Q { gatheringYear(year: 2024) { count } }',
    expect: signedIn(),
  },
  {
    field: 'partnerCourses',
    subgraph: 'partners',
    document: 'query Q { partnerCourses(year: 2024) { id } }',
    expect: signedIn(),
  },
  {
    field: 'publicPartnerCourses',
    subgraph: 'partners',
    document: 'query Q { publicPartnerCourses { id title } }',
    expect: open(),
  },
  {
    field: 'referralProgrammes',
    subgraph: 'partners',
    document: 'query Q { referralProgrammes { programme direction } }',
    expect: signedIn(),
  },
  { field: 'navOffices', subgraph: 'partners', document: 'query Q { navOffices { id } }', expect: signedIn() },
  {
    field: 'navOfficeFor',
    subgraph: 'partners',
    document: 'query Q { navOfficeFor(municipalityNumber: "3020") { id } }',
    expect: signedIn(),
  },
  {
    field: 'businessAssessments',
    subgraph: 'partners',
    document: 'query Q { businessAssessments(first: 200, offset: 0) { id region { id } sharedClientData { name } } }',
    expect: regionRows((data) => data.businessAssessments, {
      'nav.officer': allowedIf(
        rows(
          (data) => data.businessAssessments,
          () => true,
        ),
      ),
    }),
  },
  {
    field: 'businessAssessmentPage',
    subgraph: 'partners',
    document:
      'query Q { businessAssessmentPage(first: 200, offset: 0) { totalCount regions { id } items { id region { id } sharedClientData { name } } } }',
    expect: regionRows((data) => data.businessAssessmentPage?.items, {
      'nav.officer': allowedIf(
        rows(
          (data) => data.businessAssessmentPage?.items,
          () => true,
        ),
      ),
    }),
  },
  {
    field: 'qualificationMeasures',
    subgraph: 'partners',
    document: 'query Q { qualificationMeasures(year: 2025) { id region { id } participants { id } } }',
    // Every signed-in role sees the measures; who takes part only those who may see the region's clients.
    expect: signedIn(
      Object.fromEntries(
        (
          [
            'county.officer',
            'buskerud.officer',
            'viken.officer',
            'coordination.member',
            'nordrefollo.officer',
            'drammen.officer',
            'follo.adviser',
            'drammen.adviser',
            'innovasjonnorge.officer',
            'nav.officer',
            'partner.api',
          ] as const
        ).map((caller) => [
          caller,
          allowedIf(
            rows(
              (data) => data.qualificationMeasures,
              (row) =>
                row.participants.length === 0 ||
                (caller === 'county.officer' && akershusRegions.includes(row.region.id)) ||
                (caller === 'buskerud.officer' && buskerudRegions.includes(row.region.id)) ||
                (caller.startsWith('follo.') || caller.startsWith('nordrefollo.')
                  ? row.region.id === 'follo'
                  : caller.startsWith('drammen.') && row.region.id === 'drammensregionen'),
            ),
          ),
        ]),
      ),
    ),
  },
  {
    field: 'expertOrganisations',
    subgraph: 'partners',
    document: 'query Q { expertOrganisations { id } }',
    expect: signedIn(),
  },
  {
    field: 'referralAuditLog',
    subgraph: 'partners',
    document: 'query Q { referralAuditLog(first: 5, offset: 0) { totalCount } }',
    expect: only(countyOfficers, ALLOWED),
  },

  // ---- regions: regions and municipalities (every signed-in role), the CRM (row-level) ----
  { field: 'regions', subgraph: 'regions', document: 'query Q { regions { id name } }', expect: signedIn() },
  {
    field: 'region',
    subgraph: 'regions',
    document: 'query Q { region(id: "follo") { id name clientCount(year: 2024) { value } } }',
    expect: signedIn(),
  },
  {
    field: 'countyStatistics',
    subgraph: 'regions',
    document: 'query Q { countyStatistics(year: 2024) { year clientsWithImpact jobsCreated } }',
    expect: signedIn(),
  },
  {
    field: 'region',
    variant: 'survey invitations (personal data)',
    subgraph: 'regions',
    document: 'query Q { region(id: "follo") { surveyInvitations(since: "2024-01-01") { id name email } } }',
    expect: nestedPersonal((data) => data.region?.surveyInvitations, followPersonal),
  },
  {
    field: 'municipalities',
    subgraph: 'regions',
    document: 'query Q { municipalities { number } }',
    expect: signedIn(),
  },
  {
    field: 'municipality',
    subgraph: 'regions',
    document: 'query Q { municipality(number: "3020") { number name } }',
    expect: signedIn(),
  },
  {
    field: 'clients',
    subgraph: 'regions',
    document: 'query Q { clients(first: 50, offset: 0) { totalCount items { id name email region { id } } } }',
    expect: regionRows((data) => data.clients?.items),
  },
  {
    field: 'clients',
    variant: "asking for Drammensregionen's",
    subgraph: 'regions',
    document:
      'query Q { clients(regionId: "drammensregionen", first: 50, offset: 0) { totalCount items { id name region { id } } } }',
    expect: regionRows((data) => data.clients?.items, {
      'nordrefollo.officer': allowedIf(none((data) => data.clients?.items)),
      'follo.adviser': allowedIf(none((data) => data.clients?.items)),
      // Drammensregionen answers to Buskerud: Akershus's officers get none of its clients.
      'county.officer': allowedIf(none((data) => data.clients?.items)),
      'buskerud.officer': allowedIf(rows((data) => data.clients?.items, inRegion('drammensregionen'))),
    }),
  },
  {
    field: 'client',
    variant: "a Follo client's",
    subgraph: 'regions',
    document: 'query Q($id: ID!) { client(id: $id) { id name email phone birthYear } }',
    variables: (ids) => ({ id: ids.folloClient.id }),
    expect: only(followPersonal, ALLOWED),
  },
  {
    field: 'client',
    variant: "a Drammensregionen client's",
    subgraph: 'regions',
    document: 'query Q($id: ID!) { client(id: $id) { id name email phone birthYear } }',
    variables: (ids) => ({ id: ids.drammenClient.id }),
    expect: only(drammenPersonal, ALLOWED),
  },
  {
    field: 'course',
    subgraph: 'regions',
    document: 'query Q($id: ID!) { course(id: $id) { id title enrolments { id client { id name } } } }',
    variables: (ids) => ({ id: ids.folloHeldCourse.id }),
    expect: nestedPersonal((data) => data.course?.enrolments, followPersonal),
  },
  {
    field: 'websiteRequests',
    subgraph: 'regions',
    document: 'query Q { websiteRequests(first: 50, offset: 0) { items { id client { id name email } } } }',
    // Without a region, a region's own people get their region's; the county every region's.
    expect: only([...followPersonal, 'drammen.officer', 'drammen.adviser', 'buskerud.officer'], ALLOWED),
  },
  {
    field: 'websiteRequests',
    variant: "asking for Follo's",
    subgraph: 'regions',
    document:
      'query Q { websiteRequests(regionId: "follo", first: 50, offset: 0) { items { id client { id name email } } } }',
    expect: only(followPersonal, ALLOWED),
  },
  // Appointments (issue 22): a region's slots with their bookings, for its people; the times to book, for anyone.
  {
    field: 'appointmentSlots',
    subgraph: 'regions',
    document:
      'query Q { appointmentSlots(regionId: "follo", from: "2030-01-01", to: "2030-01-31") { id booking { name email } } }',
    expect: only(followPersonal, ALLOWED),
  },
  {
    field: 'availableAppointmentSlots',
    subgraph: 'regions',
    document:
      'query Q { availableAppointmentSlots(regionId: "follo", from: "2030-01-01", to: "2030-01-31") { id startsAt adviserName } }',
    expect: open(),
  },
  {
    field: 'publicCourses',
    subgraph: 'regions',
    document: 'query Q { publicCourses(first: 5, offset: 0) { totalCount items { id title seatsLeft } } }',
    expect: open(),
  },
  {
    field: 'publicCourse',
    subgraph: 'regions',
    document: 'query Q($id: ID!) { publicCourse(id: $id) { id title } }',
    variables: (ids) => ({ id: ids.folloCourse.id }),
    expect: open(),
  },
  {
    field: 'publicMunicipalities',
    subgraph: 'regions',
    document: 'query Q { publicMunicipalities { number name } }',
    expect: open(),
  },
  {
    field: 'publicRegions',
    subgraph: 'regions',
    document: 'query Q { publicRegions { id name advisers { name } } }',
    expect: open(),
  },
  {
    field: 'clientDataExport',
    variant: "a Follo client's",
    subgraph: 'regions',
    document: 'query Q($id: ID!) { clientDataExport(clientId: $id) { exportedBy client { id name email } } }',
    variables: (ids) => ({ id: ids.folloClient.id }),
    expect: only(followPersonal, ALLOWED),
  },
  {
    field: 'clientDataExport',
    variant: "a Drammensregionen client's",
    subgraph: 'regions',
    document: 'query Q($id: ID!) { clientDataExport(clientId: $id) { exportedBy client { id name email } } }',
    variables: (ids) => ({ id: ids.drammenClient.id }),
    expect: only(drammenPersonal, ALLOWED),
  },
  {
    field: 'clientAuditLog',
    subgraph: 'regions',
    document: 'query Q { clientAuditLog(first: 5, offset: 0) { totalCount } }',
    expect: only(countyOfficers, ALLOWED),
  },

  // ---- county mutations: county officers decide and pay; a region's submitters submit ----
  {
    field: 'submit',
    subgraph: 'county',
    document: 'mutation M($input: SubmitInput!) { submit(input: $input) { id status } }',
    // Submitted already: without the version it replaces, CONFLICT, once access is passed.
    variables: (ids) => ({
      input: {
        regionId: 'follo',
        kind: ids.folloSubmission.kind,
        coversYear: ids.folloSubmission.coversYear,
        documentReference: 'matrix',
      },
    }),
    expect: only(['nordrefollo.officer', 'follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'approveSubmission',
    subgraph: 'county',
    document: 'mutation M($id: ID!) { approveSubmission(id: $id, version: 999999) { id } }',
    variables: (ids) => ({ id: ids.folloSubmission.id }),
    expect: only([county], passes('CONFLICT')),
  },
  {
    field: 'rejectSubmission',
    subgraph: 'county',
    document: 'mutation M($id: ID!) { rejectSubmission(id: $id, version: 999999, comment: "matrix") { id } }',
    variables: (ids) => ({ id: ids.folloSubmission.id }),
    expect: only([county], passes('CONFLICT')),
  },
  {
    field: 'importPopulationFigures',
    subgraph: 'county',
    // Not a file of table 01222: refused after the role check, so nothing is written. SSB's figures
    // are the whole country's, so any current county's officer imports them (Viken's read history).
    document: 'mutation M { importPopulationFigures(input: { content: "{}" }) { applied } }',
    expect: only(countyOfficers, passes('BAD_USER_INPUT')),
  },
  {
    field: 'recordPayment',
    subgraph: 'county',
    document: `mutation M { recordPayment(regionId: "follo", year: 2024, instalment: JANUARY, paidOn: "${futureDate}", reference: "matrix") { status } }`,
    expect: only([county], passes('BAD_USER_INPUT')),
  },
  {
    // Follo's January 2024 instalment is recorded and confirmed in the demo, under another reference.
    field: 'confirmPayment',
    subgraph: 'county',
    document:
      'mutation M { confirmPayment(regionId: "follo", year: 2024, instalment: JANUARY, reference: "matrix") { status } }',
    expect: only([county], passes('BAD_USER_INPUT')),
  },
  {
    field: 'setFundingRates',
    subgraph: 'county',
    document:
      'mutation M($id: ID!) { setFundingRates(agreementId: $id, version: 999999, year: 2024, countyRate: "1.00", municipalRate: "2.50") { year } }',
    variables: (ids) => ({ id: ids.folloAgreement.id }),
    expect: only([county], passes('BAD_USER_INPUT')),
  },
  {
    field: 'recordBudgetDecision',
    subgraph: 'county',
    document:
      'mutation M($id: ID!, $input: BudgetDecisionInput!) { recordBudgetDecision(agreementId: $id, input: $input) { year } }',
    variables: (ids) => ({
      id: ids.folloAgreement.id,
      input: { year: 2024, payer: 'nobody', grantedAmount: '0', decidedOn: '2024-01-01', reference: 'matrix' },
    }),
    expect: only([county], passes('BAD_USER_INPUT')),
  },
  {
    field: 'amendAgreement',
    subgraph: 'county',
    document:
      'mutation M($id: ID!, $input: AmendmentInput!) { amendAgreement(agreementId: $id, version: 999999, input: $input) { id } }',
    variables: (ids) => ({
      id: ids.folloAgreement.id,
      input: {
        decidedOn: '2024-01-01',
        effectiveFrom: '2024-01-01',
        description: 'matrix',
        concernedPartyIds: ['matrix'],
        consentingPartyIds: ['matrix'],
      },
    }),
    expect: only([county], passes('CONFLICT')),
  },
  {
    field: 'extendAgreement',
    subgraph: 'county',
    document:
      'mutation M($id: ID!) { extendAgreement(agreementId: $id, version: 999999, validTo: "2040-12-31", decidedOn: "2024-01-01", consentingPartyIds: ["matrix"]) { id } }',
    variables: (ids) => ({ id: ids.folloAgreement.id }),
    expect: only([county], passes('CONFLICT')),
  },
  {
    field: 'giveNotice',
    subgraph: 'county',
    document:
      'mutation M($id: ID!, $input: NoticeInput!) { giveNotice(agreementId: $id, version: 999999, input: $input) { id } }',
    variables: (ids) => ({ id: ids.folloAgreement.id, input: { organisationId: '3020', givenOn: '2099-01-01' } }),
    expect: only([county], passes('CONFLICT')),
  },
  {
    field: 'createAgreement',
    subgraph: 'county',
    document: 'mutation M($input: NewAgreementInput!) { createAgreement(input: $input) { id } }',
    variables: () => ({
      input: {
        regionId: 'follo',
        validFrom: '2030-01-01',
        validTo: '2033-12-31',
        populationDate: '2021-07-01',
        populationSource: 'matrix',
        countyRate: '1.00',
        municipalRate: '2.50',
        county: { id: 'akershus', name: 'Akershus fylkeskommune' },
        contractMunicipality: { number: '3020', name: 'Nordre Follo kommune' },
        municipalities: [],
        innovasjonNorge: { id: 'innovasjon-norge', name: 'Innovasjon Norge' },
        navOffices: [{ id: 'nav', name: 'NAV' }],
        supplementaryServices: [],
      },
    }),
    expect: only([county], passes('BAD_USER_INPUT')),
  },
  {
    field: 'renewAgreement',
    subgraph: 'county',
    document: 'mutation M($id: ID!) { renewAgreement(agreementId: $id, validTo: "2000-01-01") { id } }',
    variables: (ids) => ({ id: ids.folloAgreement.id }),
    expect: only([county], passes('BAD_USER_INPUT')),
  },
  {
    field: 'signAgreement',
    subgraph: 'county',
    document:
      'mutation M($id: ID!) { signAgreement(agreementId: $id, version: 999999, partyId: "matrix", signedBy: "matrix", signedOn: "2024-01-01") { id } }',
    variables: (ids) => ({ id: ids.folloAgreement.id }),
    expect: only([county], passes('CONFLICT')),
  },
  {
    field: 'setMunicipalSplit',
    subgraph: 'county',
    document: 'mutation M($id: ID!) { setMunicipalSplit(agreementId: $id, version: 999999, shares: []) { id } }',
    variables: (ids) => ({ id: ids.folloAgreement.id }),
    expect: only([county], passes('CONFLICT')),
  },
  {
    field: 'setSupplementaryServices',
    subgraph: 'county',
    document:
      'mutation M($id: ID!) { setSupplementaryServices(agreementId: $id, version: 999999, services: [], from: "2024-01-01") { id } }',
    variables: (ids) => ({ id: ids.folloAgreement.id }),
    expect: only([county], passes('CONFLICT')),
  },
  {
    field: 'recordMeeting',
    subgraph: 'county',
    document: 'mutation M($input: MeetingInput!) { recordMeeting(input: $input) { id } }',
    variables: () => ({
      input: { kind: 'COORDINATION_GROUP', date: '2024-01-01', participants: [], agenda: ' ', decisions: [] },
    }),
    expect: only(countyOfficers, passes('BAD_USER_INPUT')),
  },
  {
    field: 'recordMeeting',
    variant: 'professional group',
    subgraph: 'county',
    document: 'mutation M($input: MeetingInput!) { recordMeeting(input: $input) { id } }',
    variables: () => ({
      input: { kind: 'PROFESSIONAL_GROUP', date: '2024-01-01', participants: [], agenda: ' ', decisions: [] },
    }),
    expect: only([...countyOfficers, 'nordrefollo.officer', 'drammen.officer'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'addCoordinationMember',
    subgraph: 'county',
    document: 'mutation M($input: CoordinationMemberInput!) { addCoordinationMember(input: $input) { id } }',
    variables: () => ({
      input: { name: ' ', organisationId: 'x', organisationName: 'X', validFrom: '2024-01-01' },
    }),
    expect: only(countyOfficers, passes('BAD_USER_INPUT')),
  },
  {
    field: 'endCoordinationMembership',
    subgraph: 'county',
    document: 'mutation M($id: ID!) { endCoordinationMembership(id: $id, validTo: "2024-12-31") { id } }',
    variables: () => ({ id: '00000000-0000-4000-8000-00000000e001' }),
    expect: only(countyOfficers, passes('NOT_FOUND')),
  },
  {
    field: 'changeCoordinationMemberRole',
    subgraph: 'county',
    document:
      'mutation M($id: ID!) { changeCoordinationMemberRole(id: $id, role: "leader", from: "2024-12-31") { id } }',
    variables: () => ({ id: '00000000-0000-4000-8000-00000000e001' }),
    expect: only(countyOfficers, passes('NOT_FOUND')),
  },
  {
    field: 'addProfessionalGroupMember',
    subgraph: 'county',
    document: 'mutation M($input: ProfessionalGroupMemberInput!) { addProfessionalGroupMember(input: $input) { id } }',
    variables: () => ({
      input: { name: ' ', organisationId: 'x', organisationName: 'X', regionId: 'follo', validFrom: '2024-01-01' },
    }),
    // A municipality officer adds the advisers of their own region only.
    expect: only([...countyOfficers, 'nordrefollo.officer'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'endProfessionalGroupMembership',
    subgraph: 'county',
    document: 'mutation M($id: ID!) { endProfessionalGroupMembership(id: $id, validTo: "2024-12-31") { id } }',
    variables: () => ({ id: '00000000-0000-4000-8000-00000000e001' }),
    // Whose region the member is is known once the member is read.
    expect: only([...countyOfficers, 'nordrefollo.officer', 'drammen.officer'], passes('NOT_FOUND')),
  },
  {
    field: 'requestConflictMeeting',
    subgraph: 'county',
    document: 'mutation M($input: ConflictMeetingRequestInput!) { requestConflictMeeting(input: $input) { id } }',
    variables: () => ({ input: { requestedOn: '2024-01-01', calledBy: 'X', subject: ' ' } }),
    expect: only(countyOfficers, passes('BAD_USER_INPUT')),
  },
  {
    field: 'updateMeeting',
    subgraph: 'county',
    document:
      'mutation M($id: ID!, $input: MeetingInput!) { updateMeeting(id: $id, version: 999999, input: $input) { id } }',
    variables: (ids) => ({
      id: ids.meeting.id,
      input: { kind: 'COORDINATION_GROUP', date: '2024-01-01', participants: ['A'], agenda: 'matrix', decisions: [] },
    }),
    expect: only(countyOfficers, passes('CONFLICT')),
  },
  {
    field: 'recordEvaluation',
    subgraph: 'county',
    document: 'mutation M($input: EvaluationInput!) { recordEvaluation(input: $input) { id } }',
    variables: () => ({
      input: {
        title: 'matrix',
        periodFrom: '2024-12-31',
        periodTo: '2024-01-01',
        author: 'matrix',
        findings: 'matrix',
        publishedOn: '2025-01-01',
      },
    }),
    expect: only(countyOfficers, passes('BAD_USER_INPUT')),
  },
  {
    // An adviser in Follo with an address that is none: refused after the access check (Buskerud's
    // and Drammen's officers may not give roles in Follo).
    field: 'assignRole',
    subgraph: 'county',
    document: 'mutation M($input: AssignRoleInput!) { assignRole(input: $input) { id } }',
    variables: () => ({
      input: {
        email: 'not an address',
        personName: 'matrix',
        role: 'ADVISER',
        organisation: { id: 'operator-follo', kind: 'OPERATOR', name: 'Etablerertjenesten i Follo' },
        regionId: 'follo',
      },
    }),
    expect: only([county, 'nordrefollo.officer'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'endRoleAssignment',
    subgraph: 'county',
    document: 'mutation M($input: EndRoleAssignmentInput!) { endRoleAssignment(input: $input) { id } }',
    variables: () => ({ input: { id: noSuchId, reason: 'matrix' } }),
    expect: only([...countyOfficers, 'nordrefollo.officer', 'drammen.officer'], passes('NOT_FOUND')),
  },
  {
    field: 'registerApiClient',
    subgraph: 'county',
    document: 'mutation M($input: RegisterApiClientInput!) { registerApiClient(input: $input) { clientId } }',
    variables: () => ({ input: { clientId: 'X', name: 'matrix', scopes: ['aggregates:read'] } }),
    expect: only(countyOfficers, passes('BAD_USER_INPUT')),
  },
  {
    field: 'addApiClientKey',
    subgraph: 'county',
    document: 'mutation M($input: AddApiClientKeyInput!) { addApiClientKey(input: $input) { clientId } }',
    variables: () => ({ input: { clientId: 'no-such-client', publicKey: '{}' } }),
    expect: only(countyOfficers, passes('NOT_FOUND')),
  },
  {
    field: 'revokeApiClientKey',
    subgraph: 'county',
    document: 'mutation M($input: RevokeApiClientKeyInput!) { revokeApiClientKey(input: $input) { clientId } }',
    variables: () => ({ input: { clientId: 'no-such-client', kid: 'matrix' } }),
    expect: only(countyOfficers, passes('NOT_FOUND')),
  },
  {
    field: 'revokeApiClient',
    subgraph: 'county',
    document: 'mutation M($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { clientId } }',
    variables: () => ({ input: { clientId: 'no-such-client' } }),
    expect: only(countyOfficers, passes('NOT_FOUND')),
  },
  {
    // Nobody's notification has this id: refused after the access check.
    field: 'markNotificationsRead',
    subgraph: 'county',
    document: 'mutation M($ids: [ID!]!) { markNotificationsRead(ids: $ids) { unreadCount } }',
    variables: () => ({ ids: [noSuchId] }),
    expect: signedIn({ 'partner.api': FORBIDDEN, ...noApiClient(passes('NOT_FOUND')) }),
  },
  {
    field: 'markAllNotificationsRead',
    subgraph: 'county',
    document: 'mutation M { markAllNotificationsRead { unreadCount } }',
    expect: signedIn({ 'partner.api': FORBIDDEN, ...noApiClient(WRITES) }),
  },
  {
    // The default preference: the caller's own, changing nothing another person sees.
    field: 'setNotificationPreference',
    subgraph: 'county',
    document:
      'mutation M($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { kind } }',
    variables: () => ({ input: { kind: 'MEETING_NOT_HELD', console: true, email: true } }),
    expect: signedIn({ 'partner.api': FORBIDDEN, ...noApiClient(WRITES) }),
  },

  // ---- partners mutations: each party writes what it owns ----
  {
    field: 'sendReferral',
    subgraph: 'partners',
    document: 'mutation M($input: SendReferralInput!) { sendReferral(input: $input) { id } }',
    // No NAV office serves municipality 9999: refused after the access check.
    variables: (ids) => ({
      input: {
        clientId: ids.folloClient.id,
        direction: 'TO_NAV',
        programme: 'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
        municipalityNumber: '9999',
        consentGivenOn: '2024-01-01',
        sharedClientData: { name: 'Matrix' },
      },
    }),
    // Regions confirms whose client it is: Drammen may not refer a Follo client (issue 16, point 5).
    expect: only(['follo.adviser'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'createPartnerCourse',
    subgraph: 'partners',
    document: 'mutation M($input: CreatePartnerCourseInput!) { createPartnerCourse(input: $input) { id } }',
    variables: () => ({ input: { kind: 'COURSE', title: ' ', date: '2030-01-01', online: true } }),
    expect: only(['innovasjonnorge.officer'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'createGathering',
    subgraph: 'partners',
    document: 'mutation M($input: CreateGatheringInput!) { createGathering(input: $input) { id } }',
    variables: () => ({ input: { title: ' ', date: '2030-01-01', online: true } }),
    expect: only(['innovasjonnorge.officer', ...countyOfficers], passes('BAD_USER_INPUT')),
  },
  {
    field: 'registerForGathering',
    subgraph: 'partners',
    // Follo's demo adviser: themselves and Follo's officer may register them, nobody else.
    document: `mutation M { registerForGathering(gatheringId: "${noSuchId}", adviserId: "${folloAdviserId}") { id } }`,
    expect: only(['follo.adviser', 'nordrefollo.officer'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'unregisterFromGathering',
    subgraph: 'partners',
    document: `mutation M { unregisterFromGathering(gatheringId: "${noSuchId}", adviserId: "${folloAdviserId}") { id } }`,
    expect: only(
      ['follo.adviser', 'nordrefollo.officer', 'innovasjonnorge.officer', ...countyOfficers],
      passes('BAD_USER_INPUT'),
    ),
  },
  {
    field: 'recordGatheringAttendance',
    subgraph: 'partners',
    document: `mutation M { recordGatheringAttendance(gatheringId: "${noSuchId}", attendedAdviserIds: []) { id } }`,
    expect: only(['innovasjonnorge.officer', ...countyOfficers], passes('BAD_USER_INPUT')),
  },
  {
    field: 'changeReferralStatus',
    variant: 'to Innovasjon Norge: it receives',
    subgraph: 'partners',
    document: 'mutation M($id: ID!) { changeReferralStatus(id: $id, version: 999999, status: RECEIVED) { id } }',
    variables: (ids) => ({ id: ids.folloReferralToInnovasjonNorge.id }),
    expect: only(['innovasjonnorge.officer'], passes('CONFLICT')),
  },
  {
    field: 'changeReferralStatus',
    variant: "from NAV: the region's advisers record it",
    subgraph: 'partners',
    document: 'mutation M($id: ID!) { changeReferralStatus(id: $id, version: 999999, status: RECEIVED) { id } }',
    variables: (ids) => ({ id: ids.folloReferralFromNav.id }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'linkReferralClient',
    subgraph: 'partners',
    // Only a referral from NAV is linked afterwards: a region's adviser gets that far.
    document: 'mutation M($id: ID!, $client: ID!) { linkReferralClient(id: $id, clientId: $client) { id } }',
    variables: (ids) => ({ id: ids.folloReferralToInnovasjonNorge.id, client: ids.folloClient.id }),
    expect: only(['follo.adviser'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'referFromNav',
    subgraph: 'partners',
    document: 'mutation M($input: ReferFromNavInput!) { referFromNav(input: $input) { id } }',
    variables: () => ({
      input: {
        regionId: 'follo',
        municipalityNumber: '9999',
        consentGivenOn: '2024-01-01',
        sharedClientData: { name: 'Matrix' },
      },
    }),
    expect: only(['nav.officer'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'requestBusinessAssessment',
    subgraph: 'partners',
    document: 'mutation M($input: RequestBusinessAssessmentInput!) { requestBusinessAssessment(input: $input) { id } }',
    variables: (ids) => ({
      input: {
        clientId: ids.folloClient.id,
        regionId: 'follo',
        municipalityNumber: '9999',
        purpose: 'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
        question: 'matrix',
        sharedClientData: { name: 'Matrix' },
        consentGivenOn: '2024-01-01',
      },
    }),
    expect: only(['nav.officer'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'deliverBusinessAssessment',
    subgraph: 'partners',
    document:
      'mutation M($id: ID!) { deliverBusinessAssessment(id: $id, version: 999999, input: { conclusion: VIABLE, assessment: "matrix" }) { id } }',
    variables: (ids) => ({ id: ids.folloAssessment.id }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'createQualificationMeasure',
    subgraph: 'partners',
    document:
      'mutation M($input: CreateQualificationMeasureInput!) { createQualificationMeasure(input: $input) { id } }',
    variables: () => ({
      input: {
        name: 'Matrix',
        organiserKind: 'MUNICIPALITY',
        organiserName: 'Matrix',
        regionId: 'follo',
        startsOn: '2030-01-01',
        endsOn: '2030-02-01',
      },
    }),
    // Nothing after the access check refuses a valid measure: those allowed write one.
    expect: only(['nav.officer', 'nordrefollo.officer'], WRITES),
  },
  {
    field: 'addMeasureParticipant',
    subgraph: 'partners',
    document: 'mutation M($id: ID!, $client: ID!) { addMeasureParticipant(measureId: $id, clientId: $client) { id } }',
    variables: (ids) => ({ id: ids.folloMeasure.id, client: ids.folloMeasure.participant }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },

  {
    field: 'eraseClientReferrals',
    variant: 'a client with none',
    subgraph: 'partners',
    document: `mutation M { eraseClientReferrals(clientId: "${noSuchId}", reason: REQUEST) { referrals assessments } }`,
    // Nothing to erase, but the id is remembered so nothing new about the person is shared.
    expect: only([...countyOfficers, 'follo.adviser', 'drammen.adviser'], WRITES),
  },
  {
    field: 'eraseClientReferrals',
    variant: "a Follo client's",
    subgraph: 'partners',
    document: 'mutation M($id: ID!) { eraseClientReferrals(clientId: $id, reason: REQUEST) { referrals assessments } }',
    variables: (ids) => ({ id: ids.folloClientToErase.id }),
    // This client has no referrals: partners cannot tell its region, so any county's officers may
    // remember it as erased (what partners holds in another county's regions stays theirs to erase).
    expect: only([...countyOfficers, 'follo.adviser', 'drammen.adviser'], WRITES),
  },
  {
    field: 'eraseReferralsPastRetention',
    subgraph: 'partners',
    document: 'mutation M { eraseReferralsPastRetention(dryRun: true) { referrals assessments } }',
    expect: only(countyOfficers, ALLOWED),
  },

  // ---- regions mutations: the CRM is written by the advisers of the client's region ----
  {
    field: 'eraseClient',
    variant: 'no client id',
    subgraph: 'regions',
    document: 'mutation M { eraseClient(id: "not-an-id", reason: REQUEST) { id } }',
    expect: only([...countyOfficers, 'follo.adviser', 'drammen.adviser'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'eraseClient',
    variant: "a Follo client's",
    subgraph: 'regions',
    document: 'mutation M($id: ID!) { eraseClient(id: $id, reason: REQUEST) { id } }',
    variables: (ids) => ({ id: ids.folloClientToErase.id }),
    expect: only([county, 'follo.adviser'], WRITES),
  },
  {
    field: 'eraseClientsPastRetention',
    subgraph: 'regions',
    document: 'mutation M { eraseClientsPastRetention(dryRun: true) { clients } }',
    expect: only(countyOfficers, ALLOWED),
  },
  {
    field: 'registerClient',
    subgraph: 'regions',
    document: 'mutation M($input: RegisterClientInput!) { registerClient(input: $input) { id } }',
    // Drammen is no municipality of Follo: refused after the access check.
    variables: () => ({
      input: { regionId: 'follo', municipalityNumber: '3005', name: 'Matrix', confirmedNotDuplicate: true },
    }),
    expect: only(['follo.adviser'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'updateClient',
    subgraph: 'regions',
    document: 'mutation M($id: ID!) { updateClient(id: $id, version: 999999, input: { name: "Matrix" }) { id } }',
    variables: (ids) => ({ id: ids.folloClient.id }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'mergeClients',
    subgraph: 'regions',
    document: 'mutation M($keep: ID!) { mergeClients(keepId: $keep, duplicateId: "not-an-id") { id } }',
    variables: (ids) => ({ keep: ids.folloClient.id }),
    expect: only(['follo.adviser'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'logCounsellingSession',
    subgraph: 'regions',
    document: 'mutation M($input: LogCounsellingSessionInput!) { logCounsellingSession(input: $input) { id } }',
    variables: (ids) => ({
      input: { clientId: ids.folloClient.id, date: '2024-01-02', durationMinutes: 15, form: 'PHONE', topic: 'Matrix' },
    }),
    expect: only(['follo.adviser'], WRITES),
  },
  {
    field: 'updateCounsellingSession',
    subgraph: 'regions',
    document:
      'mutation M($id: ID!) { updateCounsellingSession(id: $id, version: 999999, input: { topic: "Matrix" }) { id } }',
    variables: (ids) => ({ id: ids.folloClient.sessionId }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'registerBusiness',
    subgraph: 'regions',
    document: 'mutation M($input: RegisterBusinessInput!) { registerBusiness(input: $input) { id } }',
    // The organisation number is registered already.
    variables: (ids) => ({
      input: {
        clientId: ids.folloClient.id,
        name: 'Matrix AS',
        organisationNumber: ids.organisationNumber,
        registeredOn: '2024-01-02',
        legalForm: 'AS',
      },
    }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'recordMilestone',
    subgraph: 'regions',
    document:
      'mutation M($id: ID!, $kind: MilestoneKind!) { recordMilestone(clientId: $id, kind: $kind, reachedOn: "2024-01-02") { kind } }',
    // Reached already.
    variables: (ids) => ({ id: ids.folloClient.id, kind: ids.folloClient.milestone }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'recordSurveyResponse',
    subgraph: 'regions',
    document: 'mutation M($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { year } }',
    // After a course, without the course: refused once the client is found.
    variables: (ids) => ({
      input: { clientId: ids.folloClient.id, occasion: 'AFTER_COURSE', score: 5, answeredOn: '2024-01-02' },
    }),
    expect: only(['follo.adviser'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'recordFollowUp',
    subgraph: 'regions',
    document: 'mutation M($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }',
    variables: (ids) => ({ input: { clientId: ids.folloClient.id, date: '2024-01-02', note: 'Matrix' } }),
    expect: only(['follo.adviser'], WRITES),
  },
  {
    field: 'addClientLink',
    subgraph: 'regions',
    document: 'mutation M($input: AddClientLinkInput!) { addClientLink(input: $input) { id } }',
    variables: (ids) => ({
      input: { clientId: ids.folloClient.id, kind: 'MENTOR', name: 'Matrix', since: '2024-01-02' },
    }),
    expect: only(['follo.adviser'], WRITES),
  },
  {
    field: 'createNetworkEvent',
    subgraph: 'regions',
    document: 'mutation M($input: CreateNetworkEventInput!) { createNetworkEvent(input: $input) { id } }',
    variables: () => ({ input: { regionId: 'follo', title: 'Matrix', date: '2024-01-02', participantCount: 3 } }),
    expect: only(['follo.adviser'], WRITES),
  },
  {
    field: 'createCourse',
    subgraph: 'regions',
    document: 'mutation M($input: CreateCourseInput!) { createCourse(input: $input) { id } }',
    // The instructor is no adviser of the region.
    variables: () => ({
      input: {
        regionId: 'follo',
        kind: 'THEME',
        title: 'Matrix',
        startsOn: '2030-01-01',
        endsOn: '2030-01-01',
        capacity: 10,
        instructorIds: [noSuchId],
      },
    }),
    expect: only(['follo.adviser'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'enrolClient',
    subgraph: 'regions',
    document: 'mutation M($course: ID!, $client: ID!) { enrolClient(courseId: $course, clientId: $client) { id } }',
    // The course was held.
    variables: (ids) => ({ course: ids.folloHeldCourse.id, client: ids.folloClient.id }),
    expect: only(['follo.adviser'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'cancelEnrolment',
    subgraph: 'regions',
    document: 'mutation M($id: ID!) { cancelEnrolment(enrolmentId: $id) { id status } }',
    variables: (ids) => ({ id: ids.folloEnrolment.id }),
    expect: only(['follo.adviser'], WRITES),
  },
  {
    field: 'recordAttendance',
    subgraph: 'regions',
    document: `mutation M($id: ID!) { recordAttendance(courseId: $id, attendedClientIds: ["${noSuchId}"]) { id } }`,
    variables: (ids) => ({ id: ids.folloHeldCourse.id }),
    expect: only(['follo.adviser'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'setFreeCounsellingLimit',
    subgraph: 'regions',
    // The limit it has already: allowed, and nothing changes.
    document: 'mutation M($hours: Float!) { setFreeCounsellingLimit(regionId: "follo", hours: $hours) { id } }',
    variables: (ids) => ({ hours: ids.folloFreeCounsellingHours }),
    expect: only(['follo.adviser', 'nordrefollo.officer'], ALLOWED),
  },
  {
    field: 'addServiceOffering',
    subgraph: 'regions',
    document: 'mutation M($input: AddServiceOfferingInput!) { addServiceOffering(input: $input) { id } }',
    variables: () => ({
      input: { regionId: 'follo', kind: 'OTHER', description: 'Matrix', validFrom: '2030-01-01' },
    }),
    expect: only(['follo.adviser', 'nordrefollo.officer'], WRITES),
  },
  {
    field: 'endServiceOffering',
    subgraph: 'regions',
    document: 'mutation M($id: ID!) { endServiceOffering(id: $id, validTo: "2000-01-01") { id } }',
    variables: (ids) => ({ id: ids.folloService.id }),
    expect: only(['follo.adviser', 'nordrefollo.officer'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'cancelCourse',
    subgraph: 'regions',
    document: 'mutation M($id: ID!) { cancelCourse(courseId: $id, version: 999999) { id } }',
    variables: (ids) => ({ id: ids.folloCourse.id }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'pickUpWebsiteRequest',
    subgraph: 'regions',
    document: 'mutation M($id: ID!) { pickUpWebsiteRequest(id: $id, version: 999999) { id } }',
    variables: (ids) => ({ id: ids.folloWebsiteRequest.id }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'signUpForCourse',
    subgraph: 'regions',
    document: 'mutation M($input: CourseSignUpInput!) { signUpForCourse(input: $input) { reference } }',
    // Public; without consent nothing is stored.
    variables: (ids) => ({
      input: {
        courseId: ids.folloCourse.id,
        person: { name: 'Matrix', email: 'matrix@example.org', municipalityNumber: '3020', consentToProcessing: false },
      },
    }),
    expect: open(passes('BAD_USER_INPUT')),
  },
  {
    field: 'requestCounselling',
    subgraph: 'regions',
    document: 'mutation M($input: CounsellingRequestInput!) { requestCounselling(input: $input) { reference } }',
    variables: () => ({
      input: {
        person: { name: 'Matrix', email: 'matrix@example.org', municipalityNumber: '3020', consentToProcessing: false },
        message: 'Matrix',
      },
    }),
    expect: open(passes('BAD_USER_INPUT')),
  },
  // Appointments (issue 22): any adviser publishes their own slots; the region's advisers withdraw them.
  {
    field: 'publishAppointmentSlots',
    subgraph: 'regions',
    document: 'mutation M($input: PublishAppointmentSlotsInput!) { publishAppointmentSlots(input: $input) { id } }',
    // In the past: refused after the access check.
    variables: () => ({
      input: { slots: [{ startsAt: '2020-01-06T09:00:00+01:00', durationMinutes: 60, form: 'MEETING' }] },
    }),
    expect: only(['follo.adviser', 'drammen.adviser'], passes('BAD_USER_INPUT')),
  },
  {
    field: 'cancelAppointmentSlot',
    subgraph: 'regions',
    document: 'mutation M($id: ID!) { cancelAppointmentSlot(id: $id, version: 999999) { id } }',
    variables: (ids) => ({ id: ids.folloAppointmentSlot.id }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'bookAppointment',
    subgraph: 'regions',
    document: 'mutation M($input: AppointmentBookingInput!) { bookAppointment(input: $input) { reference } }',
    // Public; without consent nothing is stored.
    variables: (ids) => ({
      input: {
        slotId: ids.folloAppointmentSlot.id,
        person: { name: 'Matrix', email: 'matrix@example.org', municipalityNumber: '3020', consentToProcessing: false },
        topic: 'Matrix',
      },
    }),
    expect: open(passes('BAD_USER_INPUT')),
  },
  // The one-time links of e-mails (issue 21): public; a token of no link is NOT_FOUND for everyone.
  {
    field: 'publicLink',
    subgraph: 'regions',
    document: 'query Q($token: String!) { publicLink(token: $token) { kind title valid } }',
    variables: () => ({ token: 'A'.repeat(43) }),
    expect: open(passes('NOT_FOUND')),
  },
  {
    field: 'answerSurvey',
    subgraph: 'regions',
    document: 'mutation M($input: SurveyAnswerInput!) { answerSurvey(input: $input) }',
    variables: () => ({ input: { token: 'A'.repeat(43), score: 5 } }),
    expect: open(passes('NOT_FOUND')),
  },
  {
    field: 'unsubscribeFromSurveys',
    subgraph: 'regions',
    document: 'mutation M($token: String!) { unsubscribeFromSurveys(token: $token) }',
    variables: () => ({ token: 'A'.repeat(43) }),
    expect: open(passes('NOT_FOUND')),
  },
  {
    field: 'cancelWebsiteRequest',
    subgraph: 'regions',
    document: 'mutation M($token: String!) { cancelWebsiteRequest(token: $token) }',
    variables: () => ({ token: 'A'.repeat(43) }),
    expect: open(passes('NOT_FOUND')),
  },
  {
    field: 'confirmImpact',
    subgraph: 'regions',
    document: 'mutation M($token: String!) { confirmImpact(token: $token) }',
    variables: () => ({ token: 'A'.repeat(43) }),
    expect: open(passes('NOT_FOUND')),
  },
  {
    field: 'recordImpact',
    subgraph: 'regions',
    document: 'mutation M($input: RecordImpactInput!) { recordImpact(input: $input) { id } }',
    variables: (ids) => ({
      input: { clientId: ids.folloClient.id, kind: 'JOBS_CREATED', recordedFor: '2024-01-02', fte: 1 },
    }),
    expect: only(['follo.adviser'], WRITES),
  },
  {
    field: 'correctImpact',
    subgraph: 'regions',
    document: 'mutation M($id: ID!) { correctImpact(id: $id, version: 999999, input: { note: "Matrix" }) { id } }',
    variables: (ids) => ({ id: ids.folloConfirmedImpact.id }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'deleteImpact',
    subgraph: 'regions',
    document: 'mutation M($id: ID!) { deleteImpact(id: $id) }',
    // Confirmed by the client: no longer deleted.
    variables: (ids) => ({ id: ids.folloConfirmedImpact.id }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'recordImpactConfirmation',
    subgraph: 'regions',
    document: 'mutation M($id: ID!) { recordImpactConfirmation(id: $id, via: IN_PERSON) { id } }',
    variables: (ids) => ({ id: ids.folloConfirmedImpact.id }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },
  {
    field: 'requestImpactConfirmation',
    subgraph: 'regions',
    document: 'mutation M($id: ID!) { requestImpactConfirmation(id: $id) { id } }',
    variables: (ids) => ({ id: ids.folloConfirmedImpact.id }),
    expect: only(['follo.adviser'], passes('CONFLICT')),
  },

  // ---- not in the public graph: what one subgraph asks another, straight at the subgraph ----
  {
    field: 'clientStanding',
    variant: "a Follo client's",
    subgraph: 'regions',
    places: ['subgraph'],
    document: 'query Q($id: ID!) { clientStanding(id: $id) { id regionId erased } }',
    variables: (ids) => ({ id: ids.folloClient.id }),
    expect: only([...countyOfficers, 'viken.officer', 'follo.adviser', 'nav.officer'], ALLOWED),
  },
  {
    field: 'advisersByIds',
    subgraph: 'regions',
    places: ['subgraph'],
    // Only whom an adviser id is (region, user): partners asks it for any signed-in user.
    document: `query Q { advisersByIds(ids: ["${noSuchId}"]) { id regionId subject } }`,
    expect: signedIn(),
  },
  {
    field: 'eraseClientCopies',
    subgraph: 'partners',
    places: ['subgraph'],
    // Signed as the gateway here: only the regions service may ask, from its own erasure.
    document: `mutation M { eraseClientCopies(clientIds: ["${noSuchId}"], reason: REQUEST) { referrals } }`,
    expect: only([], ALLOWED),
  },

  // ---- straight at each subgraph: entity references (what the gateway asks for) and the SDL ----
  ...(['county', 'regions', 'partners'] as const).map(
    (subgraph): Case => ({
      field: '_service',
      subgraph,
      places: ['subgraph'],
      document: 'query Q { _service { sdl } }',
      expect: signedIn(),
    }),
  ),
  {
    field: '_entities',
    variant: 'Agreement',
    subgraph: 'county',
    places: ['subgraph'],
    document: entities('... on Agreement { id validFrom }'),
    variables: (ids) => ({ r: [{ __typename: 'Agreement', id: ids.folloAgreement.id }] }),
    expect: signedIn(),
  },
  {
    field: '_entities',
    variant: 'Region (agreement and payments)',
    subgraph: 'county',
    places: ['subgraph'],
    document: entities('... on Region { agreement { id } payments(year: 2024) { amount } }'),
    variables: () => ({ r: [{ __typename: 'Region', id: 'follo' }] }),
    expect: signedIn({ 'viken.officer': FORBIDDEN }),
  },
  {
    field: '_entities',
    variant: 'Municipality (population)',
    subgraph: 'county',
    places: ['subgraph'],
    document: entities('... on Municipality { population }'),
    variables: () => ({ r: [{ __typename: 'Municipality', number: '3020' }] }),
    expect: signedIn(),
  },
  {
    field: '_entities',
    variant: "RoleAssignment (a Follo adviser's)",
    subgraph: 'county',
    places: ['subgraph'],
    document: entities('... on RoleAssignment { id email }'),
    variables: (ids) => ({ r: [{ __typename: 'RoleAssignment', id: ids.folloAdviserAssignment.id }] }),
    expect: only([county, 'nordrefollo.officer'], ALLOWED),
  },
  {
    field: '_entities',
    variant: "ApiClient (Akershus's)",
    subgraph: 'county',
    places: ['subgraph'],
    document: entities('... on ApiClient { clientId keys { kid } }'),
    variables: () => ({ r: [{ __typename: 'ApiClient', clientId: 'reporting.demo' }] }),
    expect: only([county], ALLOWED),
  },
  {
    // Nobody's: NOT_FOUND for every person, FORBIDDEN for API clients (notifications are for people).
    field: '_entities',
    variant: 'Notification',
    subgraph: 'county',
    places: ['subgraph'],
    document: entities('... on Notification { id title read }'),
    variables: () => ({ r: [{ __typename: 'Notification', id: noSuchId }] }),
    expect: signedIn({ 'partner.api': FORBIDDEN, ...noApiClient(passes('NOT_FOUND')) }),
  },
  {
    field: '_entities',
    variant: "a Follo client's",
    subgraph: 'regions',
    places: ['subgraph'],
    document: entities('... on Client { id name email phone }'),
    variables: (ids) => ({ r: [{ __typename: 'Client', id: ids.folloClient.id }] }),
    expect: only(followPersonal, ALLOWED),
  },
  {
    field: '_entities',
    variant: "a Drammensregionen client's",
    subgraph: 'regions',
    places: ['subgraph'],
    document: entities('... on Client { id name email phone }'),
    variables: (ids) => ({ r: [{ __typename: 'Client', id: ids.drammenClient.id }] }),
    expect: only(drammenPersonal, ALLOWED),
  },
  {
    field: '_entities',
    variant: 'Region (survey invitations)',
    subgraph: 'regions',
    places: ['subgraph'],
    document: entities('... on Region { surveyInvitations(since: "2024-01-01") { id name } }'),
    variables: () => ({ r: [{ __typename: 'Region', id: 'follo' }] }),
    expect: nestedPersonal((data) => data._entities?.[0]?.surveyInvitations, followPersonal),
  },
  {
    field: '_entities',
    variant: 'Region (client count)',
    subgraph: 'regions',
    places: ['subgraph'],
    document: entities('... on Region { clientCount(year: 2024) { value } }'),
    variables: () => ({ r: [{ __typename: 'Region', id: 'follo' }] }),
    expect: signedIn(),
  },
  {
    field: '_entities',
    variant: 'Course (enrolments)',
    subgraph: 'regions',
    places: ['subgraph'],
    document: entities('... on Course { id enrolments { client { name } } }'),
    variables: (ids) => ({ r: [{ __typename: 'Course', id: ids.folloHeldCourse.id }] }),
    expect: nestedPersonal((data) => data._entities?.[0]?.enrolments, followPersonal),
  },
  {
    field: '_entities',
    variant: 'Adviser and Municipality',
    subgraph: 'regions',
    places: ['subgraph'],
    document: entities('... on Municipality { name } ... on Adviser { id name }'),
    variables: () => ({ r: [{ __typename: 'Municipality', number: '3020' }] }),
    expect: signedIn(),
  },
  {
    field: '_entities',
    variant: "Follo's referral to Innovasjon Norge",
    subgraph: 'partners',
    places: ['subgraph'],
    document: entities('... on Referral { id sharedClientData { name email } }'),
    variables: (ids) => ({ r: [{ __typename: 'Referral', id: ids.folloReferralToInnovasjonNorge.id }] }),
    expect: only([...followPersonal, 'innovasjonnorge.officer'], ALLOWED),
  },
  {
    field: '_entities',
    variant: "Follo's business assessment",
    subgraph: 'partners',
    places: ['subgraph'],
    document: entities('... on BusinessAssessment { id sharedClientData { name email } }'),
    variables: (ids) => ({ r: [{ __typename: 'BusinessAssessment', id: ids.folloAssessment.id }] }),
    expect: only([...followPersonal, 'nav.officer'], ALLOWED),
  },
  {
    field: '_entities',
    variant: "a Follo client's data held by the partners",
    subgraph: 'partners',
    places: ['subgraph'],
    document: entities('... on Client { personalDataHeldByPartners }'),
    variables: (ids) => ({ r: [{ __typename: 'Client', id: ids.folloClient.id }] }),
    // The client's region and the county; another region's people get only what their region holds: nothing.
    expect: rule(FORBIDDEN, {
      ...Object.fromEntries(followPersonal.map((caller) => [caller, ALLOWED])),
      'drammen.officer': allowedIf(nothingHeld),
      'drammen.adviser': allowedIf(nothingHeld),
      // Follo answers to Akershus: Buskerud's officers get what their regions hold of the person, nothing.
      'buskerud.officer': allowedIf(nothingHeld),
    }),
  },
  {
    field: '_entities',
    variant: 'Gathering',
    subgraph: 'partners',
    places: ['subgraph'],
    document: entities('... on Gathering { id title }'),
    variables: (ids) => ({ r: [{ __typename: 'Gathering', id: ids.gathering.id }] }),
    expect: signedIn(),
  },
  {
    field: '_entities',
    variant: 'Region (referral counts)',
    subgraph: 'partners',
    places: ['subgraph'],
    document: entities('... on Region { referrals(year: 2024) { toInnovasjonNorge } }'),
    variables: () => ({ r: [{ __typename: 'Region', id: 'follo' }] }),
    expect: signedIn(),
  },
];

/** The name a case is reported under. */
export const caseName = (c: Case) => `${c.subgraph}.${c.field}${c.variant ? ` (${c.variant})` : ''}`;
