// Clients as the gateway returns them: a page of Follo's list and one client beyond the free counselling limit.

import type { ClientDetail } from '../src/queries/client';
import type { ClientListItem, ClientPage } from '../src/queries/clients';
import { type GraphQLCall, jsonResponse } from './fixtures';

export function listItem(index: number): ClientListItem {
  return {
    id: `client-${index}`,
    name: `Klient ${index}`,
    erasedAt: null,
    registeredOn: '2024-03-01',
    immigrantBackground: index % 2 === 0 ? 'YES' : 'NO',
    municipality: { number: '3021', name: 'Ås' },
    region: { id: 'follo', name: 'Follo' },
    businesses: index % 3 === 0 ? [{ id: `business-${index}` }] : [],
  };
}

/** The first of four pages: 50 of 175 clients. */
export const firstPage: ClientPage = {
  items: Array.from({ length: 50 }, (_, index) => listItem(index + 1)),
  totalCount: 175,
  hasNextPage: true,
};

export const nadia: ClientDetail = {
  id: 'client-7',
  name: 'Nadia Rahman',
  email: 'nadia@example.org',
  phone: '+47 912 34 567',
  birthYear: 1988,
  immigrantBackground: 'YES',
  registeredOn: '2024-01-15',
  municipality: { number: '3021', name: 'Ås' },
  businessIdea: 'Catering med syriske retter.',
  gender: 'FEMALE',
  industryCode: '56.210',
  growthPotential: 'MEDIUM',
  surveyConsent: true,
  version: 3,
  erasedAt: null,
  counsellingHours: { year: 2024, total: 3.5, free: 3, beyondFreeLimit: 0.5, freeLimit: 3 },
  businesses: [
    { id: 'business-1', name: 'Nadias Kjøkken', organisationNumber: '912345678', registeredOn: '2024-05-01' },
  ],
  milestones: [{ kind: 'BUSINESS_REGISTERED', reachedOn: '2024-05-01' }],
  enrolments: [
    {
      id: 'enrolment-1',
      status: 'ENROLLED',
      attended: true,
      waitlistPosition: null,
      course: { id: 'course-1', title: 'Etablererkurs', startsOn: '2024-03-04' },
    },
  ],
  possibleDuplicates: [{ id: 'client-9', name: 'Nadia Rahman' }],
  followUps: [
    {
      id: 'follow-up-1',
      date: '2024-06-03',
      note: 'Har fått første kunde.\nAvtalt nytt møte i august.',
      adviser: { id: 'adviser-1', name: 'Amira Haddad' },
    },
    {
      id: 'follow-up-2',
      date: '2024-09-12',
      note: 'Vurderer å ansette.',
      adviser: { id: 'adviser-2', name: 'Ola Berg' },
    },
  ],
  links: [
    { id: 'link-1', kind: 'MENTOR', name: 'Kari Nordmann', since: '2024-04-01' },
    { id: 'link-2', kind: 'INCUBATOR', name: 'Ås Inkubator', since: '2024-02-15' },
  ],
  counsellingSessions: [
    { id: 'session-2', date: '2024-04-10', durationMinutes: 90, form: 'VIDEO', topic: 'Budsjett og prising' },
    { id: 'session-1', date: '2024-01-20', durationMinutes: 60, form: 'MEETING', topic: 'Forretningsidé' },
  ],
  impactRecords: [{ id: 'impact-1', kind: 'JOBS_CREATED', recordedFor: '2024-10-01' }],
  referrals: [
    {
      id: 'referral-2',
      direction: 'TO_NAV',
      programme: 'UNEMPLOYMENT_BENEFIT_DURING_START_UP',
      otherActor: null,
      navOffice: { id: 'nav-follo', name: 'NAV Follo' },
      sentOn: '2024-08-20',
      status: 'ACCEPTED',
      statusChangedOn: '2024-08-27',
      statusReason: null,
    },
    {
      id: 'referral-1',
      direction: 'TO_INNOVASJON_NORGE',
      programme: 'STARTUP_GRANT_PHASE_1',
      otherActor: null,
      navOffice: null,
      sentOn: '2024-05-15',
      status: 'DECLINED',
      statusChangedOn: '2024-06-01',
      statusReason: 'Mangler budsjett.',
    },
  ],
};

/** What the gateway answers the client list: the page of `clients` the variables ask for, in order. */
export function clientListPage(
  variables: { first: number; offset: number } | undefined,
  clients: ClientListItem[],
): ClientPage {
  const { first = 50, offset = 0 } = variables ?? {};
  return {
    items: clients.slice(offset, offset + first),
    totalCount: clients.length,
    hasNextPage: offset + first < clients.length,
  };
}

/** Follo's 175 clients: four pages of the list. */
export const folloClients: ClientListItem[] = Array.from({ length: 175 }, (_, index) => listItem(index + 1));

/**
 * The gateway's answers to what a client's page asks for on opening: the client, and its session page, businesses
 * and impact records as the client has them (none but those `client` holds). Other operations go to `other`; an
 * operation none of them answers fails the test.
 */
export function clientPageAnswers(
  client: () => ClientDetail | null,
  other: (call: GraphQLCall) => Response | undefined = () => undefined,
) {
  return (call: GraphQLCall): Response => {
    const answered = other(call);
    if (answered) return answered;
    const name = /(?:query|mutation) (\w+)/.exec(call.body.query)?.[1];
    const shown = client();
    switch (name) {
      case 'ClientDetail':
        return jsonResponse({ data: { client: shown } });
      case 'ClientSessionPage':
        return jsonResponse({
          data: {
            client: shown && {
              id: shown.id,
              counsellingSessionPage: { totalCount: 0, hasNextPage: false, items: [] },
            },
          },
        });
      case 'ClientBusinesses':
        return jsonResponse({ data: { client: shown && { id: shown.id, businesses: [] } } });
      case 'ClientImpact':
        return jsonResponse({ data: { client: shown && { id: shown.id, email: shown.email, impactRecords: [] } } });
      default:
        throw new Error(`Unexpected operation ${name}`);
    }
  };
}
