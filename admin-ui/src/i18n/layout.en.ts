// English texts of the shared list parts; `satisfies` makes the type check fail when a key differs from bokmål.
import type layoutNb from './layout.nb';

const layoutEn = {
  table: {
    filter: 'Filter',
    filterPlaceholder: 'Search the table',
    sortBy: 'Sort by {column}',
    noMatch: 'No rows match the filter.',
    details: 'Details',
    detailsFor: 'Show details for {row}',
    hideDetailsFor: 'Hide details for {row}',
    scrollHint: 'The table scrolls sideways.',
  },
  pager: {
    label: 'Pages',
    showing: 'Showing {from}–{to} of {total}',
    none: 'Nothing to show',
    previous: 'Previous',
    next: 'Next',
    pageSize: 'Per page',
  },
  chart: {
    empty: 'No figures to show for this year.',
    suppressedLeftOut: 'Regions with fewer than 5 people are left out of the chart.',
  },
  overview: {
    attention: 'Follow up',
    attentionCount: '{count} to follow up',
    noAttention: 'Nothing',
    figures: 'Key figures',
  },
  clients: {
    region: 'Region',
    allRegions: 'All regions',
    csvButton: 'Download the list as CSV',
    csvAll: 'The file holds all {total} clients matching the filter, not only the page shown. Semicolon-separated.',
    preparing: 'Preparing the file …',
    csvError: 'Could not fetch the whole list: {message}',
  },
  referrals: {
    filters: 'Filter the referrals',
    status: 'Status',
    direction: 'Direction',
    allStatuses: 'All statuses',
    allDirections: 'All directions',
  },
  assessments: {
    filters: 'Find assessments',
    noMatch: 'Nothing matches the search or filter.',
    search: 'Search by client or NAV office',
    searchSubmit: 'Search',
    region: 'Region',
    allRegions: 'All regions',
  },
  publicCourses: {
    month: 'Month',
    anyMonth: 'Any month',
  },
} satisfies typeof layoutNb;

export default layoutEn;
