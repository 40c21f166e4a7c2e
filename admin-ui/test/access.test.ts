// The "Tilganger" page against a stubbed graph: the assignments with their history and pages, giving a role with the
// organisation fields the role needs, ending one with a reason, the server's refusals where they belong, and who
// sees the page in the navigation.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import AppHeader from '../src/components/AppHeader.vue';
import {
  assignableRoles,
  emptyAssignRoleForm,
  missingAssignFields,
  toAssignRoleInput,
} from '../src/composables/accessAdministration';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { accessPageSize, type RoleAssignmentItem, useAccessActions } from '../src/queries/access';
import { createAppRouter } from '../src/router';
import AccessView from '../src/views/AccessView.vue';
import { officerTokenFor } from './evaluations-fixtures';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  runInComponent,
  startSignedIn,
  stubGraphQL,
} from './fixtures';
import { partnerTokenFor } from './partners-fixtures';

const kari: RoleAssignmentItem = {
  id: 'a-1',
  email: 'county.officer@demo.etablerer.no',
  personName: 'Kari Nordmann',
  role: 'COUNTY_OFFICER',
  organisation: { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' },
  regionId: null,
  municipalityNumber: null,
  assignedAt: '2026-01-05T09:00:00.000Z',
  assignedBy: 'demo',
  endedAt: null,
  endedBy: null,
  endReason: null,
  lastSignInAt: '2026-12-07T08:15:00.000Z',
};

const amira: RoleAssignmentItem = {
  ...kari,
  id: 'a-2',
  email: 'follo.adviser@demo.etablerer.no',
  personName: 'Amira Haddad',
  role: 'ADVISER',
  organisation: { id: 'operator-follo', kind: 'OPERATOR', name: 'Etablerertjenesten i Follo' },
  regionId: 'follo',
  lastSignInAt: null,
};

const endedOle: RoleAssignmentItem = {
  ...amira,
  id: 'a-0',
  email: 'ole@example.no',
  personName: 'Ole Gammel',
  endedAt: '2025-06-30T10:00:00.000Z',
  endedBy: 'county.officer',
  endReason: 'Sluttet i stillingen',
};

const regions = [
  {
    id: 'follo',
    name: 'Follo',
    municipalities: [
      { number: '3020', name: 'Nordre Follo' },
      { number: '3021', name: 'Ås' },
    ],
  },
  { id: 'halden', name: 'Halden', municipalities: [{ number: '3001', name: 'Halden' }] },
];

type Answer = (call: GraphQLCall) => Response | undefined;

const operationOf = (call: GraphQLCall) => /\b(?:query|mutation)\s+(\w+)/.exec(call.body.query)?.[1];

/** The graph as the county subgraph answers the page; `answer` overrides single operations. */
function stubAccessGraph(answer: Answer = () => undefined, { active = [kari, amira], totalCount = 2 } = {}) {
  return stubGraphQL((call) => {
    const special = answer(call);
    if (special) return special;
    switch (operationOf(call)) {
      case 'RoleAssignments': {
        const items = call.body.variables?.includeEnded ? [...active, endedOle] : active;
        return jsonResponse({
          data: {
            roleAssignments: { items, totalCount: call.body.variables?.includeEnded ? totalCount + 1 : totalCount },
          },
        });
      }
      case 'AccessRegions':
        return jsonResponse({ data: { regions } });
      case 'AssignRole':
        return jsonResponse({ data: { assignRole: { id: 'a-9', email: 'x', role: 'ADVISER' } } });
      case 'EndRoleAssignment':
        return jsonResponse({ data: { endRoleAssignment: { id: 'a-2', endedAt: '2026-12-07T11:00:00.000Z' } } });
      default:
        throw new Error(`No answer for ${operationOf(call)}`);
    }
  });
}

async function mountAccess(token: string, locale: 'nb' | 'en' = 'nb') {
  const pinia = createPinia();
  setActivePinia(pinia);
  startSignedIn(token);
  const router = createAppRouter(createMemoryHistory());
  await router.push('/access');
  await router.isReady();
  const wrapper = mount(AccessView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n(locale)] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper };
}

const callsOf = (calls: GraphQLCall[], operation: string) => calls.filter((call) => operationOf(call) === operation);

enableAutoUnmount(afterEach);

describe('the access page', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('lists the active assignments with who gave them when, and the last sign-in', async () => {
    const { calls } = stubAccessGraph();
    const { wrapper } = await mountAccess(accessTokenFor('county.officer'));

    expect(callsOf(calls, 'RoleAssignments')[0]?.body.variables).toEqual({
      includeEnded: false,
      first: accessPageSize,
      offset: 0,
    });
    const rows = wrapper.findAll('[data-testid="access-table"] tbody tr');
    expect(rows).toHaveLength(2);
    const amiraRow = wrapper
      .get('[data-testid="assignment-a-2"]')
      .findAll('th, td')
      .map((cell) => cell.text());
    expect(amiraRow.slice(0, 5)).toEqual([
      'Amira Haddad',
      'follo.adviser@demo.etablerer.no',
      'Veileder',
      'Etablerertjenesten i Follo',
      'Follo',
    ]);
    expect(amiraRow[5]).toMatch(/ av demo$/);
    expect(amiraRow[6]).toBe('Aldri');
    expect(wrapper.get('[data-testid="access-showing"]').text()).toBe('Viser 1–2 av 2');
  });

  it('shows the history on request: ended assignments with when, by whom and why', async () => {
    const { calls } = stubAccessGraph();
    const { wrapper } = await mountAccess(accessTokenFor('county.officer'));

    const toggle = wrapper.get('[data-testid="access-show-ended"]');
    expect(toggle.attributes('role')).toBe('switch');
    await toggle.setValue(true);
    await flushPromises();

    expect(callsOf(calls, 'RoleAssignments').at(-1)?.body.variables).toMatchObject({ includeEnded: true, offset: 0 });
    const ended = wrapper.get('[data-testid="assignment-a-0"] [data-testid="assignment-ended"]').text();
    expect(ended).toContain('av county.officer');
    expect(ended).toContain('Sluttet i stillingen');
    // An ended assignment cannot be ended again.
    expect(wrapper.find('[data-testid="assignment-a-0"] [data-testid="end-assignment"]').exists()).toBe(false);
  });

  it('pages through the assignments with first and offset', async () => {
    const { calls } = stubAccessGraph(undefined, { totalCount: 60 });
    const { wrapper } = await mountAccess(accessTokenFor('county.officer'));

    expect(wrapper.get('[data-testid="access-previous"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="access-next"]').trigger('click');
    await flushPromises();

    expect(callsOf(calls, 'RoleAssignments').at(-1)?.body.variables).toEqual({
      includeEnded: false,
      first: accessPageSize,
      offset: accessPageSize,
    });
    expect(wrapper.get('[data-testid="access-showing"]').text()).toBe(
      `Viser ${accessPageSize + 1}–${accessPageSize + 2} av 60`,
    );
  });

  it("gives an adviser's role with the region and the operator, then lists anew", async () => {
    const { calls } = stubAccessGraph();
    const { wrapper } = await mountAccess(accessTokenFor('county.officer'));

    await wrapper.get('[data-testid="assign-email"]').setValue('ny.veileder@follo.no');
    await wrapper.get('[data-testid="assign-name"]').setValue('Nina Ny');
    await wrapper.get('[data-testid="assign-role"]').setValue('ADVISER');
    expect(wrapper.find('[data-testid="assign-municipality"]').exists()).toBe(false);
    await wrapper.get('[data-testid="assign-region"]').setValue('follo');
    await wrapper.get('[data-testid="assign-organisation-id"]').setValue('operator-follo');
    await wrapper.get('[data-testid="assign-organisation-name"]').setValue('Etablerertjenesten i Follo');
    await wrapper.get('[data-testid="assign-form"]').trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'AssignRole')[0]?.body.variables).toEqual({
      input: {
        email: 'ny.veileder@follo.no',
        personName: 'Nina Ny',
        role: 'ADVISER',
        regionId: 'follo',
        organisation: { id: 'operator-follo', kind: 'OPERATOR', name: 'Etablerertjenesten i Follo' },
      },
    });
    expect(wrapper.get('[data-testid="assign-done"]').text()).toContain('Nina Ny har fått rollen Veileder.');
    expect(callsOf(calls, 'RoleAssignments')).toHaveLength(2);
  });

  it("gives a county role in the officer's own county, with no organisation fields to fill in", async () => {
    const { calls } = stubAccessGraph();
    const { wrapper } = await mountAccess(accessTokenFor('county.officer'));

    await wrapper.get('[data-testid="assign-email"]').setValue('per@akershus.no');
    await wrapper.get('[data-testid="assign-name"]').setValue('Per Hansen');
    await wrapper.get('[data-testid="assign-role"]').setValue('COORDINATION_MEMBER');
    expect(wrapper.get('[data-testid="assign-county"]').text()).toBe('Rollen gis i Akershus fylkeskommune.');
    expect(wrapper.find('[data-testid="assign-region"]').exists()).toBe(false);
    await wrapper.get('[data-testid="assign-form"]').trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'AssignRole')[0]?.body.variables).toEqual({
      input: { email: 'per@akershus.no', personName: 'Per Hansen', role: 'COORDINATION_MEMBER' },
    });
  });

  it("lets a municipality officer give roles in their own region only, a municipality officer's by municipality", async () => {
    const { calls } = stubAccessGraph();
    const { wrapper } = await mountAccess(accessTokenFor('nordrefollo.officer'));

    const roles = wrapper.findAll('[data-testid="assign-role"] option').map((option) => option.attributes('value'));
    expect(roles).toEqual(['', 'ADVISER', 'MUNICIPALITY_OFFICER']);
    await wrapper.get('[data-testid="assign-email"]').setValue('kari@as.kommune.no');
    await wrapper.get('[data-testid="assign-name"]').setValue('Kari Ås');
    await wrapper.get('[data-testid="assign-role"]').setValue('MUNICIPALITY_OFFICER');
    const region = wrapper.get<HTMLSelectElement>('[data-testid="assign-region"]');
    expect(region.element.value).toBe('follo');
    expect(region.attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="assign-municipality"]').setValue('3021');
    await wrapper.get('[data-testid="assign-form"]').trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'AssignRole')[0]?.body.variables).toEqual({
      input: {
        email: 'kari@as.kommune.no',
        personName: 'Kari Ås',
        role: 'MUNICIPALITY_OFFICER',
        regionId: 'follo',
        municipalityNumber: '3021',
        organisation: { id: '3021', kind: 'MUNICIPALITY', name: 'Ås kommune' },
      },
    });
  });

  it('asks for the missing fields at the fields, and sends nothing', async () => {
    const { calls } = stubAccessGraph();
    const { wrapper } = await mountAccess(accessTokenFor('county.officer'));

    await wrapper.get('[data-testid="assign-role"]').setValue('NAV');
    await wrapper.get('[data-testid="assign-form"]').trigger('submit');
    await flushPromises();

    for (const field of ['email', 'personName', 'organisationId', 'organisationName']) {
      expect(wrapper.get(`[data-testid="assign-${field}-error"]`).text()).toBe('Fyll ut dette feltet.');
    }
    expect(wrapper.get('#assign-email').attributes('aria-invalid')).toBe('true');
    expect(callsOf(calls, 'AssignRole')).toHaveLength(0);
  });

  it("shows the server's field errors at the fields, and a refusal beside the button", async () => {
    let refusal: unknown = {
      errors: [
        {
          message: 'input.email: Not an e-mail address.',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.email' },
        },
      ],
    };
    stubAccessGraph((call) => (operationOf(call) === 'AssignRole' ? jsonResponse(refusal) : undefined));
    const { wrapper } = await mountAccess(accessTokenFor('county.officer'));

    await wrapper.get('[data-testid="assign-email"]').setValue('not-an-address');
    await wrapper.get('[data-testid="assign-name"]').setValue('Per Hansen');
    await wrapper.get('[data-testid="assign-role"]').setValue('COUNTY_OFFICER');
    await wrapper.get('[data-testid="assign-form"]').trigger('submit');
    await flushPromises();

    // The service's English reason, in bokmål beside the field.
    expect(wrapper.get('[data-testid="assign-email-error"]').text()).toBe('Skriv en gyldig e-postadresse.');
    expect(wrapper.get('[data-testid="assign-error"]').text()).toBe('Noen felt må rettes.');

    refusal = {
      errors: [{ message: 'Only for regions answering to your county.', extensions: { code: 'FORBIDDEN' } }],
    };
    await wrapper.get('[data-testid="assign-email"]').setValue('per@akershus.no');
    await wrapper.get('[data-testid="assign-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="assign-email-error"]').text()).toBe('');
    const error = wrapper.get('[data-testid="assign-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toBe('Du har ikke lov til å gi eller avslutte denne tilgangen.');
    expect(error.text()).not.toContain('Only for regions');
  });

  it('ends an assignment with a required reason, in a dialog that takes and gives back focus', async () => {
    const { calls } = stubAccessGraph();
    const { wrapper } = await mountAccess(accessTokenFor('county.officer'));

    const endButton = wrapper.get('[data-testid="assignment-a-2"] [data-testid="end-assignment"]');
    expect(endButton.attributes('aria-label')).toBe('Avslutt tilgangen til Amira Haddad');
    await endButton.trigger('click');
    await flushPromises();

    const dialog = wrapper.get('[data-testid="end-dialog"]');
    expect(dialog.attributes('role')).toBe('dialog');
    expect(dialog.get('h2').text()).toBe('Avslutt tilgangen til Amira Haddad');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="end-reason"]').element);

    await dialog.get('form').trigger('submit');
    expect(wrapper.get('[data-testid="end-reason-error"]').text()).toBe('Skriv en begrunnelse.');
    expect(callsOf(calls, 'EndRoleAssignment')).toHaveLength(0);

    await wrapper.get('[data-testid="end-reason"]').setValue('  Byttet jobb  ');
    await wrapper.get('[data-testid="end-dialog"] form').trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'EndRoleAssignment')[0]?.body.variables).toEqual({
      input: { id: 'a-2', reason: 'Byttet jobb' },
    });
    expect(wrapper.find('[data-testid="end-dialog"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="access-ended"]').text()).toBe('Tilgangen til Amira Haddad er avsluttet.');
  });

  it('closes the dialog on Escape without ending anything, focus back on the button', async () => {
    const { calls } = stubAccessGraph();
    const { wrapper } = await mountAccess(accessTokenFor('county.officer'));

    const endButton = wrapper.get('[data-testid="assignment-a-1"] [data-testid="end-assignment"]');
    await endButton.trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="end-reason"]').trigger('keydown', { key: 'Escape' });

    expect(wrapper.find('[data-testid="end-dialog"]').exists()).toBe(false);
    expect(document.activeElement).toBe(endButton.element);
    expect(callsOf(calls, 'EndRoleAssignment')).toHaveLength(0);
  });

  it("shows a conflict (ending one's own access) in the dialog, beside the action", async () => {
    stubAccessGraph((call) =>
      operationOf(call) === 'EndRoleAssignment'
        ? jsonResponse({ errors: [{ message: 'You cannot end your own access.', extensions: { code: 'CONFLICT' } }] })
        : undefined,
    );
    const { wrapper } = await mountAccess(accessTokenFor('county.officer'));

    await wrapper.get('[data-testid="assignment-a-1"] [data-testid="end-assignment"]').trigger('click');
    await wrapper.get('[data-testid="end-reason"]').setValue('Test');
    await wrapper.get('[data-testid="end-dialog"] form').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="end-dialog"] [data-testid="end-error"]').text()).toBe(
      'Ingen kan endre sin egen tilgang. Be en annen administrator om det.',
    );
  });

  it("lets Viken's officers read, but offers no form and no ending", async () => {
    stubAccessGraph();
    const { wrapper } = await mountAccess(officerTokenFor('viken.officer'));

    expect(wrapper.find('[data-testid="access-read-only"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="assign-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="end-assignment"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="access-table"] tbody tr')).toHaveLength(2);
  });

  it('speaks English when asked', async () => {
    stubAccessGraph();
    const { wrapper } = await mountAccess(accessTokenFor('county.officer'), 'en');

    expect(wrapper.get('h1').text()).toBe('Access');
    expect(wrapper.get('[data-testid="access-showing"]').text()).toBe('Showing 1–2 of 2');
  });
});

describe('the access actions', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps the failure of an assign as plain data with the field errors, and does not reload', async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({
        errors: [
          {
            message: 'input.role: Nobody assigns API_CLIENT.',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.role' },
          },
        ],
      }),
    );
    startSignedIn(accessTokenFor('county.officer'));
    const pinia = createPinia();
    const store = runInComponent(() => useAccessActions(), [pinia, queryLayer(pinia)]).result;

    const done = await store.assign({ email: 'a@b.no', personName: 'A', role: 'NAV' });

    expect(done).toBe(false);
    expect(store.actionError.value).toEqual({
      action: 'assign',
      assignmentId: null,
      message: 'input.role: Nobody assigns API_CLIENT.',
      codes: ['BAD_USER_INPUT'],
      fieldErrors: { role: 'Nobody assigns API_CLIENT.' },
    });
    expect(calls).toHaveLength(1);
  });
});

describe('navigation to the access pages', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  async function links(token: string) {
    const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { auth: { accessToken: token } } });
    const router = createAppRouter(createMemoryHistory());
    const wrapper = mount(AppHeader, { global: { plugins: [pinia, router, createStrictI18n('nb')] } });
    return {
      access: wrapper.find('[data-testid="nav-access"]').exists(),
      apiClients: wrapper.find('[data-testid="nav-api-clients"]').exists(),
    };
  }

  it('shows "Tilganger" to county and municipality officers, "API-klienter" to county officers, neither to others', async () => {
    const as = (username: DemoUsername) => links(accessTokenFor(username));
    expect(await as('county.officer')).toEqual({ access: true, apiClients: true });
    expect(await as('nordrefollo.officer')).toEqual({ access: true, apiClients: false });
    expect(await as('follo.adviser')).toEqual({ access: false, apiClients: false });
    expect(await as('coordination.member')).toEqual({ access: false, apiClients: false });
    expect(await links(partnerTokenFor('innovasjon.norge'))).toEqual({ access: false, apiClients: false });
  });
});

describe('the assign form rules', () => {
  it('gives Innovasjon Norge and NAV their office as the organisation, of the kind the role needs', () => {
    const form = {
      ...emptyAssignRoleForm(),
      email: ' in@innovasjonnorge.no ',
      personName: 'Ida Nilsen',
      organisationId: 'in-oslo-viken',
      organisationName: 'Innovasjon Norge Oslo og Viken',
    };

    expect(toAssignRoleInput({ ...form, role: 'INNOVASJON_NORGE' })).toEqual({
      email: 'in@innovasjonnorge.no',
      personName: 'Ida Nilsen',
      role: 'INNOVASJON_NORGE',
      organisation: { id: 'in-oslo-viken', kind: 'INNOVASJON_NORGE', name: 'Innovasjon Norge Oslo og Viken' },
    });
    expect(toAssignRoleInput({ ...form, role: 'NAV' }).organisation?.kind).toBe('NAV');
  });

  it('offers a county every role but API clients, a region its advisers and officers, Viken and others none', () => {
    const county = { role: 'COUNTY_OFFICER', organisationId: 'akershus' };
    expect(assignableRoles(county)).toEqual([
      'COUNTY_OFFICER',
      'COORDINATION_MEMBER',
      'ADVISER',
      'MUNICIPALITY_OFFICER',
      'INNOVASJON_NORGE',
      'NAV',
    ]);
    expect(assignableRoles({ role: 'MUNICIPALITY_OFFICER', regionId: 'follo' })).toEqual([
      'ADVISER',
      'MUNICIPALITY_OFFICER',
    ]);
    expect(assignableRoles({ role: 'COUNTY_OFFICER', organisationId: 'viken' })).toEqual([]);
    expect(assignableRoles({ role: 'ADVISER' })).toEqual([]);
  });

  it('names what a role still needs', () => {
    expect(
      missingAssignFields({ ...emptyAssignRoleForm(), email: 'a@b.no', personName: 'A', role: 'ADVISER' }),
    ).toEqual(['regionId', 'organisationId', 'organisationName']);
    expect(
      missingAssignFields({ ...emptyAssignRoleForm(), email: 'a@b.no', personName: 'A', role: 'MUNICIPALITY_OFFICER' }),
    ).toEqual(['regionId', 'municipalityNumber']);
    expect(
      missingAssignFields({ ...emptyAssignRoleForm(), email: 'a@b.no', personName: 'A', role: 'COUNTY_OFFICER' }),
    ).toEqual([]);
  });
});
