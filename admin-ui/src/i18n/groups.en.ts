// English texts of the groups page; `satisfies` makes the type check fail when a key differs from bokmål.
import type groupsNb from './groups.nb';

const groupsEn = {
  nav: 'Groups',
  title: 'The coordination group and the professional group',
  intro:
    "The members of the coordination group (§ 5.1) and of the advisers' and operators' professional group (§ 4), with every membership there has been. A membership is never deleted: it ends on a day, and a new role ends one membership and starts another.",
  loading: 'Loading the groups …',
  error: {
    title: 'Could not load the groups',
    body: 'The service did not answer as expected. Try again shortly.',
    forbidden: 'You do not have access to the groups.',
    retry: 'Try again',
  },
  empty: 'No members are recorded.',
  coordination: {
    title: 'The coordination group',
    intro: 'The county, the contract municipalities, Innovasjon Norge and NAV (§ 5.1). The county keeps the list.',
    caption: 'Memberships of the coordination group, current first',
  },
  professional: {
    title: 'The professional group',
    intro:
      "The regions' advisers and operators (§ 4). The county and the municipality officers, for their own region, keep the list.",
    caption: 'Memberships of the professional group, current first',
  },
  field: {
    name: 'Name',
    organisationName: 'Organisation',
    organisationId: "Organisation's id",
    region: 'Region',
    role: 'Role',
    validFrom: 'Member from',
    period: 'Period',
    status: 'Status',
    actions: 'Actions',
  },
  period: {
    open: 'from {from}',
    ended: '{from}–{to}',
  },
  status: {
    current: 'Member',
    ended: 'Ended',
    coming: 'Starts later',
  },
  actions: {
    add: 'Add member',
    end: 'End',
    endLabel: "End {name}'s membership",
    changeRole: 'New role',
    changeRoleLabel: 'Give {name} a new role',
  },
  form: {
    addTitle: 'Add member',
    organisationIdHint: 'For example the municipality number, the organisation number or innovasjon-norge.',
    noRegion: 'No region (the county or a partner)',
    newRole: 'New role',
    lastDay: 'Last day as a member',
    fromDay: 'First day in the new role',
    send: 'Save',
    end: 'End the membership',
    changeRole: 'Save the new role',
    cancel: 'Cancel',
  },
  actionError: {
    forbidden: 'You cannot change this group.',
    conflict: 'The membership has ended already. Reload the page.',
    fields: 'The service did not accept every field; see the messages at the fields.',
    body: 'Could not save. {message}',
  },
  done: {
    add: '{name} has been added.',
    end: "{name}'s membership ended on {date}.",
    changeRole: '{name} has a new role from {date}.',
  },
} satisfies typeof groupsNb;

export default groupsEn;
