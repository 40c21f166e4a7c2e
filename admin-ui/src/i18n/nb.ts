// Norwegian bokmål texts of the console: the default language, and the shape every other language must match.
import type { CallerRole } from '../graphql/dev-sign-in';

const nb = {
  app: {
    serviceName: 'Etablerertjenesten',
    product: 'Konsoll',
    documentTitle: '{page} – Etablerertjenesten',
    skipToContent: 'Hopp til hovedinnholdet',
    navigation: 'Hovedmeny',
    language: 'Språk',
  },
  nav: {
    regions: 'Regioner',
  },
  population: {
    approximate: 'ca. {figure}',
    missing: 'mangler',
  },
  regions: {
    title: 'Regioner',
    intro:
      'Fylkets delregioner med kontraktskommunen som har signert samarbeidsavtalen, kommunene i regionen og innbyggertallet per 1. juli 2021, som finansieringen bygger på.',
    loading: 'Henter regionene …',
    empty: 'Ingen regioner er registrert ennå.',
    error: {
      title: 'Kunne ikke hente regionene',
      body: 'Gatewayen svarte ikke som forventet. Prøv igjen om litt.',
      unauthenticated: 'Du må være logget inn for å se regionene.',
      forbidden: 'Du har ikke tilgang til å se regionene.',
      codes: 'Feilkode: {codes}',
      retry: 'Prøv igjen',
    },
    approximateNote: {
      title: 'Omtrentlige demotall',
      body: 'Innbyggertall merket «ca.» er omtrentlige demotall, avrundet til nærmeste hundre. De er ikke offisielle tall fra Statistisk sentralbyrå (SSB) og skal ikke brukes til å beregne finansiering.',
    },
    officialSource: 'Innbyggertall: Statistisk sentralbyrå (SSB), tabell 01222, per 1. juli 2021.',
    expandAll: 'Vis kommunene i alle regioner',
    collapseAll: 'Skjul kommunene i alle regioner',
    table: {
      caption: 'Regioner i etablerertjenesten',
      region: 'Region',
      contractMunicipality: 'Kontraktskommune',
      municipalityCount: 'Antall kommuner',
      population: 'Innbyggere 1.7.2021',
    },
    municipalities: {
      caption: 'Kommuner i {region}',
      number: 'Kommunenr.',
      name: 'Kommune',
      population: 'Innbyggere 1.7.2021',
      contractMunicipality: 'kontraktskommune',
    },
  },
  session: {
    signedInAs: 'Logget inn som',
    roleAt: '{role}, {organisation}',
    signOut: 'Logg ut',
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
    intro:
      'Velg hvem du vil logge inn som. Hver demobruker handler for én organisasjon i én rolle og ser det rollen gir tilgang til.',
    developmentNote: 'Dette er utviklingsinnloggingen, som bare finnes når plattformen kjøres lokalt.',
    signInRequired: 'Du må logge inn for å se siden du ba om.',
    sessionExpired: 'Økten din er utløpt. Logg inn på nytt for å fortsette.',
    users: 'Demobrukere',
    username: 'brukernavn {username}',
    loading: 'Henter demobrukerne …',
    empty: 'Gatewayen har ingen demobrukere.',
    submit: 'Logg inn',
    submitting: 'Logger inn …',
    chooseUser: 'Velg en bruker før du logger inn.',
    off: {
      title: 'Utviklingsinnloggingen er slått av',
      body: 'Demobrukerne finnes bare når plattformen kjøres lokalt. I produksjon logger du inn med organisasjonens egen innlogging (OIDC), som settes opp av dem som drifter konsollet.',
    },
    error: {
      loadUsers: 'Kunne ikke hente demobrukerne',
      signIn: 'Innloggingen mislyktes',
      body: 'Gatewayen svarte ikke som forventet. Prøv igjen om litt.',
      unknownUser: 'Gatewayen kjenner ikke denne brukeren. Hent listen på nytt og velg en bruker fra den.',
      clockSkew: 'Tilgangen var utløpt allerede da den kom. Sjekk at klokken på denne maskinen går riktig.',
      details: 'Detaljer: {message}',
      retry: 'Prøv igjen',
    },
  },
  notFound: {
    title: 'Fant ikke siden',
    body: 'Denne adressen finnes ikke i konsollet.',
    back: 'Gå til regionene',
  },
};

export type MessageSchema = typeof nb;

export default nb;
