// Bokmål texts for a failed request, by the GraphQL error code: what a person is told instead of the code or the server's English.
export const requestErrorsNb = {
  UNAUTHENTICATED: 'Innloggingen din er utløpt. Logg inn på nytt.',
  FORBIDDEN: 'Du har ikke tilgang til dette.',
  NOT_FOUND: 'Fant det ikke. Det kan være slettet eller flyttet.',
  CONFLICT: 'Noen andre har endret dette i mellomtiden. Last inn på nytt og prøv igjen.',
  BAD_USER_INPUT: 'Noe av det som ble sendt, ble ikke godtatt. Sjekk feltene og prøv igjen.',
  RATE_LIMITED: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
  SUBGRAPH_UNAVAILABLE: 'En del av tjenesten svarer ikke akkurat nå. Prøv igjen om litt.',
  SERVICE_UNAVAILABLE: 'En del av tjenesten svarer ikke akkurat nå. Prøv igjen om litt.',
  network: 'Fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
  other: 'Noe gikk galt hos oss. Prøv igjen om litt.',
};
