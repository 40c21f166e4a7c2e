// Bokmål texts of the evaluations page (the list of evaluations of the service and recording one).
const evaluationsNb = {
  nav: 'Evalueringer',
  title: 'Evalueringer',
  intro:
    'Evalueringer av etablerertjenesten: perioden som ble evaluert, hvem som skrev evalueringen, de viktigste funnene og hvor dokumentet finnes. Nyeste først.',
  loading: 'Henter evalueringene …',
  error: {
    title: 'Kunne ikke hente evalueringene',
    body: 'Tjenesten svarte ikke som forventet. Prøv igjen om litt.',
    forbidden: 'Du har ikke tilgang til evalueringene.',
    retry: 'Prøv igjen',
  },
  empty: 'Ingen evalueringer er registrert ennå.',
  listLabel: 'Evalueringer, nyeste først',
  period: '{from}–{to}',
  field: {
    title: 'Tittel',
    periodFrom: 'Perioden fra',
    periodTo: 'Perioden til',
    period: 'Periode',
    author: 'Forfatter',
    publishedOn: 'Publisert',
    findings: 'Hovedfunn',
    documentReference: 'Dokument',
  },
  noDocumentReference: 'Ikke oppgitt.',
  actions: {
    record: 'Registrer evaluering',
  },
  form: {
    title: 'Registrer evaluering',
    periodHint: 'Første og siste dag i perioden som ble evaluert.',
    authorHint: 'Hvem som skrev evalueringen, for eksempel en ekstern evaluator eller en avdeling.',
    documentReferenceHint: 'En lenke eller et arkivnummer. Kan stå tom.',
    send: 'Lagre evalueringen',
    sending: 'Lagrer …',
    cancel: 'Avbryt',
  },
  validation: {
    required: 'Må fylles ut.',
    date: 'Skriv en gyldig dato.',
    years: 'Datoen må ligge i årene {first}–{last}.',
    periodOrder: 'Perioden kan ikke slutte før den begynner.',
    tooLong: 'For lang: høyst {max} tegn.',
    summary: 'Rett feltene som er markert, og lagre på nytt.',
  },
  actionError: {
    forbidden: 'Bare fylkeskommunene Akershus, Buskerud og Østfold kan registrere evalueringer.',
    fields: 'Tjenesten godtok ikke alle feltene; se meldingene ved feltene.',
    body: 'Kunne ikke lagre evalueringen. {message}',
  },
  done: 'Evalueringen «{title}» er registrert.',
};

export default evaluationsNb;
