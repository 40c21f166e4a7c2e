// The meetings page against a stubbed gateway: meetings in words, overdue meetings standing out, who may record and
// change, the form's checks, what is sent and the server's answers, and the page asking again after a change.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { DueMeetingItem, MeetingItem } from '../src/queries/meetings';
import MeetingsView from '../src/views/MeetingsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';
import {
  conflictRequestDue2024,
  coordinationGroup2024,
  dueMeetings2024,
  experienceMeetingDue2023,
  meetingRegions,
  meetings2024,
} from './meetings-fixtures';

const { downloadCsv } = vi.hoisted(() => ({ downloadCsv: vi.fn() }));
vi.mock('../src/composables/csv', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/composables/csv')>()),
  downloadCsv,
}));

const [conflictMeeting, groupMeeting, folloSpring, mosseSpring] = meetings2024 as [
  MeetingItem,
  MeetingItem,
  MeetingItem,
  MeetingItem,
];

/** A GraphQL error answer, for a spy below to return instead of what was saved. */
const refusal = (message: string, code: string, field?: string) => ({
  errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }],
});
type Refusal = ReturnType<typeof refusal>;
const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'errors' in value;

/**
 * The gateway's side of the page as spies: `load(year, groupOn)` answers MeetingsOfYear (the year's data, a refusal
 * or a promise that never settles), and each mutation's spy gets what was sent and answers what was saved.
 */
function gatewayOf(meetings: MeetingItem[], dueMeetings: DueMeetingItem[]) {
  const yearData = {
    meetings,
    dueMeetings,
    coordinationGroup: coordinationGroup2024,
    professionalGroup: [],
    conflictMeetingTargetDays: 14,
    regions: meetingRegions,
  };
  return {
    load: vi.fn<(year: number, groupOn: string) => unknown>(() => yearData),
    record: vi.fn<(input: Record<string, unknown>) => unknown>((input) => ({
      id: 'new-meeting',
      version: 1,
      date: input.date,
    })),
    update: vi.fn<(id: string, version: number, input: Record<string, unknown>) => unknown>((id, version, input) => ({
      id,
      version: version + 1,
      date: input.date,
    })),
    requestConflictMeeting: vi.fn<(input: Record<string, unknown>) => unknown>(() => ({
      id: 'request-1',
      dueBy: '2024-08-28',
    })),
  };
}
type Gateway = ReturnType<typeof gatewayOf>;

const operationOf = (call: GraphQLCall) => /\b(?:query|mutation) (\w+)/.exec(call.body.query)?.[1];

async function answer(result: unknown, field?: string): Promise<Response> {
  const settled = await result;
  if (isRefusal(settled)) return jsonResponse(settled);
  return jsonResponse({ data: field ? { [field]: settled } : settled });
}

async function mountView(
  username: DemoUsername,
  {
    meetings = meetings2024,
    dueMeetings = dueMeetings2024,
    path = '/meetings?year=2024',
    locale = 'nb',
    gateway = gatewayOf(meetings, dueMeetings),
  }: {
    meetings?: MeetingItem[];
    dueMeetings?: DueMeetingItem[];
    path?: string;
    locale?: 'nb' | 'en';
    gateway?: Gateway;
  } = {},
) {
  stubGraphQL((call) => {
    const variables = call.body.variables as {
      year: number;
      groupOn: string;
      id: string;
      version: number;
      input: Record<string, unknown>;
    };
    switch (operationOf(call)) {
      case 'MeetingsOfYear':
        return answer(gateway.load(variables.year, variables.groupOn));
      case 'RecordMeeting':
        return answer(gateway.record(variables.input), 'recordMeeting');
      case 'UpdateMeeting':
        return answer(gateway.update(variables.id, variables.version, variables.input), 'updateMeeting');
      case 'RequestConflictMeeting':
        return answer(gateway.requestConflictMeeting(variables.input), 'requestConflictMeeting');
      default:
        throw new Error(`No answer for ${operationOf(call)} in this test`);
    }
  });
  const pinia = testingPinia({
    initialState: {
      auth: { accessToken: accessTokenFor(username) },
      years: { years: [2022, 2023, 2024, 2025, 2026] },
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/meetings', name: 'meetings', component: MeetingsView }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(MeetingsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n(locale)] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, store: gateway };
}

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

enableAutoUnmount(afterEach);

describe('MeetingsView', () => {
  beforeEach(() => {
    downloadCsv.mockReset();
    // The page judges deadlines by the Oslo day: 15 August 2024, 10:00 in Oslo.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-08-15T08:00:00Z'));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("loads the year in the address, with today's Oslo date for the coordination group", async () => {
    const { wrapper, store, router } = await mountView('coordination.member');

    expect(store.load).toHaveBeenCalledWith(2024, '2024-08-15');
    expect(wrapper.get('label[for="meetings-year"]').text()).toBe('År');

    await wrapper.get('select#meetings-year').setValue('2023');
    await flushPromises();
    expect(router.currentRoute.value.query.year).toBe('2023');
    // A past year's groups are shown as they were on its last day.
    expect(store.load).toHaveBeenLastCalledWith(2023, '2023-12-31');
  });

  it('opens on this year when the address names none', async () => {
    vi.setSystemTime(new Date('2025-12-31T23:30:00Z'));
    const { store } = await mountView('coordination.member', { path: '/meetings' });
    // Already New Year's Day in Oslo.
    expect(store.load).toHaveBeenCalledWith(2026, '2026-01-01');
  });

  it('lists the meetings held with the kind in words, region, caller, participants, minutes and decisions', async () => {
    const { wrapper } = await mountView('coordination.member');

    const conflict = wrapper.get(`[data-testid="meeting-${conflictMeeting.id}"]`);
    expect(plain(conflict.get('h3').text())).toBe('05.03.2024: Møte om konflikt eller uklarhet – Mosseregionen');
    expect(conflict.text()).toContain('Mosseregionen');
    expect(wrapper.get(`[data-testid="meeting-called-by-${conflictMeeting.id}"]`).text()).toBe('Moss kommune');
    expect(
      wrapper
        .get(`[data-testid="meeting-participants-${conflictMeeting.id}"]`)
        .findAll('li')
        .map((item) => item.text()),
    ).toEqual(['Kari Nordmann (fylkeskommunen)', 'Sofie Lie (Innovasjon Norge)', 'Jonas Bakken (NAV Vest-Viken)']);

    const decisions = wrapper.get(`[data-testid="meeting-decisions-${groupMeeting.id}"]`);
    expect(decisions.element.tagName).toBe('OL');
    expect(decisions.findAll('li').map((item) => item.text())).toEqual([
      'Rapportene tas til orientering.',
      'Neste møte holdes i oktober.',
    ]);
    expect(plain(wrapper.get(`[data-testid="meeting-${groupMeeting.id}"] h3`).text())).toBe(
      '15.03.2024: Møte i koordineringsgruppen',
    );

    expect(wrapper.get(`[data-testid="meeting-minutes-${mosseSpring.id}"]`).text()).toBe(
      'Referatet er ikke skrevet ennå.',
    );
    expect(wrapper.get(`[data-testid="meeting-decisions-${folloSpring.id}"]`).text()).toBe('Ingen vedtak.');

    const group = wrapper.get('[data-testid="meetings-group"]');
    expect(group.get('h2').text()).toBe('Koordineringsgruppen per 15.08.2024');
    expect(plain(group.findAll('li')[0]?.text() ?? '')).toBe('Kari Nordmann, Akershus fylkeskommune (leder)');
  });

  it('makes the overdue meeting stand out in words and colour, and links a held one to its meeting', async () => {
    const { wrapper } = await mountView('coordination.member');

    expect(plain(wrapper.get('[data-testid="meetings-due-summary"]').text())).toBe(
      '! 6 påkrevde møter: 2 holdt, 1 forfalt og ikke holdt, 3 med frist senere.',
    );
    expect(wrapper.get('[data-testid="meetings-due-summary"]').classes()).toContain('attention');

    const overdue = wrapper.get('[data-testid="due-SUPPLEMENTARY_CONTENT-indre-ostfold-2024-06-30"]');
    expect(overdue.attributes('data-state')).toBe('OVERDUE');
    expect(overdue.classes()).toContain('state-overdue');
    expect(plain(overdue.get('th').text())).toBe('Drøfting av supplerende innhold med Indre Østfold');
    expect(overdue.text()).toContain('30.06.2024');
    expect(overdue.get('strong').text()).toBe('Forfalt – ikke holdt');

    const pending = wrapper.get('[data-testid="due-SUPPLEMENTARY_CONTENT-indre-ostfold-2024-12-31"]');
    expect(pending.attributes('data-state')).toBe('PENDING');
    expect(pending.text()).toContain('Ikke holdt ennå');

    const held = wrapper.get('[data-testid="due-SUPPLEMENTARY_CONTENT-follo-2024-06-30"]');
    expect(held.attributes('data-state')).toBe('HELD');
    const link = held.get('[data-testid="due-held-link-SUPPLEMENTARY_CONTENT-follo-2024-06-30"]');
    expect(link.text()).toBe('Holdt 20.04.2024');
    expect(link.attributes('href')).toBe(`/meetings?year=2024#meeting-${folloSpring.id}`);
  });

  it('takes a held meeting of another year to that year', async () => {
    const { wrapper } = await mountView('coordination.member', { dueMeetings: [experienceMeetingDue2023] });
    const link = wrapper.get('[data-testid="due-held-link-EXPERIENCE_MEETING-all-2023-12-31"]');
    expect(link.attributes('href')).toBe(`/meetings?year=2023#meeting-${experienceMeetingDue2023.heldAs?.id}`);
    expect(plain(wrapper.get('[data-testid="due-EXPERIENCE_MEETING-all-2023-12-31"] th').text())).toBe('Erfaringsmøte');
  });

  it('moves focus to the meeting a link or an address points at', async () => {
    const { wrapper } = await mountView('coordination.member', {
      path: `/meetings?year=2024#meeting-${mosseSpring.id}`,
    });
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.get(`[data-testid="meeting-${mosseSpring.id}"]`).element);
  });

  it('counts a deadline passed since the page loaded as overdue, by the Oslo day', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2024-12-31T22:50:00Z'));
    const { wrapper } = await mountView('coordination.member');
    expect(wrapper.get('[data-testid="due-SUPPLEMENTARY_CONTENT-follo-2024-12-31"]').attributes('data-state')).toBe(
      'PENDING',
    );

    // 1 January 2025 00:00 in Oslo, still New Year's Eve in UTC: the autumn discussions are now overdue.
    vi.advanceTimersByTime(10 * 60_000);
    await flushPromises();
    expect(wrapper.get('[data-testid="due-SUPPLEMENTARY_CONTENT-follo-2024-12-31"]').attributes('data-state')).toBe(
      'OVERDUE',
    );
    expect(plain(wrapper.get('[data-testid="meetings-due-summary"]').text())).toContain('4 forfalt og ikke holdt');
  });

  it('speaks English on request, with Norwegian dates', async () => {
    const { wrapper } = await mountView('county.officer', { locale: 'en' });
    expect(wrapper.get('#meetings-held-title').text()).toBe('Meetings held in 2024');
    expect(plain(wrapper.get(`[data-testid="meeting-${groupMeeting.id}"] h3`).text())).toBe(
      '15.03.2024: Coordination group meeting',
    );
    expect(wrapper.get('[data-testid="due-SUPPLEMENTARY_CONTENT-indre-ostfold-2024-06-30"] strong').text()).toBe(
      'Overdue – not held',
    );
    expect(wrapper.get('[data-testid="meetings-record"]').text()).toBe('Record a meeting');
  });

  it('says so when no meetings were recorded or none were required in the year', async () => {
    const { wrapper } = await mountView('coordination.member', { meetings: [], dueMeetings: [] });
    expect(wrapper.get('[data-testid="meetings-empty"]').text()).toBe('Ingen møter registrert i 2024.');
    expect(wrapper.get('[data-testid="meetings-due-empty"]').text()).toBe('Avtalen krever ingen møter i 2024.');
    expect(wrapper.find('[data-testid="meetings-download-csv"]').exists()).toBe(false);
  });

  it('shows the loading state, and the error with a retry that shows the year once it answers', async () => {
    const gateway = gatewayOf(meetings2024, dueMeetings2024);
    gateway.load.mockImplementation(() => new Promise(() => {}));
    const pending = await mountView('coordination.member', { gateway });
    expect(pending.wrapper.get('[data-testid="meetings-loading"]').attributes('role')).toBe('status');
    expect(pending.wrapper.get('[data-testid="meetings-loading"]').text()).toBe('Henter møtene for 2024 …');
    pending.wrapper.unmount();

    const failing = gatewayOf(meetings2024, dueMeetings2024);
    failing.load.mockImplementation(() => refusal('No scope.', 'FORBIDDEN'));
    const { wrapper } = await mountView('coordination.member', { gateway: failing });
    const error = wrapper.get('[data-testid="meetings-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toContain('Du har ikke tilgang til møtene.');
    expect(wrapper.find('[data-testid="meetings-due"]').exists()).toBe(false);

    failing.load.mockImplementation(() => gatewayOf(meetings2024, dueMeetings2024).load(2024, '2024-08-15'));
    await error.get('button').trigger('click');
    await flushPromises();
    expect(failing.load).toHaveBeenLastCalledWith(2024, '2024-08-15');
    expect(wrapper.find('[data-testid="meetings-error"]').exists()).toBe(false);
    expect(wrapper.find(`[data-testid="meeting-${groupMeeting.id}"]`).exists()).toBe(true);
  });

  it('shows the newest year asked, even when an older year answers last', async () => {
    const gateway = gatewayOf(meetings2024, dueMeetings2024);
    const held: Record<number, () => void> = {};
    gateway.load.mockImplementation((year) =>
      year === 2024
        ? gatewayOf(meetings2024, dueMeetings2024).load(year, '')
        : new Promise((resolve) => {
            held[year] = () => resolve(gatewayOf(year === 2023 ? meetings2024 : [], []).load(year, ''));
          }),
    );
    const { wrapper, router } = await mountView('coordination.member', { gateway });
    await router.push('/meetings?year=2023');
    await flushPromises();
    await router.push('/meetings?year=2025');
    await flushPromises();
    held[2025]?.();
    await flushPromises();
    held[2023]?.();
    await flushPromises();
    expect(wrapper.get('#meetings-held-title').text()).toContain('2025');
    expect(wrapper.get('[data-testid="meetings-empty"]').text()).toBe('Ingen møter registrert i 2025.');
  });

  it('exports the meetings as CSV, one meeting a row', async () => {
    const { wrapper } = await mountView('coordination.member');
    await wrapper.get('[data-testid="meetings-download-csv"]').trigger('click');

    expect(downloadCsv).toHaveBeenCalledTimes(1);
    const [fileName, rows] = downloadCsv.mock.calls[0] as [string, string[][]];
    expect(fileName).toBe('moter-2024.csv');
    expect(rows[0]).toEqual([
      'Dato',
      'Type møte',
      'Region',
      'Kalt inn av',
      'Deltakere',
      'Saksliste',
      'Referat',
      'Vedtak',
    ]);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual([
      '2024-03-05',
      'Møte om konflikt eller uklarhet',
      'Mosseregionen',
      'Moss kommune',
      'Kari Nordmann (fylkeskommunen), Sofie Lie (Innovasjon Norge), Jonas Bakken (NAV Vest-Viken)',
      'Fordeling av kontorutgifter mellom kommunene',
      'Referat godkjent.',
      'Kontorutgifter fordeles etter innbyggertall.',
    ]);
    expect(rows[2]?.[7]).toBe('Rapportene tas til orientering.\nNeste møte holdes i oktober.');
  });

  it('offers recording and changing meetings to county officers, and the professional group to municipality officers', async () => {
    for (const username of ['coordination.member', 'follo.adviser'] as const) {
      const { wrapper } = await mountView(username);
      expect(wrapper.find('[data-testid="meetings-record"]').exists()).toBe(false);
      expect(wrapper.find('[data-testid^="meeting-edit-"]').exists()).toBe(false);
      expect(wrapper.find('[data-testid^="due-record-"]').exists()).toBe(false);
      wrapper.unmount();
    }

    const { wrapper } = await mountView('county.officer');
    expect(wrapper.get('[data-testid="meetings-record"]').text()).toBe('Registrer møte');
    expect(wrapper.findAll('[data-testid^="meeting-edit-"]')).toHaveLength(4);
    expect(wrapper.get(`[data-testid="meeting-edit-${mosseSpring.id}"]`).text()).toBe('Skriv referat og vedtak');
    // Two discussions on one day are told apart by their region, also to screen readers.
    expect(wrapper.get(`[data-testid="meeting-edit-${mosseSpring.id}"]`).attributes('aria-label')).toBe(
      'Skriv referat og vedtak for møtet 20.04.2024: Drøfting av supplerende innhold – Mosseregionen',
    );
    expect(wrapper.get(`[data-testid="meeting-edit-${groupMeeting.id}"]`).attributes('aria-label')).toBe(
      'Endre møtet 15.03.2024: Møte i koordineringsgruppen',
    );
    // Only the meetings not held can be recorded from the list of those due.
    expect(wrapper.findAll('[data-testid^="due-record-"]')).toHaveLength(4);
  });

  it("lets a municipality officer record and change the professional group's meetings only", async () => {
    const professionalMeeting: MeetingItem = {
      ...groupMeeting,
      id: '3f1c2a4e-0000-4000-8000-000000000077',
      kind: 'PROFESSIONAL_GROUP',
      date: '2024-05-15',
    };
    const { wrapper, store } = await mountView('nordrefollo.officer', {
      meetings: [...meetings2024, professionalMeeting],
    });
    expect(wrapper.findAll('[data-testid^="meeting-edit-"]').map((button) => button.attributes('data-testid'))).toEqual(
      [`meeting-edit-${professionalMeeting.id}`],
    );
    expect(wrapper.find('[data-testid^="due-record-"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="meetings-request-conflict"]').exists()).toBe(false);

    await wrapper.get('[data-testid="meetings-record"]').trigger('click');
    const form = wrapper.get('[data-testid="meeting-form"]');
    const kind = form.get<HTMLSelectElement>('[data-testid="meeting-kind"]');
    expect(kind.findAll('option:not([disabled])').map((option) => option.attributes('value'))).toEqual([
      'PROFESSIONAL_GROUP',
    ]);
    expect(kind.element.value).toBe('PROFESSIONAL_GROUP');
    await form.get('[data-testid="meeting-participant-0"]').setValue('Amira Haddad (Etablerertjenesten i Follo)');
    await form.get('[data-testid="meeting-agenda"]').setValue('Kursmateriell');
    await form.trigger('submit');
    expect(store.record).toHaveBeenCalledWith(expect.objectContaining({ kind: 'PROFESSIONAL_GROUP' }));
  });

  it('checks a new meeting before sending it, by what its kind needs', async () => {
    const { wrapper, store } = await mountView('county.officer');
    await wrapper.get('[data-testid="meetings-record"]').trigger('click');
    const form = wrapper.get('[data-testid="meeting-form"]');
    expect(document.activeElement).toBe(form.get('h3').element);
    expect(form.get<HTMLInputElement>('[data-testid="meeting-date"]').element.value).toBe('2024-08-15');
    expect(form.find('[data-testid="meeting-region"]').exists()).toBe(false);

    await form.get('[data-testid="meeting-date"]').setValue('2024-08-16');
    await form.trigger('submit');
    expect(store.record).not.toHaveBeenCalled();
    expect(form.get('[data-testid="error-kind"]').text()).toBe('Velg type møte.');
    expect(form.get('[data-testid="error-date"]').text()).toBe(
      'Datoen kan ikke være etter i dag. Registrer møtet når det er holdt.',
    );
    expect(form.get('[data-testid="error-participants.0"]').text()).toBe('Fyll ut eller fjern raden.');
    expect(form.get('[data-testid="error-agenda"]').text()).toBe('Må fylles ut.');
    expect(form.get('[data-testid="meeting-kind"]').attributes('aria-invalid')).toBe('true');
    expect(form.get('[data-testid="meeting-validation-summary"]').attributes('role')).toBe('alert');
    expect(document.activeElement).toBe(form.get('[data-testid="meeting-kind"]').element);

    // A fixed field stops saying it is wrong at once, not at the next send; the others still say so.
    await form.get('[data-testid="meeting-agenda"]').setValue('Budsjett');
    expect(form.get('[data-testid="error-agenda"]').text()).toBe('');
    expect(form.get('[data-testid="error-kind"]').text()).toBe('Velg type møte.');

    // A discussion of supplementary content is with a region; a conflict meeting names who called it.
    await form.get('[data-testid="meeting-kind"]').setValue('SUPPLEMENTARY_CONTENT');
    await form.trigger('submit');
    expect(form.get('[data-testid="error-regionId"]').text()).toBe('Velg regionen drøftingen var med.');
    expect(form.find('[data-testid="meeting-called-by"]').exists()).toBe(false);

    await form.get('[data-testid="meeting-kind"]').setValue('CONFLICT');
    await form.trigger('submit');
    expect(form.get('[data-testid="error-regionId"]').text()).toBe('');
    expect(form.get('[data-testid="error-calledBy"]').text()).toBe('Skriv hvem som kalte inn til møtet.');
    expect(form.get('label[for="meeting-new-calledBy"]').text()).toBe('Kalt inn av');
    // And the day it was asked for (§8), not after the meeting.
    expect(form.get('[data-testid="error-requestedOn"]').text()).toBe('Skriv dagen en part ba om møtet.');
    expect(form.get('label[for="meeting-new-requestedOn"]').text()).toBe('Bedt om');
    await form.get('[data-testid="meeting-requested-on"]').setValue('2024-08-15');
    await form.get('[data-testid="meeting-date"]').setValue('2024-08-14');
    await form.trigger('submit');
    expect(form.get('[data-testid="error-requestedOn"]').text()).toBe('Kan ikke være etter møtedatoen.');
    await form.get('[data-testid="meeting-requested-on"]').setValue('2024-08-01');

    await form.get('[data-testid="meeting-called-by"]').setValue('Moss kommune');
    await form.get('[data-testid="meeting-region"]').setValue('mosseregionen');
    await form.get('[data-testid="meeting-participant-0"]').setValue('Kari Nordmann (fylkeskommunen)');
    await form.get('[data-testid="meeting-add-participant"]').trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(form.get('[data-testid="meeting-participant-1"]').element);
    await form.get('[data-testid="meeting-participant-1"]').setValue('Næringssjef i Moss (Moss kommune)');
    await form.get('[data-testid="meeting-agenda"]').setValue('Fordeling av kontorutgifter');
    await form.get('[data-testid="meeting-add-decision"]').trigger('click');
    await form.get('[data-testid="meeting-decision-0"]').setValue('Utgiftene deles likt.');
    await form.get('[data-testid="meeting-add-decision"]').trigger('click');
    await form.get('[data-testid="meeting-decision-1"]').setValue('Saken tas opp igjen i oktober.');
    await form.get('[data-testid="meeting-add-decision"]').trigger('click');
    // An empty row is not sent silently: it must be filled in or removed.
    await form.trigger('submit');
    expect(store.record).not.toHaveBeenCalled();
    expect(form.get('[data-testid="error-decisions.2"]').text()).toBe('Fyll ut eller fjern raden.');
    await form.get('[data-testid="meeting-remove-decision-2"]').trigger('click');
    await flushPromises();
    expect(form.find('[data-testid="meeting-decision-2"]').exists()).toBe(false);
    expect(document.activeElement).toBe(form.get('[data-testid="meeting-decision-1"]').element);
    expect(form.find('[aria-label="Fjern vedtak 1"]').exists()).toBe(true);

    await form.trigger('submit');
    expect(store.record).toHaveBeenCalledWith({
      kind: 'CONFLICT',
      date: '2024-08-14',
      regionId: 'mosseregionen',
      calledBy: 'Moss kommune',
      participants: ['Kari Nordmann (fylkeskommunen)', 'Næringssjef i Moss (Moss kommune)'],
      agenda: 'Fordeling av kontorutgifter',
      minutes: null,
      decisions: ['Utgiftene deles likt.', 'Saken tas opp igjen i oktober.'],
      requestedOn: '2024-08-01',
      presentMemberIds: [],
      conflictRequestId: null,
    });
  });

  it('records an overdue discussion from the list of meetings due, and shows the saved meeting', async () => {
    const { wrapper, store, router } = await mountView('county.officer');
    const saved = { id: 'new-meeting', date: '2024-08-14' };
    vi.mocked(store.record).mockResolvedValue(saved);

    await wrapper.get('[data-testid="due-record-SUPPLEMENTARY_CONTENT-indre-ostfold-2024-06-30"]').trigger('click');
    const form = wrapper.get('[data-testid="meeting-form"]');
    expect(form.get<HTMLSelectElement>('[data-testid="meeting-kind"]').element.value).toBe('SUPPLEMENTARY_CONTENT');
    expect(form.get<HTMLSelectElement>('[data-testid="meeting-region"]').element.value).toBe('indre-ostfold');

    await form.get('[data-testid="meeting-date"]').setValue('2024-08-14');
    await form.get('[data-testid="meeting-participant-0"]').setValue('Kari Nordmann (fylkeskommunen)');
    await form.get('[data-testid="meeting-agenda"]').setValue('Supplerende innhold og aktiviteter i Indre Østfold');
    await form.get('[data-testid="meeting-minutes"]').setValue('Referat godkjent.');
    await form.trigger('submit');
    await flushPromises();

    expect(store.record).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'SUPPLEMENTARY_CONTENT',
        regionId: 'indre-ostfold',
        minutes: 'Referat godkjent.',
      }),
    );
    expect(wrapper.find('[data-testid="meeting-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="meetings-notice"]').text()).toBe('Møtet 14.08.2024 er registrert.');
    expect(router.currentRoute.value.hash).toBe('#meeting-new-meeting');
    expect(router.currentRoute.value.query.year).toBe('2024');
    // The list and whether the discussion was held changed: the year is asked again.
    expect(store.load).toHaveBeenCalledTimes(2);
  });

  it('closes the form on cancel and gives focus back to the button that opened it', async () => {
    const { wrapper } = await mountView('county.officer');
    await wrapper.get('[data-testid="meetings-record"]').trigger('click');
    await wrapper.get('[data-testid="meeting-cancel"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="meeting-form"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="meetings-record"]').element);
  });

  it('adds minutes and decisions to a meeting with the version it was loaded at', async () => {
    const { wrapper, store } = await mountView('county.officer');
    await wrapper.get(`[data-testid="meeting-edit-${mosseSpring.id}"]`).trigger('click');
    const form = wrapper.get(`[data-testid="meeting-edit-form-${mosseSpring.id}"]`);
    expect(plain(form.get('h3').text())).toBe(
      'Endre møtet 20.04.2024: Drøfting av supplerende innhold – Mosseregionen',
    );
    expect(form.get<HTMLSelectElement>('[data-testid="meeting-region"]').element.value).toBe('mosseregionen');
    expect(form.get('[data-testid="meeting-no-decisions"]').text()).toBe('Ingen vedtak lagt til.');

    await form.get('[data-testid="meeting-minutes"]').setValue('Referat godkjent.');
    await form.get('[data-testid="meeting-add-decision"]').trigger('click');
    await form.get('[data-testid="meeting-decision-0"]').setValue('Kurs i markedsføring for nye etablerere.');
    await form.trigger('submit');

    expect(store.update).toHaveBeenCalledWith(mosseSpring.id, 1, {
      kind: 'SUPPLEMENTARY_CONTENT',
      date: '2024-04-20',
      regionId: 'mosseregionen',
      calledBy: null,
      participants: ['Kari Nordmann (fylkeskommunen)', 'Etablerertjenesten Mosseregionen'],
      agenda: 'Supplerende innhold og aktiviteter i Mosseregionen',
      minutes: 'Referat godkjent.',
      decisions: ['Kurs i markedsføring for nye etablerere.'],
      requestedOn: null,
      presentMemberIds: [],
      conflictRequestId: null,
    });
  });

  it("shows the server's field errors at the fields, and a conflict as 'someone else changed it, reload'", async () => {
    const { wrapper, store } = await mountView('county.officer');
    await wrapper.get(`[data-testid="meeting-edit-${groupMeeting.id}"]`).trigger('click');
    const form = () => wrapper.get(`[data-testid="meeting-edit-form-${groupMeeting.id}"]`);

    store.update.mockReturnValueOnce(
      refusal('input.decisions.1: at most 2000 characters', 'BAD_USER_INPUT', 'input.decisions.1'),
    );
    await form().trigger('submit');
    await flushPromises();
    // The service's English reason, told in bokmål beside the field.
    expect(form().get('[data-testid="error-decisions.1"]').text()).toBe('Høyst 2000 tegn.');
    expect(form().get('[data-testid="meeting-decision-1"]').attributes('aria-invalid')).toBe('true');
    expect(form().get('[data-testid="meeting-action-error"]').text()).toContain('se meldingene ved feltene');

    store.update.mockReturnValueOnce(refusal('Someone else changed this record; reload and try again.', 'CONFLICT'));
    await form().trigger('submit');
    await flushPromises();
    const problem = form().get('[data-testid="meeting-action-error"]');
    expect(problem.attributes('role')).toBe('alert');
    expect(problem.text()).toContain('Noen andre har endret møtet i mellomtiden');
    const asked = store.load.mock.calls.length;
    await problem.get('[data-testid="meeting-reload"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="meeting-action-error"]').exists()).toBe(false);
    expect(store.load).toHaveBeenCalledTimes(asked + 1);
  });

  it('checks attendance against the members: present, absent and the participants who are no members', async () => {
    const { wrapper } = await mountView('coordination.member');
    expect(
      wrapper
        .get(`[data-testid="meeting-present-${groupMeeting.id}"]`)
        .findAll('li')
        .map((li) => li.text()),
    ).toEqual(['Kari Nordmann (Akershus fylkeskommune)', 'Jonas Bakken (NAV Vest-Viken)']);
    expect(
      wrapper
        .get(`[data-testid="meeting-absent-${groupMeeting.id}"]`)
        .findAll('li')
        .map((li) => li.text()),
    ).toEqual(['Sofie Lie (Innovasjon Norge Oslo, Viken og Innlandet)', 'Næringssjef i Moss (Moss kommune)']);
    expect(wrapper.get(`[data-testid="meeting-non-members-${groupMeeting.id}"]`).text()).toBe(
      'Guri Gjest (Statsforvalteren)',
    );
    const article = wrapper.get(`[data-testid="meeting-${groupMeeting.id}"]`);
    expect(article.findAll('dt').map((dt) => dt.text())).toEqual(
      expect.arrayContaining([
        'Medlemmer til stede',
        'Medlemmer som ikke var til stede',
        'Andre deltakere (ikke medlemmer)',
      ]),
    );
  });

  it('says how promptly a conflict meeting was held against the target (§8)', async () => {
    const late: MeetingItem = {
      ...conflictMeeting,
      id: '3f1c2a4e-0000-4000-8000-000000000099',
      requestedOn: '2024-02-05',
      daysFromRequest: 29,
      heldPromptly: false,
    };
    const unknown: MeetingItem = {
      ...conflictMeeting,
      id: '3f1c2a4e-0000-4000-8000-000000000098',
      requestedOn: null,
      daysFromRequest: null,
      heldPromptly: null,
    };
    const { wrapper } = await mountView('coordination.member', { meetings: [conflictMeeting, late, unknown] });
    expect(plain(wrapper.get(`[data-testid="meeting-promptness-${conflictMeeting.id}"]`).text())).toBe(
      '27.02.2024: holdt etter 7 dager, innenfor målet på 14 dager.',
    );
    const lateText = wrapper.get(`[data-testid="meeting-promptness-${late.id}"]`);
    expect(plain(lateText.text())).toBe('05.02.2024: holdt etter 29 dager, senere enn målet på 14 dager.');
    expect(lateText.classes()).toContain('late');
    expect(wrapper.get(`[data-testid="meeting-promptness-${unknown.id}"]`).text()).toBe(
      'Dagen det ble bedt om møtet, er ikke registrert.',
    );
  });

  it('lists a conflict meeting asked for among those due, and records it as held for the request', async () => {
    vi.setSystemTime(new Date('2024-08-16T08:00:00Z'));
    const { wrapper, store } = await mountView('county.officer', { dueMeetings: [conflictRequestDue2024] });
    const key = 'CONFLICT-follo-2024-08-15';
    const row = wrapper.get(`[data-testid="due-${key}"]`);
    expect(plain(row.get('th').text())).toBe(
      'Møte om konflikt eller uklarhet med Follo: Fordeling av husleie (bedt om av Nordre Follo kommune)',
    );
    // The target day has passed since the page's data was made.
    expect(row.attributes('data-state')).toBe('OVERDUE');

    await wrapper.get(`[data-testid="due-record-${key}"]`).trigger('click');
    const form = wrapper.get('[data-testid="meeting-form"]');
    expect(form.get<HTMLSelectElement>('[data-testid="meeting-kind"]').element.value).toBe('CONFLICT');
    expect(form.get<HTMLInputElement>('[data-testid="meeting-requested-on"]').element.value).toBe('2024-08-01');
    expect(form.get<HTMLInputElement>('[data-testid="meeting-called-by"]').element.value).toBe('Nordre Follo kommune');
    await form.get('[data-testid="meeting-participant-0"]').setValue('Kari Nordmann (fylkeskommunen)');
    await form.get('[data-testid="meeting-agenda"]').setValue('Fordeling av husleie');
    await form.trigger('submit');
    expect(store.record).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'CONFLICT',
        regionId: 'follo',
        conflictRequestId: conflictRequestDue2024.conflictRequest?.id,
        requestedOn: null,
      }),
    );
  });

  it('ticks the members present at a group meeting, from the group the page shows', async () => {
    const { wrapper, store } = await mountView('county.officer');
    await wrapper.get('[data-testid="meetings-record"]').trigger('click');
    const form = wrapper.get('[data-testid="meeting-form"]');
    expect(form.find('[data-testid="meeting-members"]').exists()).toBe(false);
    await form.get('[data-testid="meeting-kind"]').setValue('COORDINATION_GROUP');
    const members = form.get('[data-testid="meeting-members"]');
    expect(members.get('legend').text()).toBe('Medlemmer til stede');
    expect(members.findAll('label').map((label) => label.text())).toEqual(
      coordinationGroup2024.map((member) => `${member.name} (${member.organisationName})`),
    );
    await form.get('[data-testid="meeting-present-member-1"]').setValue(true);
    await form.get('[data-testid="meeting-present-member-3"]').setValue(true);
    await form.get('[data-testid="meeting-remove-participant-0"]').trigger('click');
    await form.get('[data-testid="meeting-agenda"]').setValue('Status');
    await form.trigger('submit');
    expect(store.record).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'COORDINATION_GROUP',
        participants: [],
        presentMemberIds: ['member-1', 'member-3'],
      }),
    );
  });
  it('records a request for a conflict meeting, to be held from the meetings due', async () => {
    const { wrapper, store } = await mountView('county.officer');
    await wrapper.get('[data-testid="meetings-request-conflict"]').trigger('click');
    await flushPromises();
    const form = wrapper.get('[data-testid="conflict-request-form"]');
    expect(document.activeElement).toBe(form.get('[data-testid="conflict-request-requested-on"]').element);
    expect(form.text()).toContain('målet er innen 14 dager');
    await form.get('[data-testid="conflict-request-requested-on"]').setValue('2024-08-14');
    await form.get('[data-testid="conflict-request-called-by"]').setValue('Nordre Follo kommune');
    await form.get('[data-testid="conflict-request-region"]').setValue('follo');
    await form.get('[data-testid="conflict-request-subject"]').setValue('Fordeling av husleie');
    await form.trigger('submit');
    await flushPromises();
    expect(store.requestConflictMeeting).toHaveBeenCalledWith({
      requestedOn: '2024-08-14',
      regionId: 'follo',
      calledBy: 'Nordre Follo kommune',
      subject: 'Fordeling av husleie',
    });
    expect(wrapper.find('[data-testid="conflict-request-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="meetings-notice"]').text()).toBe(
      'Forespørselen er registrert. Møtet bør holdes innen 28.08.2024.',
    );
  });

  it('offers no request for a conflict meeting to those who only read', async () => {
    const { wrapper } = await mountView('coordination.member');
    expect(wrapper.find('[data-testid="meetings-request-conflict"]').exists()).toBe(false);
  });
});
