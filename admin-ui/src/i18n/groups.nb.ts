// Bokmål texts of the groups page (the coordination group and the professional group with their membership history).
const groupsNb = {
  nav: 'Grupper',
  title: 'Koordineringsgruppen og faggruppen',
  intro:
    'Medlemmene i koordineringsgruppen (§ 5.1) og i veiledernes og operatørenes faggruppe (§ 4), med alle medlemskap som har vært. Et medlemskap slettes aldri: det avsluttes på en dag, og en ny rolle avslutter ett medlemskap og begynner et nytt.',
  loading: 'Henter gruppene …',
  error: {
    title: 'Kunne ikke hente gruppene',
    body: 'Tjenesten svarte ikke som forventet. Prøv igjen om litt.',
    forbidden: 'Du har ikke tilgang til gruppene.',
    retry: 'Prøv igjen',
  },
  empty: 'Ingen medlemmer er registrert.',
  coordination: {
    title: 'Koordineringsgruppen',
    intro: 'Fylkeskommunen, kontraktskommunene, Innovasjon Norge og NAV (§ 5.1). Fylkeskommunen holder medlemslisten.',
    caption: 'Medlemskap i koordineringsgruppen, nåværende først',
  },
  professional: {
    title: 'Faggruppen',
    intro:
      'Veiledere og operatører i regionene (§ 4). Fylkeskommunen og kommunenes kontaktpersoner for sin region holder medlemslisten.',
    caption: 'Medlemskap i faggruppen, nåværende først',
  },
  field: {
    name: 'Navn',
    organisationName: 'Organisasjon',
    organisationId: 'Organisasjonens id',
    region: 'Region',
    role: 'Rolle',
    validFrom: 'Medlem fra',
    period: 'Periode',
    status: 'Status',
    actions: 'Handlinger',
  },
  period: {
    open: 'fra {from}',
    ended: '{from}–{to}',
  },
  status: {
    current: 'Medlem',
    ended: 'Avsluttet',
    coming: 'Begynner senere',
  },
  actions: {
    add: 'Legg til medlem',
    end: 'Avslutt',
    endLabel: 'Avslutt medlemskapet til {name}',
    changeRole: 'Ny rolle',
    changeRoleLabel: 'Gi {name} en ny rolle',
  },
  form: {
    addTitle: 'Legg til medlem',
    organisationIdHint: 'For eksempel kommunenummeret, organisasjonsnummeret eller innovasjon-norge.',
    noRegion: 'Ingen region (fylkeskommunen eller en partner)',
    newRole: 'Ny rolle',
    lastDay: 'Siste dag som medlem',
    fromDay: 'Første dag i ny rolle',
    send: 'Lagre',
    end: 'Avslutt medlemskapet',
    changeRole: 'Lagre ny rolle',
    cancel: 'Avbryt',
  },
  actionError: {
    forbidden: 'Du kan ikke endre denne gruppen.',
    conflict: 'Medlemskapet er allerede avsluttet. Last inn siden på nytt.',
    fields: 'Tjenesten godtok ikke alle feltene; se meldingene ved feltene.',
    body: 'Kunne ikke lagre. {message}',
  },
  done: {
    add: '{name} er lagt til.',
    end: 'Medlemskapet til {name} er avsluttet {date}.',
    changeRole: '{name} har ny rolle fra {date}.',
  },
};

export default groupsNb;
