// The public website's data as the gateway returns it without a token: two regions with their
// offices and advisers, every municipality with its region, the responsible parties, courses and
// receipts; and a gateway stub that answers each public operation by name.
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { expect } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from '../src/App.vue';
import { storedLocale } from '../src/composables/useLocale';
import type { PartnerCourseItem, PublicCourseItem } from '../src/queries/publicCourses';
import type { WebsiteReceipt } from '../src/queries/publicRequests';
import type { PublicMunicipalityItem, PublicRegionItem, ResponsiblePartyItem } from '../src/queries/publicSite';
import { createAppRouter } from '../src/router';
import { useAuthStore } from '../src/stores/auth';
import {
  accessTokenFor,
  createStrictI18n,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  startSignedIn,
  stubGraphQL,
} from './fixtures';

export const publicFollo: PublicRegionItem = {
  id: 'follo',
  name: 'Follo',
  contractMunicipality: { number: '3207', name: 'Nordre Follo' },
  municipalities: [
    { number: '3207', name: 'Nordre Follo' },
    { number: '3209', name: 'Ås' },
    { number: '3214', name: 'Frogn' },
  ],
  operatorName: 'Etablerertjenesten i Follo AS',
  offices: [
    {
      name: 'Etablerersenteret Ski',
      streetAddress: 'Jernbanesvingen 6',
      postalCode: '1400',
      postalTown: 'Ski',
      municipalityName: 'Nordre Follo',
      coLocatedWith: 'Follo næringsforening',
    },
  ],
  advisers: [
    { name: 'Amira Haddad', email: 'amira.haddad@follo.example.no', phone: '+47 64 00 00 01' },
    { name: 'Per Olsen', email: 'per.olsen@follo.example.no', phone: null },
  ],
  freeCounsellingHoursPerClientYear: 5,
  services: [{ kind: 'BUSINESS_ASSESSMENT', description: 'Vurdering av forretningsplaner for søknader om lån.' }],
};

export const publicHalden: PublicRegionItem = {
  id: 'halden',
  name: 'Halden',
  contractMunicipality: { number: '3101', name: 'Halden' },
  municipalities: [
    { number: '3101', name: 'Halden' },
    { number: '3118', name: 'Aremark' },
  ],
  operatorName: null,
  offices: [
    {
      name: 'Halden næringshage',
      streetAddress: 'Tollbugata 3',
      postalCode: '1767',
      postalTown: 'Halden',
      municipalityName: 'Halden',
      coLocatedWith: null,
    },
  ],
  advisers: [{ name: 'Siri Lund', email: 'siri.lund@halden.example.no', phone: '69 00 00 02' }],
  freeCounsellingHoursPerClientYear: 7.5,
  services: [{ kind: 'OFFICE_COMMUNITY', description: 'Kontorplass i næringshagen det første året.' }],
};

export const publicRegions = [publicFollo, publicHalden];

/** Every municipality with its region, by number, as `publicMunicipalities` lists them. */
export const publicMunicipalities: PublicMunicipalityItem[] = publicRegions
  .flatMap((region) =>
    region.municipalities.map((municipality) => ({ ...municipality, region: { id: region.id, name: region.name } })),
  )
  .sort((a, b) => a.number.localeCompare(b.number));

export const responsibleParties: ResponsiblePartyItem[] = [
  { kind: 'COUNTY', name: 'Akershus fylkeskommune', regionIds: ['follo'] },
  { kind: 'COUNTY', name: 'Østfold fylkeskommune', regionIds: ['halden'] },
  { kind: 'INNOVASJON_NORGE', name: 'Innovasjon Norge', regionIds: ['follo', 'halden'] },
  { kind: 'CONTRACT_MUNICIPALITY', name: 'Nordre Follo kommune', regionIds: ['follo'] },
  { kind: 'CONTRACT_MUNICIPALITY', name: 'Halden kommune', regionIds: ['halden'] },
];

export const basicCourseId = '6f1c2a8e-3b7d-4c1e-9a52-1d2e3f4a5b6c';
export const fullThemeCourseId = '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b';

export const basicCourse: PublicCourseItem = {
  id: basicCourseId,
  region: { id: 'follo', name: 'Follo' },
  kind: 'BASIC',
  title: 'Etablererkurs våren 2027',
  startsOn: '2027-03-02',
  endsOn: '2027-03-23',
  location: 'Ski',
  online: false,
  participantFee: '0.00',
  seatsLeft: 4,
};

export const fullThemeCourse: PublicCourseItem = {
  id: fullThemeCourseId,
  region: { id: 'halden', name: 'Halden' },
  kind: 'THEME',
  title: 'Markedsføring på nett',
  startsOn: '2027-04-14',
  endsOn: '2027-04-14',
  location: null,
  online: true,
  participantFee: '1500.00',
  seatsLeft: 0,
};

export const partnerWebinar: PartnerCourseItem = {
  id: 'in-webinar-1',
  kind: 'WEBINAR',
  title: 'Finansiering for gründere',
  date: '2027-02-10',
  online: true,
  location: null,
  description: 'Om Innovasjon Norges tilskudd i tidlig fase.',
};

export function coursePage(items: PublicCourseItem[], { totalCount = items.length, hasNextPage = false } = {}) {
  return { items, totalCount, hasNextPage };
}

export const signUpReceipt: WebsiteReceipt = {
  reference: 'ET-7K3QX9',
  kind: 'COURSE_SIGN_UP',
  region: {
    id: 'follo',
    name: 'Follo',
    offices: [
      { name: 'Etablerersenteret Ski', streetAddress: 'Jernbanesvingen 6', postalCode: '1400', postalTown: 'Ski' },
    ],
  },
  course: { id: basicCourseId, title: basicCourse.title, startsOn: basicCourse.startsOn },
};

export const counsellingReceipt: WebsiteReceipt = {
  reference: 'ET-M4PZ82',
  kind: 'COUNSELLING',
  region: {
    id: 'halden',
    name: 'Halden',
    offices: [{ name: 'Halden næringshage', streetAddress: 'Tollbugata 3', postalCode: '1767', postalTown: 'Halden' }],
  },
  course: null,
};

/** The operation a call runs, e.g. `PublicCalendar`, read from its document. */
export function operationOf(call: GraphQLCall): string {
  return /^\s*(?:query|mutation)\s+(\w+)/.exec(call.body.query)?.[1] ?? 'unknown';
}

export type PublicAnswers = Partial<Record<string, (call: GraphQLCall) => Response | Promise<Response>>>;

/**
 * A gateway answering the public website's operations; `answers` replaces any of them. Every call
 * is checked to carry no token, whoever is signed in in the console.
 */
export function stubPublicGateway(answers: PublicAnswers = {}) {
  const defaults: PublicAnswers = {
    PublicDirectory: () =>
      jsonResponse({ data: { publicRegions: publicRegions, publicMunicipalities: publicMunicipalities } }),
    PublicResponsibleParties: () => jsonResponse({ data: { publicResponsibleParties: responsibleParties } }),
    PublicCalendar: (call) =>
      jsonResponse({
        data: {
          ...(call.body.variables?.withCourses ? { publicCourses: coursePage([basicCourse, fullThemeCourse]) } : {}),
          ...(call.body.variables?.withPartnerCourses ? { publicPartnerCourses: [partnerWebinar] } : {}),
        },
      }),
    PublicCourse: (call) =>
      jsonResponse({
        data: {
          publicCourse: [basicCourse, fullThemeCourse].find((course) => course.id === call.body.variables?.id) ?? null,
        },
      }),
  };
  return stubGraphQL((call) => {
    expect(call.headers.has('authorization'), `${operationOf(call)} must be sent without a token`).toBe(false);
    const answer = answers[operationOf(call)] ?? defaults[operationOf(call)];
    if (!answer) throw new Error(`No answer for ${operationOf(call)} in this test`);
    return answer(call);
  });
}

/** The calls of one operation. */
export function callsOf(calls: GraphQLCall[], operation: string): GraphQLCall[] {
  return calls.filter((call) => operationOf(call) === operation);
}

/** The whole app at a public address, with a real store and router, as a visitor's browser runs it. */
export async function mountPublic(path: string, { signedIn = false }: { signedIn?: boolean } = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  if (signedIn) startSignedIn(accessTokenFor('follo.adviser'));
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n(storedLocale())] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, pinia, auth: useAuthStore(pinia) };
}

/** Text with the thin and non-breaking spaces Intl puts in numbers and amounts made plain. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}
