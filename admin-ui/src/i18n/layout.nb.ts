// Bokmål texts of the shared list parts (tables, pages of a list, charts) and the list filters added with them.
const layoutNb = {
  table: {
    filter: 'Filtrer',
    filterPlaceholder: 'Søk i tabellen',
    sortBy: 'Sorter etter {column}',
    noMatch: 'Ingen rader passer filteret.',
    details: 'Detaljer',
    detailsFor: 'Vis detaljer for {row}',
    hideDetailsFor: 'Skjul detaljer for {row}',
    scrollHint: 'Tabellen kan rulles sideveis.',
  },
  pager: {
    label: 'Sider',
    showing: 'Viser {from}–{to} av {total}',
    none: 'Ingen å vise',
    previous: 'Forrige',
    next: 'Neste',
    pageSize: 'Per side',
  },
  chart: {
    empty: 'Ingen tall å vise for dette året.',
    suppressedLeftOut: 'Regioner med færre enn 5 personer er ikke med i diagrammet.',
  },
  overview: {
    attention: 'Følg opp',
    attentionCount: '{count} å følge opp',
    noAttention: 'Ingenting',
    figures: 'Nøkkeltall',
  },
  clients: {
    region: 'Region',
    allRegions: 'Alle regioner',
    csvButton: 'Last ned listen som CSV',
    csvAll: 'Filen har alle {total} klientene som passer filteret, ikke bare siden som vises. Semikolon-separert.',
    preparing: 'Lager filen …',
    csvError: 'Kunne ikke hente hele listen: {message}',
  },
  referrals: {
    filters: 'Filtrer henvisningene',
    status: 'Status',
    direction: 'Retning',
    allStatuses: 'Alle statuser',
    allDirections: 'Alle retninger',
  },
  assessments: {
    filters: 'Finn vurderinger',
    noMatch: 'Ingen passer søket eller filteret.',
    search: 'Søk etter klient eller NAV-kontor',
    searchSubmit: 'Søk',
    region: 'Region',
    allRegions: 'Alle regioner',
  },
  publicCourses: {
    month: 'Måned',
    anyMonth: 'Alle måneder',
  },
};

export default layoutNb;
