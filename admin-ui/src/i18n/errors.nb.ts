// Bokmål texts for a failed request, by the GraphQL error code, and for the common reasons the services give for a field, instead of their English.
export const requestErrorsNb = {
  UNAUTHENTICATED: 'Innloggingen din er utløpt. Logg inn på nytt.',
  FORBIDDEN: 'Du har ikke tilgang til dette.',
  NOT_FOUND: 'Fant det ikke. Det kan være slettet eller flyttet.',
  CONFLICT:
    'Det lar seg ikke gjøre slik det står nå: det strider mot noe som alt er registrert, kanskje av noen andre. Last inn på nytt og se hva som gjelder.',
  BAD_USER_INPUT: 'Tjenesten godtok ikke det som ble sendt.',
  RATE_LIMITED: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
  SUBGRAPH_UNAVAILABLE: 'En del av tjenesten svarer ikke akkurat nå. Prøv igjen om litt.',
  SERVICE_UNAVAILABLE: 'En del av tjenesten svarer ikke akkurat nå. Prøv igjen om litt.',
  network: 'Fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
  other: 'Noe gikk galt hos oss. Prøv igjen om litt.',
};

export const serverReasonsNb = {
  required: 'Må fylles ut.',
  tooLong: 'Høyst {max} tegn.',
  atMost: 'Høyst {max}.',
  atLeast: 'Minst {min}.',
  atMostMinutes: 'Høyst {max} minutter.',
  atLeastMinutes: 'Minst {min} minutter.',
  notNegative: 'Kan ikke være negativt.',
  notFuture: 'Datoen kan ikke være frem i tid.',
  notBefore: 'Datoen er for tidlig.',
  phone: 'Skriv et telefonnummer med 8 til 20 sifre.',
  email: 'Skriv en gyldig e-postadresse.',
  municipalityNumber: 'Et kommunenummer har fire sifre.',
  nameCharacters: 'Bruk bare bokstaver, mellomrom, bindestrek, apostrof og punktum.',
  organisationNumber: 'Skriv et gyldig organisasjonsnummer (ni sifre).',
  other: 'Tjenesten godtok ikke verdien i dette feltet.',
};
