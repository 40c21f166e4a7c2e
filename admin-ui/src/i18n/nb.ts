// Norwegian bokmål texts of the console: the default language, and the shape every other language must match.
import type { CallerRole } from '../graphql/platform-auth';
import { accessNb, apiClientsNb } from './access.nb';
import agreementsNb from './agreements.nb';
import appointmentsNb, { publicAppointmentsNb } from './appointments.nb';
import businessesNb from './businesses.nb';
import { clientHistoryNb } from './clientHistory.nb';
import { clientDataNb, clientsNb, personalDataNb } from './clients.nb';
import { coursesNb } from './courses.nb';
import { crmNb, networkEventsNb } from './crm.nb';
import { requestErrorsNb, serverReasonsNb } from './errors.nb';
import evaluationsNb from './evaluations.nb';
import groupsNb from './groups.nb';
import { impactNb } from './impact.nb';
import layoutNb from './layout.nb';
import { meetingsNb } from './meetings.nb';
import { devMailNb, notificationsNb, publicLinksNb } from './notifications.nb';
import { overviewNb } from './overview.nb';
import { assessmentsNb, gatheringsNb, partnerActionsNb, referralsNb } from './partners.nb';
import { publicSiteNb } from './publicSite.nb';
import { populationImportNb, populationNb, regionNb, regionsNb } from './regions.nb';
import { fundingNb, submissionsNb } from './reporting.nb';
import { websiteRequestsNb } from './websiteRequests.nb';

const nb = {
  access: accessNb,
  apiClients: apiClientsNb,
  agreements: agreementsNb,
  businesses: businessesNb,
  appointments: appointmentsNb,
  publicAppointments: publicAppointmentsNb,
  evaluations: evaluationsNb,
  crm: crmNb,
  clientHistory: clientHistoryNb,
  networkEvents: networkEventsNb,
  groups: groupsNb,
  impact: impactNb,
  layout: layoutNb,
  notifications: notificationsNb,
  publicLinks: publicLinksNb,
  devMail: devMailNb,
  requestErrors: requestErrorsNb,
  serverReasons: serverReasonsNb,
  app: {
    serviceName: 'Etablerertjenesten',
    product: 'Konsoll',
    documentTitle: '{page} – Etablerertjenesten',
    skipToContent: 'Hopp til hovedinnholdet',
    navigation: 'Hovedmeny',
    menu: 'Meny',
    language: 'Språk',
  },
  nav: {
    regions: 'Regioner',
    overview: 'Oversikt',
    playground: 'Utforsker',
    submissions: 'Rapportering',
    referrals: 'Henvisninger',
    gatherings: 'Fagsamlinger',
    assessments: 'Vurderinger',
    clients: 'Klienter',
    funding: 'Finansiering',
    // The menu's groups of pages, by what they are for.
    group: {
      figures: 'Regioner og tall',
      agreement: 'Avtale og økonomi',
      clients: 'Klienter og kurs',
      cooperation: 'Samarbeid',
      administration: 'Administrasjon',
    },
  },
  // The banner for an answer that came without a service's data (the gateway's SUBGRAPH_UNAVAILABLE).
  serviceStatus: {
    title: 'Noe mangler',
    missing: '{service} svarer ikke akkurat nå. Det som kommer derfra mangler; resten er oppdatert.',
    services: {
      county: 'Fylkeskommunens tjeneste (avtaler, finansiering, utbetalinger og rapportering)',
      regions: 'Regionenes tjeneste (regioner, kommuner, veiledere, klienter og kurs)',
      partners: 'Partnertjenesten (Innovasjon Norge og NAV)',
      unknown: 'En av tjenestene',
    },
    retry: 'Prøv igjen om litt, eller last siden på nytt.',
    unavailableFigure: 'ikke tilgjengelig akkurat nå',
    unavailableList: 'Kan ikke vises akkurat nå fordi tjenesten som eier opplysningene, ikke svarer.',
    gatheringsUnavailable: 'Fagsamlingene kan ikke vises akkurat nå fordi partnertjenesten ikke svarer.',
  },
  population: populationNb,
  regions: regionsNb,
  region: regionNb,
  overview: overviewNb,
  session: {
    signedInAs: 'Logget inn som',
    roleAt: '{role}, {organisation}',
    signOut: 'Logg ut',
    signingOut: 'Logger ut …',
    endsAt: 'Økten varer til kl. {time}',
    signOutFailed: 'Kunne ikke logge ut: {message}',
  },
  roles: {
    COUNTY_OFFICER: 'Fylkeskommunal saksbehandler',
    MUNICIPALITY_OFFICER: 'Kommunal saksbehandler',
    ADVISER: 'Veileder',
    INNOVASJON_NORGE: 'Innovasjon Norge',
    NAV: 'NAV',
    COORDINATION_MEMBER: 'Medlem av koordineringsgruppen',
    API_CLIENT: 'API-klient',
  } satisfies Record<CallerRole, string>,
  signIn: {
    title: 'Logg inn',
    redirecting: 'Sender deg til innloggingen …',
    submit: 'Logg inn',
    signInRequired: 'Du må logge inn for å se siden du ba om.',
    sessionExpired: 'Økten din er utløpt. Logg inn på nytt for å fortsette.',
    signedOut: 'Du er logget ut.',
    error: {
      no_access:
        'Du er logget inn hos identitetsleverandøren, men har ingen tilgang til konsollet. Be fylkeskommunen eller regionen din om å gi deg en rolle.',
      cancelled: 'Innloggingen ble avbrutt. Logg inn på nytt når du er klar.',
      expired: 'Innloggingen tok for lang tid eller ble brukt allerede. Prøv på nytt.',
      failed: 'Innloggingen mislyktes. Prøv igjen om litt.',
    },
    off: {
      title: 'Innloggingen er ikke satt opp',
      body: 'Gatewayen har ingen identitetsleverandør (OIDC_ISSUER). De som drifter konsollet setter den opp.',
    },
    unreachable: 'Fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
    retry: 'Prøv igjen',
  },
  signedOut: {
    title: 'Du er logget ut',
    body: 'Økten din er avsluttet. Lukk nettleseren hvis du bruker en delt maskin.',
    signInAgain: 'Logg inn igjen',
  },
  notFound: {
    title: 'Fant ikke siden',
    body: 'Denne adressen finnes ikke i konsollet.',
    back: 'Gå til regionene',
  },
  playground: {
    title: 'Utforsker',
    intro:
      'Prøv spørringer mot plattformens GraphQL-API som den innloggede brukeren. Dokumentasjonen av skjemaet finner du i panelet til venstre.',
  },
  submissions: submissionsNb,
  funding: fundingNb,
  referrals: referralsNb,
  clients: clientsNb,
  gatherings: gatheringsNb,
  assessments: assessmentsNb,
  publicSite: publicSiteNb,
  meetings: meetingsNb,
  clientData: clientDataNb,
  websiteRequests: websiteRequestsNb,
  partnerActions: partnerActionsNb,
  courses: coursesNb,
  personalData: personalDataNb,
  // The population page: every municipality's funding figure with its source, and importing SSB's table 01222.
  populationImport: populationImportNb,
};

export type MessageSchema = typeof nb;

export default nb;
