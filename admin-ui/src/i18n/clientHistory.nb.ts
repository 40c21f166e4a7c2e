// Bokmål texts of the client page's referrals and its history timeline.
export const clientHistoryNb = {
  title: 'Historikk',
  intro:
    'Alt som er registrert på klienten, nyeste først: veiledning, kurs, henvisninger, milepæler, effekt og oppfølging.',
  empty: 'Ingenting er registrert på klienten ennå.',
  listLabel: 'Klientens historikk',
  kind: {
    session: 'Veiledning',
    course: 'Kurs',
    referral: 'Henvisning',
    milestone: 'Milepæl',
    impact: 'Effekt',
    followUp: 'Oppfølging',
  },
  session: '{form}, {minutes} min: {topic}',
  course: '{title} – {status}',
  referral: '{direction}: {programme} – {status}',
  referrals: {
    title: 'Henvisninger',
    empty: 'Klienten er ikke henvist.',
    unavailable: 'Henvisningene kan ikke vises akkurat nå.',
    sentOn: 'Sendt',
    receiver: 'Til',
    programme: 'Ordning',
    status: 'Status',
    statusLine: '{status} {date}',
    reason: 'Begrunnelse: {reason}',
  },
};
