// The groups page and its store: the coordination group and the professional group with their
// membership history, adding a member, ending a membership and changing a role through the graph,
// and who is offered which change.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import type { GroupsHistoryQuery } from '../src/graphql/generated/graphql';
import { useGroupsStore } from '../src/stores/groups';
import GroupsView from '../src/views/GroupsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  forbidNetwork,
  type GraphQLCall,
  jsonResponse,
  stubGraphQL,
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

describe('groups store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('loads both groups with their history in one query', async () => {
    const { calls } = stubGraphQL(() => jsonResponse({ data: history }));
    const store = useGroupsStore();
    await store.load();
    expect(calls).toHaveLength(1);
    expect(store.loaded).toBe(true);
    expect(store.coordination.map((member) => member.id)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(store.professional.map((member) => member.region?.id)).toEqual(['follo', 'drammensregionen']);
  });

  it('ends a membership with its last day as variables, then loads the history again', async () => {
    const { calls } = stubGraphQL((call) =>
      jsonResponse(
        isHistory(call)
          ? { data: history }
          : { data: { endCoordinationMembership: { id: 'c-3', validTo: '2026-06-30' } } },
      ),
    );
    const store = useGroupsStore();
    expect(await store.endMembership('coordination', 'c-3', '2026-06-30')).toBe(true);
    expect(calls[0]?.body.query).toContain('mutation EndCoordinationMembership');
    expect(calls[0]?.body.variables).toEqual({ id: 'c-3', validTo: '2026-06-30' });
    expect(calls[1] && isHistory(calls[1])).toBe(true);
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
    const store = useGroupsStore();
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
    expect(calls[2]?.body.query).toContain('mutation AddProfessionalGroupMember');
    expect(calls[2]?.body.variables).toEqual({ input });
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
    const store = useGroupsStore();
    expect(await store.endMembership('coordination', 'c-2', '2023-01-01')).toBe(false);
    expect(store.actionError).toMatchObject({
      group: 'coordination',
      action: 'end',
      memberId: 'c-2',
      codes: ['BAD_USER_INPUT'],
    });
    expect(Object.keys(store.actionError?.fieldErrors ?? {})).toEqual(['validTo']);
    expect(calls).toHaveLength(1);
  });
});

enableAutoUnmount(afterEach);

async function mountView(username: DemoUsername) {
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    initialState: {
      auth: { accessToken: accessTokenFor(username) },
      groups: {
        coordination: history.coordinationGroupHistory,
        professional: history.professionalGroupHistory,
        regions: history.regions,
        loaded: true,
        loading: false,
        error: null,
        saving: false,
        actionError: null,
      },
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/groups', name: 'groups', component: GroupsView }],
  });
  await router.push('/groups');
  await router.isReady();
  const wrapper = mount(GroupsView, {
    global: { plugins: [pinia, router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, store: useGroupsStore(pinia) };
}

describe('GroupsView', () => {
  beforeEach(() => {
    forbidNetwork();
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
    vi.mocked(store.endMembership).mockResolvedValue(true);
    await wrapper.get('[data-testid="groups-end-c-3"]').trigger('click');
    await flushPromises();
    const form = wrapper.get('[data-testid="groups-change-form-c-3"]');
    expect(document.activeElement).toBe(form.get('[data-testid="groups-day"]').element);
    await form.get('[data-testid="groups-day"]').setValue('2026-06-30');
    await form.trigger('submit');
    await flushPromises();
    expect(store.endMembership).toHaveBeenCalledWith('coordination', 'c-3', '2026-06-30');
    expect(wrapper.get('[data-testid="groups-coordination-notice"]').text()).toBe(
      'Medlemskapet til Sofie Lie er avsluttet 30.06.2026.',
    );
    expect(wrapper.find('[data-testid="groups-change-form-c-3"]').exists()).toBe(false);
  });

  it('changes a role from a day, and shows the server field error beside the day', async () => {
    const { wrapper, store } = await mountView('county.officer');
    vi.mocked(store.changeCoordinationRole).mockImplementation(async () => {
      store.actionError = {
        group: 'coordination',
        action: 'changeRole',
        memberId: 'c-2',
        message: 'from: after the membership’s first day, 2024-01-01',
        codes: ['BAD_USER_INPUT'],
        fieldErrors: { from: 'after the membership’s first day, 2024-01-01' },
      };
      return false;
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
    vi.mocked(store.addProfessionalGroupMember).mockResolvedValue(true);
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
