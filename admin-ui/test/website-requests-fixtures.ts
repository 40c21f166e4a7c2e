// Requests from the public website as the gateway returns them: Follo's pending sign-up and counselling request, and one picked up.
import type { WebsiteRequestItem, WebsiteRequestPage } from '../src/queries/websiteRequests';

const follo = { id: 'follo', name: 'Follo' };

/** A new client signed up for a course; sent 12 March 2026 at 14:05 Oslo time (winter time, UTC+1). */
export const signUp: WebsiteRequestItem = {
  id: 'wr-sign-up',
  reference: 'ET-7K3QX9',
  kind: 'COURSE_SIGN_UP',
  status: 'PENDING',
  receivedAt: '2026-03-12T13:05:00.000Z',
  client: {
    id: 'client-31',
    name: 'Nora Nilsen',
    email: 'nora@example.no',
    phone: '+47 400 00 031',
    municipality: { name: 'Ås' },
    region: follo,
  },
  matchedExistingClient: false,
  course: { id: 'course-1', title: 'Etablererkurs for nybegynnere', startsOn: '2026-04-20' },
  message: null,
  pickedUpBy: null,
  pickedUpAt: null,
  version: 1,
};

/**
 * A registered client asking for counselling, typing what looks like markup and a formula: both must
 * stay plain text. Sent 1 June 2026 at 10:30 Oslo time (summer time, UTC+2).
 */
export const counselling: WebsiteRequestItem = {
  id: 'wr-counselling',
  reference: 'ET-M4P2RT',
  kind: 'COUNSELLING',
  status: 'PENDING',
  receivedAt: '2026-06-01T08:30:00.000Z',
  client: {
    id: 'client-7',
    name: '=Nadia Rahman',
    email: 'nadia@example.org',
    phone: null,
    municipality: { name: 'Nordre Follo' },
    region: follo,
  },
  matchedExistingClient: true,
  course: null,
  message: '<b>Hei!</b> Jeg vil starte catering.\nKan vi møtes?',
  pickedUpBy: null,
  pickedUpAt: null,
  version: 3,
};

/** Picked up by Amira Haddad on 2 June 2026 at 09:15 Oslo time. */
export const pickedUp: WebsiteRequestItem = {
  id: 'wr-picked',
  reference: 'ET-ZZ9Q1A',
  kind: 'COUNSELLING',
  status: 'PICKED_UP',
  receivedAt: '2026-05-28T10:00:00.000Z',
  client: {
    id: 'client-12',
    name: 'Ola Berg',
    email: null,
    phone: '+47 900 00 012',
    municipality: { name: 'Frogn' },
    region: follo,
  },
  matchedExistingClient: false,
  course: null,
  message: 'Trenger hjelp med budsjett.',
  pickedUpBy: { id: 'adviser-1', name: 'Amira Haddad' },
  pickedUpAt: '2026-06-02T07:15:00.000Z',
  version: 2,
};

export const pendingPage: WebsiteRequestPage = {
  items: [signUp, counselling],
  totalCount: 2,
  hasNextPage: false,
};

export const mixedPage: WebsiteRequestPage = {
  items: [signUp, counselling, pickedUp],
  totalCount: 3,
  hasNextPage: false,
};

/** What `pickUpWebsiteRequest` answers for the sign-up. */
export const pickedUpSignUp = {
  id: signUp.id,
  status: 'PICKED_UP' as const,
  version: 2,
  pickedUpAt: '2026-06-03T08:00:00.000Z',
  pickedUpBy: { id: 'adviser-1', name: 'Amira Haddad' },
};

export const emptyPage: WebsiteRequestPage = { items: [], totalCount: 0, hasNextPage: false };
