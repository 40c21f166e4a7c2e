// English texts of the console; `satisfies` makes the type check fail when a key is missing or extra compared with bokmål.

import { accessEn, apiClientsEn } from './access.en';
import agreementsEn from './agreements.en';
import appointmentsEn, { publicAppointmentsEn } from './appointments.en';
import businessesEn from './businesses.en';
import { clientHistoryEn } from './clientHistory.en';
import { clientDataEn, clientsEn, personalDataEn } from './clients.en';
import { coursesEn } from './courses.en';
import { crmEn, networkEventsEn } from './crm.en';
import { requestErrorsEn, serverReasonsEn } from './errors.en';
import evaluationsEn from './evaluations.en';
import groupsEn from './groups.en';
import { impactEn } from './impact.en';
import layoutEn from './layout.en';
import { meetingsEn } from './meetings.en';
import type { MessageSchema } from './nb';
import { devMailEn, notificationsEn, publicLinksEn } from './notifications.en';
import { overviewEn } from './overview.en';
import { assessmentsEn, gatheringsEn, partnerActionsEn, referralsEn } from './partners.en';
import { publicSiteEn } from './publicSite.en';
import { populationEn, populationImportEn, regionEn, regionsEn } from './regions.en';
import { fundingEn, submissionsEn } from './reporting.en';
import { websiteRequestsEn } from './websiteRequests.en';

const en = {
  access: accessEn,
  apiClients: apiClientsEn,
  agreements: agreementsEn,
  businesses: businessesEn,
  appointments: appointmentsEn,
  publicAppointments: publicAppointmentsEn,
  evaluations: evaluationsEn,
  crm: crmEn,
  clientHistory: clientHistoryEn,
  networkEvents: networkEventsEn,
  groups: groupsEn,
  impact: impactEn,
  layout: layoutEn,
  notifications: notificationsEn,
  publicLinks: publicLinksEn,
  devMail: devMailEn,
  requestErrors: requestErrorsEn,
  serverReasons: serverReasonsEn,
  app: {
    serviceName: 'Etablerertjenesten',
    product: 'Console',
    documentTitle: '{page} – Etablerertjenesten',
    skipToContent: 'Skip to main content',
    navigation: 'Main menu',
    menu: 'Menu',
    language: 'Language',
  },
  nav: {
    regions: 'Regions',
    overview: 'Overview',
    playground: 'Playground',
    submissions: 'Reporting',
    referrals: 'Referrals',
    gatherings: 'Gatherings',
    assessments: 'Assessments',
    clients: 'Clients',
    funding: 'Funding',
    group: {
      figures: 'Regions and figures',
      agreement: 'Agreement and funding',
      clients: 'Clients and courses',
      cooperation: 'Cooperation',
      administration: 'Administration',
    },
  },
  serviceStatus: {
    title: 'Something is missing',
    missing: '{service} is not answering right now. What comes from there is missing; the rest is up to date.',
    services: {
      county: "The county's service (agreements, funding, payments and reporting)",
      regions: "The regions' service (regions, municipalities, advisers, clients and courses)",
      partners: "The partners' service (Innovasjon Norge and NAV)",
      unknown: 'One of the services',
    },
    retry: 'Try again in a little while, or reload the page.',
    unavailableFigure: 'not available right now',
    unavailableList: 'Cannot be shown right now because the service that holds this does not answer.',
    gatheringsUnavailable: "The gatherings cannot be shown right now because the partners' service is not answering.",
  },
  population: populationEn,
  regions: regionsEn,
  region: regionEn,
  overview: overviewEn,
  session: {
    signedInAs: 'Signed in as',
    roleAt: '{role}, {organisation}',
    signOut: 'Sign out',
    signingOut: 'Signing out …',
    endsAt: 'Session lasts until {time}',
    signOutFailed: 'Could not sign out: {message}',
  },
  roles: {
    COUNTY_OFFICER: 'County officer',
    MUNICIPALITY_OFFICER: 'Municipal officer',
    ADVISER: 'Adviser',
    INNOVASJON_NORGE: 'Innovasjon Norge',
    NAV: 'NAV',
    COORDINATION_MEMBER: 'Coordination group member',
    API_CLIENT: 'API client',
  },
  signIn: {
    title: 'Sign in',
    redirecting: 'Taking you to the sign-in …',
    submit: 'Sign in',
    signInRequired: 'You need to sign in to see the page you asked for.',
    sessionExpired: 'Your session has expired. Sign in again to continue.',
    signedOut: 'You are signed out.',
    error: {
      no_access:
        'You are signed in with your identity provider, but have no access to the console. Ask your county or region to give you a role.',
      cancelled: 'The sign-in was cancelled. Sign in again when you are ready.',
      expired: 'The sign-in took too long or was already used. Try again.',
      failed: 'The sign-in failed. Try again in a little while.',
    },
    off: {
      title: 'Sign-in is not set up',
      body: 'The gateway has no identity provider (OIDC_ISSUER). Those who run the console set it up.',
    },
    unreachable: 'Could not reach the service. Check the network connection and try again.',
    retry: 'Try again',
  },
  signedOut: {
    title: 'You are signed out',
    body: 'Your session has ended. Close the browser if you are on a shared computer.',
    signInAgain: 'Sign in again',
  },
  notFound: {
    title: 'Page not found',
    body: 'This address does not exist in the console.',
    back: 'Go to the regions',
  },
  playground: {
    title: 'Playground',
    intro:
      "Try queries against the platform's GraphQL API as the signed-in user. The schema's documentation is in the panel on the left.",
  },
  submissions: submissionsEn,
  funding: fundingEn,
  referrals: referralsEn,
  clients: clientsEn,
  gatherings: gatheringsEn,
  assessments: assessmentsEn,
  publicSite: publicSiteEn,
  meetings: meetingsEn,
  clientData: clientDataEn,
  websiteRequests: websiteRequestsEn,
  partnerActions: partnerActionsEn,
  courses: coursesEn,
  personalData: personalDataEn,
  // The population page: every municipality's funding figure with its source, and importing SSB's table 01222.
  populationImport: populationImportEn,
} satisfies MessageSchema;

export default en;
