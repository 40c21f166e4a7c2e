// English texts of the console; `satisfies` makes the type check fail when a key is missing or extra compared with bokmål.
import type { MessageSchema } from './nb';

const en = {
  app: {
    serviceName: 'Etablerertjenesten',
    product: 'Console',
    documentTitle: '{page} – Etablerertjenesten',
    skipToContent: 'Skip to main content',
    navigation: 'Main menu',
    language: 'Language',
  },
  nav: {
    regions: 'Regions',
  },
  population: {
    approximate: 'approx. {figure}',
    missing: 'missing',
  },
  regions: {
    title: 'Regions',
    intro:
      "The county's sub-regions with the contract municipality that signed the cooperation agreement, the region's municipalities and their inhabitants as of 1 July 2021, which the funding is based on.",
    loading: 'Loading the regions …',
    empty: 'No regions have been registered yet.',
    error: {
      title: 'Could not load the regions',
      body: 'The gateway did not answer as expected. Try again in a moment.',
      unauthenticated: 'You need to be signed in to see the regions.',
      forbidden: 'You are not allowed to see the regions.',
      codes: 'Error code: {codes}',
      retry: 'Try again',
    },
    approximateNote: {
      title: 'Approximate demo figures',
      body: 'Inhabitant figures marked “approx.” are approximate demo figures, rounded to the nearest hundred. They are not official figures from Statistics Norway (SSB) and must not be used to calculate funding.',
    },
    officialSource: 'Inhabitants: Statistics Norway (SSB), table 01222, as of 1 July 2021.',
    expandAll: 'Show the municipalities of all regions',
    collapseAll: 'Hide the municipalities of all regions',
    table: {
      caption: 'Regions of the entrepreneur service',
      region: 'Region',
      contractMunicipality: 'Contract municipality',
      municipalityCount: 'Municipalities',
      population: 'Inhabitants 1 July 2021',
    },
    municipalities: {
      caption: 'Municipalities in {region}',
      number: 'Number',
      name: 'Municipality',
      population: 'Inhabitants 1 July 2021',
      contractMunicipality: 'contract municipality',
    },
  },
  session: {
    signedInAs: 'Signed in as',
    roleAt: '{role}, {organisation}',
    signOut: 'Sign out',
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
    intro:
      'Choose whom to sign in as. Each demo user acts for one organisation in one role and sees what that role may see.',
    developmentNote: 'This is the development sign-in, which exists only when the platform runs locally.',
    signInRequired: 'You need to sign in to see the page you asked for.',
    sessionExpired: 'Your session has expired. Sign in again to continue.',
    users: 'Demo users',
    username: 'username {username}',
    loading: 'Loading the demo users …',
    empty: 'The gateway has no demo users.',
    submit: 'Sign in',
    submitting: 'Signing in …',
    chooseUser: 'Choose a user before signing in.',
    off: {
      title: 'The development sign-in is off',
      body: "The demo users exist only when the platform runs locally. In production you sign in with your organisation's own sign-in (OIDC), which is set up by those who run the console.",
    },
    error: {
      loadUsers: 'Could not load the demo users',
      signIn: 'Signing in failed',
      body: 'The gateway did not answer as expected. Try again in a moment.',
      unknownUser: 'The gateway does not know this user. Load the list again and choose a user from it.',
      clockSkew: "The access had already expired when it arrived. Check that this computer's clock is right.",
      details: 'Details: {message}',
      retry: 'Try again',
    },
  },
  notFound: {
    title: 'Page not found',
    body: 'This address does not exist in the console.',
    back: 'Go to the regions',
  },
} satisfies MessageSchema;

export default en;
