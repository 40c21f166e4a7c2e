// The groups page and its queries: the coordination group and the professional group with their
// membership history, adding a member, ending a membership and changing a role through the graph,
// and who is offered which change.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import type { GroupsHistoryQuery } from '../src/graphql/generated/graphql';
import { useGroupActions, useGroupsHistory } from '../src/queries/groups';
import GroupsView from '../src/views/GroupsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  runInComponent,
  stubGraphQL,
  testingPinia,
} from './fixtures';

const follo = { id: 'follo', name: 'Follo' };
const drammen = { id: 'drammensregionen', name: 'Drammensregionen' };

const history: GroupsHistoryQuery = {
  coordinationGroupHistory: [
    {
      id: 'c-1',
      name: 'Kari Nordmann',
      organisationId: 'viken',
      organisationName: 'Viken fylkeskommune',
      role: 'leder',
      validFrom: '2022-01-01',
      validTo: '2023-12-31',
    },
    {
      id: 'c-2',
      name: 'Kari Nordmann',
      organisationId: 'akershus',
      organisationName: 'Akershus fylkeskommune',
      role: 'leder',
      validFrom: '2024-01-01',
      validTo: null,
    },
    {
      id: 'c-3',
      name: 'Sofie Lie',
      organisationId: 'innovasjon-norge',
      organisationName: 'Innovasjon Norge',
      role: null,
      validFrom: '2022-01-01',
      validTo: null,
    },
  ],
  professionalGroupHistory: [
    {
      id: 'p-1',
      name: 'Amira Haddad',
      organisationId: '912345678',
      organisationName: 'Etablerertjenesten i Follo',
      region: follo,
      role: null,
      validFrom: '2025-01-01',
      validTo: null,
    },
    {
      id: 'p-2',
      name: 'Lars Moe',
      organisationId: '998877665',
      organisationName: 'Etablerertjenesten i Drammensregionen',
      region: drammen,
      role: 'leder',
      validFrom: '2025-01-01',
      validTo: null,
    },
  ],
  regions: [drammen, follo],
};

const isHistory = (call: GraphQLCall) => call.body.query.includes('query GroupsHistory');

function withQueryLayer<Result>(composable: () => Result): Result {
  const pinia = createPinia();
  return runInComponent(composable, [pinia, queryLayer(pinia)]).result;
}

describe('groups queries', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('loads both groups with their history in one query', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: history }));
    const store = withQueryLayer(() => useGroupsHistory());
    await flushPromises();
    expect(calls).toHaveLength(1);
    expect(store.loaded.value).toBe(true);
    expect(store.coordination.value.map((member) => member.id)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(store.professional.value.map((member) => member.region?.id)).toEqual(['follo', 'drammensregionen']);
  });

  it('ends a membership with its last day as variables, then loads the history again', async () => {
    const { calls } = stubGraphQL((call) =>
      jsonResponse(
        isHistory(call)
          ? { data: history }
          : { data: { endCoordinationMembership: { id: 'c-3', validTo: '2026-06-30' } } },
      ),
    );
    const store = withQueryLayer(() => ({ history: useGroupsHistory(), actions: useGroupActions() }));
    await flushPromises();
    expect(await store.actions.endMembership('coordination', 'c-3', '2026-06-30')).toBe(true);
    await flushPromises();
    expect(calls[1]?.body.query).toContain('mutation EndCoordinationMembership');
    expect(calls[1]?.body.variables).toEqual({ id: 'c-3', validTo: '2026-06-30' });
    // The history on screen is asked again.
    expect(calls[2] && isHistory(calls[2])).toBe(true);
  });

  it('changes a role and adds a professional group member through their own mutations', async () => {
    const { calls } = stubGraphQL((call) =>
      jsonResponse(
        isHistory(call)
          ? { data: history }
          : call.body.query.includes('changeCoordinationMemberRole')
            ? { data: { changeCoordinationMemberRole: { id: 'c-4' } } }
            : { data: { addProfessionalGroupMember: { id: 'p-3' } } },
      ),
    );
    const store = withQueryLayer(() => useGroupActions());
    await store.changeCoordinationRole('c-3', 'nestleder', '2026-07-01');
    expect(calls[0]?.body.variables).toEqual({ id: 'c-3', role: 'nestleder', from: '2026-07-01' });
    const input = {
      name: 'Nina Nes',
      organisationId: '912345678',
      organisationName: 'Etablerertjenesten i Follo',
      regionId: 'follo',
      role: null,
      validFrom: '2026-08-01',
    };
    await store.addProfessionalGroupMember(input);
    const added = calls.find((call) => call.body.query.includes('mutation AddProfessionalGroupMember'));
    expect(added?.body.variables).toEqual({ input });
  });

  it('keeps a refusal with its field errors and codes, and loads nothing again', async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({
        errors: [
          {
            message: 'validTo: not before the membership’s first day, 2024-01-01',
            extensions: { code: 'BAD_USER_INPUT', field: 'validTo' },
          },
        ],
        data: null,
      }),
    );
    const store = withQueryLayer(() => useGroupActions());
    expect(await store.endMembership('coordination', 'c-2', '2023-01-01')).toBe(false);
    expect(store.actionError.value).toMatchObject({
      group: 'coordination',
      action: 'end',
      memberId: 'c-2',
      codes: ['BAD_USER_INPUT'],
    });
    expect(Object.keys(store.actionError.value?.fieldErrors ?? {})).toEqual(['validTo']);
    expect(calls).toHaveLength(1);
  });
});

enableAutoUnmount(afterEach);

/** The gateway's side of the page as spies, one for the history and one for each change; a change answers done. */
function gatewayOf() {
  return {
    load: vi.fn(() => history as unknown),
    endMembership: vi.fn<(group: string, id: string, validTo: string) => unknown>(() => ({})),
    changeCoordinationRole: vi.fn<(id: string, role: string | null, from: string) => unknown>(() => ({})),
    addCoordinationMember: vi.fn<(input: Record<string, unknown>) => unknown>(() => ({})),
    addProfessionalGroupMember: vi.fn<(input: Record<string, unknown>) => unknown>(() => ({})),
  };
}

async function mountView(username: DemoUsername) {
  const gateway = gatewayOf();
  stubGraphQL((call) => {
    const v = call.body.variables as {
      id: string;
      validTo: string;
      role: string | null;
      from: string;
      input: Record<string, unknown>;
    };
    const name = /\b(?:query|mutation) (\w+)/.exec(call.body.query)?.[1];
    const answers: Record<string, [string, () => unknown]> = {
      GroupsHistory: ['', () => gateway.load()],
      EndCoordinationMembership: [
        'endCoordinationMembership',
        () => gateway.endMembership('coordination', v.id, v.validTo),
      ],
      EndProfessionalGroupMembership: [
        'endProfessionalGroupMembership',
        () => gateway.endMembership('professional', v.id, v.validTo),
      ],
      ChangeCoordinationMemberRole: [
        'changeCoordinationMemberRole',
        () => gateway.changeCoordinationRole(v.id, v.role, v.from),
      ],
      AddCoordinationMember: ['addCoordinationMember', () => gateway.addCoordinationMember(v.input)],
      AddProfessionalGroupMember: ['addProfessionalGroupMember', () => gateway.addProfessionalGroupMember(v.input)],
    };
    const entry = name ? answers[name] : undefined;
    if (!entry) throw new Error(`No answer for ${name} in this test`);
    const [field, answer] = entry;
    const result = answer();
    if (typeof result === 'object' && result !== null && 'errors' in result) return jsonResponse(result);
    return jsonResponse({
      data: field === '' ? result : { [field]: { id: v.id ?? 'new', validTo: v.validTo ?? null } },
    });
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/groups', name: 'groups', component: GroupsView }],
  });
  await router.push('/groups');
  await router.isReady();
  const wrapper = mount(GroupsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, store: gateway };
}

describe('GroupsView', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-15T08:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows every membership, current first, with ended ones marked as ended', async () => {
    const { wrapper, store } = await mountView('coordination.member');
    expect(store.load).toHaveBeenCalled();
    const coordination = wrapper.get('[data-testid="groups-coordination"]');
    expect(coordination.get('h2').text()).toBe('Koordineringsgruppen');
    expect(coordination.findAll('tbody tr').map((row) => row.attributes('data-testid'))).toEqual([
      'groups-row-c-2',
      'groups-row-c-3',
      'groups-row-c-1',
    ]);
    expect(wrapper.get('[data-testid="groups-status-c-1"]').text()).toBe('Avsluttet');
    expect(wrapper.get('[data-testid="groups-row-c-1"]').text()).toContain('01.01.2022–31.12.2023');
    expect(wrapper.get('[data-testid="groups-status-c-2"]').text()).toBe('Medlem');
    const professional = wrapper.get('[data-testid="groups-professional"]');
    expect(professional.findAll('th[scope="col"]').map((th) => th.text())).toContain('Region');
    // A coordination member reads; nothing to change.
    expect(wrapper.find('[data-testid="groups-coordination-add"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="groups-end-c-2"]').exists()).toBe(false);
  });

  it('lets a county officer end a membership on a day, with focus in the form and the result beside the action', async () => {
    const { wrapper, store } = await mountView('county.officer');
    await wrapper.get('[data-testid="groups-end-c-3"]').trigger('click');
    await flushPromises();
    const form = wrapper.get('[data-testid="groups-change-form-c-3"]');
    expect(document.activeElement).toBe(form.get('[data-testid="groups-day"]').element);
    await form.get('[data-testid="groups-day"]').setValue('2026-06-30');
    await form.trigger('submit');
    await flushPromises();
    expect(store.endMembership).toHaveBeenCalledWith('coordination', 'c-3', '2026-06-30');
    // The history on screen is asked again after the change.
    expect(store.load).toHaveBeenCalledTimes(2);
    expect(wrapper.get('[data-testid="groups-coordination-notice"]').text()).toBe(
      'Medlemskapet til Sofie Lie er avsluttet 30.06.2026.',
    );
    expect(wrapper.find('[data-testid="groups-change-form-c-3"]').exists()).toBe(false);
  });

  it('changes a role from a day, and shows the server field error beside the day', async () => {
    const { wrapper, store } = await mountView('county.officer');
    store.changeCoordinationRole.mockReturnValue({
      errors: [
        {
          message: 'from: after the membership’s first day, 2024-01-01',
          extensions: { code: 'BAD_USER_INPUT', field: 'from' },
        },
      ],
    });
    await wrapper.get('[data-testid="groups-change-role-c-2"]').trigger('click');
    const form = wrapper.get('[data-testid="groups-change-form-c-2"]');
    await form.get('[data-testid="groups-new-role"]').setValue('nestleder');
    await form.get('[data-testid="groups-day"]').setValue('2024-01-01');
    await form.trigger('submit');
    await flushPromises();
    expect(store.changeCoordinationRole).toHaveBeenCalledWith('c-2', 'nestleder', '2024-01-01');
    expect(wrapper.get('[data-testid="error-day"]').text()).toBe('Tjenesten godtok ikke verdien i dette feltet.');
    expect(wrapper.get('[data-testid="groups-action-error"]').text()).toBe(
      'Tjenesten godtok ikke alle feltene; se meldingene ved feltene.',
    );
    // Escape closes the form.
    await wrapper.get('[data-testid="groups-new-role"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="groups-change-form-c-2"]').exists()).toBe(false);
  });

  it("offers a municipality officer the professional group's members of their own region only", async () => {
    const { wrapper, store } = await mountView('nordrefollo.officer');
    expect(wrapper.find('[data-testid="groups-coordination-add"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="groups-end-c-2"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="groups-end-p-1"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="groups-end-p-2"]').exists()).toBe(false);

    await wrapper.get('[data-testid="groups-professional-add"]').trigger('click');
    await flushPromises();
    const form = wrapper.get('[data-testid="groups-professional-add-form"]');
    expect(document.activeElement).toBe(form.get('[data-testid="groups-name"]').element);
    const region = form.get<HTMLSelectElement>('[data-testid="groups-region"]');
    expect(region.element.value).toBe('follo');
    expect(region.element.disabled).toBe(true);
    await form.get('[data-testid="groups-name"]').setValue('Nina Nes');
    await form.get('[data-testid="groups-organisation-name"]').setValue('Etablerertjenesten i Follo');
    await form.get('[data-testid="groups-organisation-id"]').setValue('912345678');
    await form.get('[data-testid="groups-valid-from"]').setValue('2026-08-01');
    await form.trigger('submit');
    await flushPromises();
    expect(store.addProfessionalGroupMember).toHaveBeenCalledWith({
      name: 'Nina Nes',
      organisationId: '912345678',
      organisationName: 'Etablerertjenesten i Follo',
      role: null,
      validFrom: '2026-08-01',
      regionId: 'follo',
    });
    // Told in the professional group's section, where it was added, not at the top of the page.
    expect(wrapper.get('[data-testid="groups-professional-notice"]').text()).toBe('Nina Nes er lagt til.');
    expect(wrapper.get('[data-testid="groups-coordination-notice"]').text()).toBe('');
  });
});
