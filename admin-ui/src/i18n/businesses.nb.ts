// Bokmål texts of the client page's businesses: register status from Enhetsregisteret, and registering a business.
const businessesNb = {
  title: 'Foretak',
  loading: 'Henter foretakene …',
  error: 'Foretakene kunne ikke hentes: {message}',
  empty: 'Ingen foretak er registrert.',
  columns: {
    name: 'Navn',
    organisationNumber: 'Org.nr.',
    legalForm: 'Organisasjonsform',
    industryCode: 'Næringskode',
    registeredOn: 'Registrert',
    registerStatus: 'I Enhetsregisteret',
  },
  status: {
    ACTIVE: 'Aktiv',
    BANKRUPT: 'Konkurs {date}',
    DELETED: 'Slettet {date}',
    NOT_FOUND: 'Ikke funnet (siden {date})',
    NOT_CHECKED: 'Ikke sjekket ennå',
  },
  checkedAt: 'Sist sjekket {date}',
  registerNote:
    'Status, næringskode og datoer kommer fra Enhetsregisteret ved hver import; overlevelse regnes ut fra dem.',
  legalForm: {
    ENK: 'Enkeltpersonforetak (ENK)',
    AS: 'Aksjeselskap (AS)',
    ANS: 'Ansvarlig selskap (ANS)',
    DA: 'Selskap med delt ansvar (DA)',
    SA: 'Samvirkeforetak (SA)',
    OTHER: 'Annen',
  },
  register: {
    open: 'Registrer foretak',
    title: 'Registrer et foretak klienten har startet',
    name: 'Foretakets navn',
    organisationNumber: 'Organisasjonsnummer (9 siffer)',
    registeredOn: 'Registreringsdato',
    legalForm: 'Organisasjonsform',
    submit: 'Registrer',
    cancel: 'Avbryt',
    saving: 'Registrerer …',
    done: 'Foretaket er registrert.',
  },
  validation: {
    required: 'Må fylles ut.',
    organisationNumber: 'Ni siffer med gyldig kontrollsiffer (modulus 11).',
    future: 'Kan ikke være frem i tid.',
  },
  actionError: {
    forbidden: 'Bare klientens veiledere kan registrere foretak.',
    conflict: 'Foretaket ble ikke registrert: {message}',
    fields: 'Foretaket ble ikke registrert. Se feltene som er merket.',
    body: 'Foretaket ble ikke registrert: {message}',
  },
};

export default businessesNb;
