// Acting on the professional gatherings: the rules (who may do what, when), the actions through the query layer
// against a stubbed gateway, and the page: each role sees only its actions, forms validate, the server's field
// errors and a CONFLICT show where they belong, and the tables download as CSV.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import {
  attendedCount,
  checkGathering,
  holdsGatherings,
  mayRecordAttendance,
  mayRegister,
  registersForGatherings,
} from '../src/composables/gatheringRules';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import {
  type GatheringItem,
  useGatheringActions,
  useGatheringYear,
  useRegionAdvisers,
} from '../src/queries/gatherings';
import GatheringsView from '../src/views/GatheringsView.vue';
import {
  accessTokenFor,
  createStrictI18n,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  runInComponent,
  stubGraphQL,
  testingPinia,
} from './fixtures';
import { gatherings2024, gatheringYear2024, partnerTokenFor } from './partners-fixtures';

const held = gatherings2024[0] as GatheringItem;

/** A gathering far ahead, open to Follo and Halden, with one Follo adviser registered and attendance not recorded. */
const upcoming: GatheringItem = {
  id: 'g-2',
  title: 'Fagsamling høst: bærekraft',
  date: '2099-10-16',
  location: null,
  online: true,
  organisers: ['Innovasjon Norge'],
  programme: null,
  description: 'Grønn omstilling for små bedrifter.',
  attendeeCount: 1,
  invitedRegions: [
    { id: 'follo', name: 'Follo' },
    { id: 'halden', name: 'Halden' },
  ],
  registrations: [
    {
      adviserId: 'a-3',
      adviser: { id: 'a-3', name: 'Kristin Moe' },
      region: { id: 'follo', name: 'Follo' },
      registeredAt: '2099-08-01T22:30:00.000Z',
      attended: null,
    },
  ],
};

/** A gathering ahead that invites Halden only. */
const haldenOnly: GatheringItem = {
  ...upcoming,
  id: 'g-3',
  title: 'Fagsamling Halden',
  invitedRegions: [{ id: 'halden', name: 'Halden' }],
  registrations: [],
};

const adviser = { role: 'ADVISER', regionId: 'follo' };
const innovasjonNorge = { role: 'INNOVASJON_NORGE', regionId: null };
const today = '2024-09-12';

describe('gathering rules', () => {
  it('gives adding and attendance to Innovasjon Norge and the county, registering to advisers', () => {
    expect(holdsGatherings(innovasjonNorge)).toBe(true);
    expect(holdsGatherings({ role: 'COUNTY_OFFICER', regionId: null })).toBe(true);
    expect(holdsGatherings(adviser)).toBe(false);
    expect(holdsGatherings({ role: 'COORDINATION_MEMBER', regionId: null })).toBe(false);
    expect(registersForGatherings(adviser)).toBe(true);
    expect(registersForGatherings({ role: 'MUNICIPALITY_OFFICER', regionId: 'follo' })).toBe(false);
    expect(registersForGatherings(innovasjonNorge)).toBe(false);
  });

  it('opens registration until the day of the gathering, for the regions invited', () => {
    expect(mayRegister(adviser, upcoming, today)).toBe(true);
    expect(mayRegister(adviser, { ...upcoming, date: today }, today)).toBe(true);
    expect(mayRegister(adviser, held, today)).toBe(false);
    expect(mayRegister(adviser, haldenOnly, today)).toBe(false);
    expect(mayRegister({ role: 'ADVISER', regionId: 'halden' }, haldenOnly, today)).toBe(true);
    expect(mayRegister(innovasjonNorge, upcoming, today)).toBe(false);
  });

  it('opens attendance from the day of the gathering, when someone registered', () => {
    expect(mayRecordAttendance(innovasjonNorge, held, today)).toBe(true);
    expect(mayRecordAttendance(innovasjonNorge, upcoming, today)).toBe(false);
    expect(mayRecordAttendance(innovasjonNorge, { ...held, registrations: [] }, today)).toBe(false);
    expect(mayRecordAttendance(adviser, held, today)).toBe(false);
  });

  it('counts those who attended once attendance is recorded', () => {
    expect(attendedCount(held)).toBe(1);
    expect(attendedCount(upcoming)).toBeNull();
  });

  it('checks a new gathering before it is sent', () => {
    expect(checkGathering({ title: ' ', date: '', location: '', online: false, description: '' })).toEqual({
      ok: false,
      errors: { title: 'required', date: 'required', location: 'locationOrOnline' },
    });
    expect(
      checkGathering({ title: 'x'.repeat(201), date: '2024-13-45', location: '', online: true, description: '' }),
    ).toEqual({ ok: false, errors: { title: 'tooLong', date: 'invalidDate' } });
    expect(
      checkGathering({ title: ' Vårsamling ', date: '2025-04-10', location: ' Oslo ', online: false, description: '' }),
    ).toEqual({
      ok: true,
      input: { title: 'Vårsamling', date: '2025-04-10', location: 'Oslo', online: false, description: null },
    });
  });
});

describe('gathering actions', () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  /** The actions and the year 2024 on screen, as the page has them, against a gateway answering `mutation`. */
  async function withYearOnScreen(mutation: (query: string) => Response | null) {
    const stub = stubGraphQL(({ body }) => {
      const answered = mutation(body.query);
      if (answered) return answered;
      if (body.query.includes('query GatheringsOfYear')) {
        return jsonResponse({ data: { gatherings: [held, upcoming], gatheringYear: gatheringYear2024 } });
      }
      throw new Error(`Unexpected query ${body.query}`);
    });
    const pinia = createPinia();
    const { result } = runInComponent(
      () => ({ year: useGatheringYear(2024), actions: useGatheringActions() }),
      [pinia, queryLayer(pinia)],
    );
    await flushPromises();
    const yearAsked = () => stub.calls.filter((call) => call.body.query.includes('query GatheringsOfYear')).length;
    return { ...stub, ...result, yearAsked };
  }

  it('adds a gathering with its input as a variable, then loads the year again', async () => {
    const { calls, actions, year, yearAsked } = await withYearOnScreen((query) =>
      query.includes('createGathering')
        ? jsonResponse({ data: { createGathering: { id: 'g-9', title: 'Vårsamling', date: '2024-11-01' } } })
        : null,
    );
    const input = { title: 'Vårsamling', date: '2024-11-01', location: 'Oslo', online: false, description: null };
    expect(yearAsked()).toBe(1);

    expect(await actions.create(input)).toEqual({ id: 'g-9', title: 'Vårsamling', date: '2024-11-01' });
    await flushPromises();

    const create = calls.find((call) => call.body.query.includes('createGathering'));
    expect(create?.body.variables).toEqual({ input });
    expect(create?.body.query).not.toContain('Vårsamling');
    expect(yearAsked()).toBe(2);
    expect(calls.at(-1)?.body.variables).toEqual({ year: 2024 });
    expect(year.gatherings.value).toHaveLength(2);
  });

  it('registers an adviser, and on a CONFLICT says so and loads the list again', async () => {
    let conflict = false;
    const { calls, actions, yearAsked } = await withYearOnScreen((query) => {
      if (!query.includes('registerForGathering')) return null;
      return conflict
        ? jsonResponse({
            errors: [
              { message: 'The adviser is registered for this gathering already.', extensions: { code: 'CONFLICT' } },
            ],
          })
        : jsonResponse({ data: { registerForGathering: { id: 'g-2' } } });
    });

    expect(await actions.register('g-2', 'a-4')).toBe(true);
    await flushPromises();
    expect(calls.find((call) => call.body.query.includes('registerForGathering'))?.body.variables).toEqual({
      gatheringId: 'g-2',
      adviserId: 'a-4',
    });
    expect(yearAsked()).toBe(2);

    conflict = true;
    expect(await actions.register('g-2', 'a-4')).toBe(false);
    await flushPromises();
    expect(actions.conflict.value).toBe(true);
    expect(actions.actionError.value).toMatchObject({ action: 'register', gatheringId: 'g-2', codes: ['CONFLICT'] });
    expect(yearAsked()).toBe(3);
  });

  it("gives the server's field errors without the registration prefix, and asks nothing again", async () => {
    const { actions, yearAsked } = await withYearOnScreen((query) =>
      query.includes('registerForGathering')
        ? jsonResponse({
            errors: [
              {
                message: 'registration.adviserId: not an adviser id',
                extensions: { code: 'BAD_USER_INPUT', field: 'registration.adviserId' },
              },
            ],
          })
        : null,
    );

    expect(await actions.register('g-2', 'nobody')).toBe(false);
    await flushPromises();
    expect(actions.actionError.value?.fieldErrors).toEqual({ adviserId: 'not an adviser id' });
    expect(yearAsked()).toBe(1);
  });

  it('records attendance with the ids of those who came', async () => {
    const { calls, actions } = await withYearOnScreen((query) =>
      query.includes('recordGatheringAttendance')
        ? jsonResponse({ data: { recordGatheringAttendance: { id: 'g-1' } } })
        : null,
    );

    expect(await actions.recordAttendance('g-1', ['a-1'])).toBe(true);
    expect(calls.find((call) => call.body.query.includes('recordGatheringAttendance'))?.body.variables).toEqual({
      gatheringId: 'g-1',
      attendedAdviserIds: ['a-1'],
    });
  });

  it("asks for the adviser's region's advisers once, however many ask", async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({ data: { region: { id: 'follo', advisers: [{ id: 'a-4', name: 'Amira Haddad' }] } } }),
    );
    const pinia = createPinia();
    const { result } = runInComponent(
      () => [useRegionAdvisers('follo'), useRegionAdvisers('follo'), useRegionAdvisers(null)],
      [pinia, queryLayer(pinia)],
    );
    await flushPromises();

    expect(calls).toHaveLength(1);
    expect(calls[0]?.body.variables).toEqual({ regionId: 'follo' });
    expect(result[0]?.advisers.value).toEqual([{ id: 'a-4', name: 'Amira Haddad' }]);
    expect(result[2]?.advisers.value).toEqual([]);
  });
});

/** Catches what `downloadCsv` hands the browser: file names and the decoded text of each file. */
function catchDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:csv';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  async function lines(index = 0): Promise<string[]> {
    const bytes = new Uint8Array(await (blobs[index] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return new TextDecoder('utf-8').decode(bytes).split('\r\n');
  }
  return { names, lines };
}

/** What the gateway answers an action with: the data, or errors. */
type Answer = Record<string, unknown>;
type ActionAnswers = Partial<Record<'create' | 'register' | 'unregister' | 'attendance', () => Answer>>;

const operationOf = (call: GraphQLCall) => /\b(?:query|mutation) (\w+)/.exec(call.body.query)?.[1];

/**
 * The page as the signed-in caller sees it, against a gateway that answers the year's gatherings and the region's
 * advisers, and each action with `answers` (success by default); `actions` are spies of what the gateway was asked.
 */
async function mountView(
  accessToken: string,
  { gatherings = [held, upcoming, haldenOnly], answers = {} as ActionAnswers } = {},
) {
  const actions = {
    loadAdvisers: vi.fn((_regionId: string) => ({
      region: {
        id: 'follo',
        advisers: [
          { id: 'a-4', name: 'Amira Haddad' },
          { id: 'a-3', name: 'Kristin Moe' },
          { id: 'a-5', name: 'Per Olsen' },
        ],
      },
    })),
    create: vi.fn(
      (input: { title: string; date: string }): Answer =>
        answers.create?.() ?? { createGathering: { id: 'g-9', title: input.title, date: input.date } },
    ),
    register: vi.fn(
      (gatheringId: string, _adviserId: string): Answer =>
        answers.register?.() ?? { registerForGathering: { id: gatheringId } },
    ),
    unregister: vi.fn(
      (gatheringId: string, _adviserId: string): Answer =>
        answers.unregister?.() ?? { unregisterFromGathering: { id: gatheringId } },
    ),
    recordAttendance: vi.fn(
      (gatheringId: string, _attended: string[]): Answer =>
        answers.attendance?.() ?? { recordGatheringAttendance: { id: gatheringId } },
    ),
  };
  stubGraphQL((call) => {
    const variables = call.body.variables as {
      regionId: string;
      input: { title: string; date: string };
      gatheringId: string;
      adviserId: string;
      attendedAdviserIds: string[];
    };
    const answered = (value: Answer) => jsonResponse('errors' in value ? value : { data: value });
    switch (operationOf(call)) {
      case 'GatheringsOfYear':
        return answered({ gatherings, gatheringYear: gatheringYear2024 });
      case 'RegionAdvisers':
        return answered(actions.loadAdvisers(variables.regionId));
      case 'CreateGathering':
        return answered(actions.create(variables.input));
      case 'RegisterForGathering':
        return answered(actions.register(variables.gatheringId, variables.adviserId));
      case 'UnregisterFromGathering':
        return answered(actions.unregister(variables.gatheringId, variables.adviserId));
      case 'RecordGatheringAttendance':
        return answered(actions.recordAttendance(variables.gatheringId, variables.attendedAdviserIds));
      default:
        throw new Error(`Unexpected operation: ${call.body.query}`);
    }
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/gatherings', name: 'gatherings', component: GatheringsView }],
  });
  await router.push('/gatherings?year=2024');
  await router.isReady();
  const wrapper = mount(GatheringsView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, actions };
}

type Wrapper = Awaited<ReturnType<typeof mountView>>['wrapper'];
const open = async (wrapper: Wrapper, id: string) => {
  await wrapper.get(`[data-testid="gathering-toggle-${id}"]`).trigger('click');
  await flushPromises();
};
/** Submits a form and waits for what it sent to be answered. */
const submit = async (wrapper: Wrapper, testId: string) => {
  await wrapper.get(`[data-testid="${testId}"]`).trigger('submit');
  await flushPromises();
};

enableAutoUnmount(afterEach);

describe('GatheringsView actions', () => {
  it('shows registered and attended per gathering, "not recorded" before attendance is', async () => {
    const { wrapper } = await mountView(accessTokenFor('coordination.member'));

    expect(wrapper.get('[data-testid="gathering-registered-g-1"]').text()).toBe('2');
    expect(wrapper.get('[data-testid="gathering-attended-g-1"]').text()).toBe('1');
    expect(wrapper.get('[data-testid="gathering-registered-g-2"]').text()).toBe('1');
    expect(wrapper.get('[data-testid="gathering-attended-g-2"]').text()).toBe('Ikke registrert');
  });

  it('lets the coordination group look at the registrations but act on nothing', async () => {
    const { wrapper } = await mountView(accessTokenFor('coordination.member'));
    expect(wrapper.find('[data-testid="gathering-create-open"]').exists()).toBe(false);

    const toggle = wrapper.get('[data-testid="gathering-toggle-g-1"]');
    expect(toggle.text()).toBe('Vis påmeldte');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    await open(wrapper, 'g-1');
    expect(toggle.attributes('aria-expanded')).toBe('true');

    const rows = wrapper.findAll('[data-testid="gathering-registrations-g-1"] tbody tr').map((row) => row.text());
    expect(rows[0]).toContain('Amira Haddad');
    expect(rows[0]).toContain('Follo');
    // 09:15 UTC on 1 March is 10:15 in Oslo.
    expect(rows[0]).toContain('01.03.2024, 10:15');
    expect(rows[0]).toContain('Deltok');
    expect(rows[1]).toContain('Deltok ikke');
    expect(wrapper.find('[data-testid="gathering-attendance-form-g-1"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="gathering-register-form-g-1"]').exists()).toBe(false);

    await open(wrapper, 'g-2');
    expect(wrapper.find('[data-testid="gathering-register-form-g-2"]').exists()).toBe(false);
  });

  it('lets an adviser register for an upcoming gathering of the region, with the signed-in adviser chosen', async () => {
    const { wrapper, actions } = await mountView(accessTokenFor('follo.adviser'));
    expect(wrapper.find('[data-testid="gathering-create-open"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="gathering-toggle-g-2"]').text()).toBe('Meld på');
    expect(wrapper.get('[data-testid="gathering-toggle-g-2"]').attributes('aria-label')).toBe(
      'Meld på: Fagsamling høst: bærekraft',
    );
    await open(wrapper, 'g-2');

    expect(actions.loadAdvisers).toHaveBeenCalledWith('follo');
    const select = wrapper.get<HTMLSelectElement>('[data-testid="gathering-register-adviser-g-2"]');
    // Kristin Moe is registered already, so she is not offered again.
    expect(select.findAll('option').map((option) => option.text())).toEqual([
      'Velg veileder',
      'Amira Haddad',
      'Per Olsen',
    ]);
    expect(select.element.value).toBe('a-4');

    await submit(wrapper, 'gathering-register-form-g-2');
    expect(actions.register).toHaveBeenCalledWith('g-2', 'a-4');
    expect(wrapper.get('[data-testid="gathering-notice-g-2"]').text()).toContain('Amira Haddad');
  });

  it('asks for an adviser before registering', async () => {
    const { wrapper, actions } = await mountView(accessTokenFor('follo.adviser'));
    await open(wrapper, 'g-2');
    await wrapper.get('[data-testid="gathering-register-adviser-g-2"]').setValue('');

    await submit(wrapper, 'gathering-register-form-g-2');

    expect(actions.register).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="gathering-register-error-g-2"]').text()).toBe(
      'Velg veilederen som skal meldes på.',
    );
    expect(document.activeElement?.id).toBe('gathering-register-adviser-g-2');

    // Choosing an adviser answers the message at once, before the next send.
    await wrapper.get('[data-testid="gathering-register-adviser-g-2"]').setValue('a-5');
    expect(wrapper.get('[data-testid="gathering-register-error-g-2"]').text()).toBe('');
  });

  it('tells an adviser why a past gathering or one for another region offers no registration', async () => {
    const { wrapper } = await mountView(accessTokenFor('follo.adviser'));
    await open(wrapper, 'g-1');
    expect(wrapper.get('[data-testid="gathering-register-closed-g-1"]').text()).toBe(
      'Fagsamlingen er holdt; påmeldingen er stengt.',
    );
    expect(wrapper.find('[data-testid="gathering-register-form-g-1"]').exists()).toBe(false);

    await open(wrapper, 'g-3');
    expect(wrapper.get('[data-testid="gathering-register-closed-g-3"]').text()).toBe(
      'Regionen din er ikke invitert til denne fagsamlingen.',
    );
    expect(wrapper.find('[data-testid="gathering-register-form-g-3"]').exists()).toBe(false);
  });

  it('explains a CONFLICT on registering, and shows a field error at the adviser', async () => {
    const conflicted = await mountView(accessTokenFor('follo.adviser'), {
      answers: {
        register: () => ({
          errors: [
            { message: 'The adviser is registered for this gathering already.', extensions: { code: 'CONFLICT' } },
          ],
        }),
      },
    });
    await open(conflicted.wrapper, 'g-2');
    await submit(conflicted.wrapper, 'gathering-register-form-g-2');
    const alert = conflicted.wrapper.get('[data-testid="gathering-action-error-g-2"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toBe('Veilederen er allerede påmeldt denne fagsamlingen. Listen er oppdatert.');
    conflicted.wrapper.unmount();

    const invalid = await mountView(accessTokenFor('follo.adviser'), {
      answers: {
        register: () => ({
          errors: [
            {
              message: 'registration.adviserId: not an adviser id',
              extensions: { code: 'BAD_USER_INPUT', field: 'registration.adviserId' },
            },
          ],
        }),
      },
    });
    await open(invalid.wrapper, 'g-2');
    await submit(invalid.wrapper, 'gathering-register-form-g-2');
    expect(invalid.wrapper.get('[data-testid="gathering-register-error-g-2"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );
    expect(invalid.wrapper.find('[data-testid="gathering-action-error-g-2"]').exists()).toBe(false);
    expect(document.activeElement?.id).toBe('gathering-register-adviser-g-2');

    // The server's reason goes once another adviser is chosen.
    await invalid.wrapper.get('[data-testid="gathering-register-adviser-g-2"]').setValue('a-5');
    expect(invalid.wrapper.get('[data-testid="gathering-register-error-g-2"]').text()).toBe('');
  });

  it('lets Innovasjon Norge record attendance after the gathering, starting from what is recorded', async () => {
    const { wrapper, actions } = await mountView(partnerTokenFor('innovasjon.norge'));
    expect(wrapper.get('[data-testid="gathering-toggle-g-1"]').text()).toBe('Registrer oppmøte');
    expect(wrapper.get('[data-testid="gathering-toggle-g-2"]').text()).toBe('Vis påmeldte');
    await open(wrapper, 'g-1');

    const amira = wrapper.get<HTMLInputElement>('[data-testid="gathering-attended-g-1-a-1"]');
    const jonas = wrapper.get<HTMLInputElement>('[data-testid="gathering-attended-g-1-a-2"]');
    expect(amira.element.checked).toBe(true);
    expect(jonas.element.checked).toBe(false);
    await jonas.setValue(true);

    await submit(wrapper, 'gathering-attendance-form-g-1');
    expect(actions.recordAttendance).toHaveBeenCalledWith('g-1', ['a-1', 'a-2']);

    // Not before the gathering has been held.
    await open(wrapper, 'g-2');
    expect(wrapper.find('[data-testid="gathering-attendance-form-g-2"]').exists()).toBe(false);
  });

  it('asks to confirm that nobody came before saving an empty attendance', async () => {
    const { wrapper, actions } = await mountView(partnerTokenFor('innovasjon.norge'));
    await open(wrapper, 'g-1');
    await wrapper.get('[data-testid="gathering-attended-g-1-a-1"]').setValue(false);

    await submit(wrapper, 'gathering-attendance-form-g-1');
    expect(actions.recordAttendance).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="gathering-attendance-error-g-1"]').text()).toBe(
      'Kryss av for dem som deltok, eller bekreft at ingen av de påmeldte deltok.',
    );

    await wrapper.get('[data-testid="gathering-attended-none-g-1"]').setValue(true);
    // Confirming answers the message at once, before the next send.
    expect(wrapper.get('[data-testid="gathering-attendance-error-g-1"]').text()).toBe('');
    await submit(wrapper, 'gathering-attendance-form-g-1');
    expect(actions.recordAttendance).toHaveBeenCalledWith('g-1', []);
  });

  it('ticks everyone registered at once', async () => {
    const { wrapper, actions } = await mountView(partnerTokenFor('innovasjon.norge'));
    await open(wrapper, 'g-1');

    await wrapper.get('[data-testid="gathering-attended-all-g-1"]').trigger('click');
    expect(wrapper.get<HTMLInputElement>('[data-testid="gathering-attended-g-1-a-2"]').element.checked).toBe(true);
    await submit(wrapper, 'gathering-attendance-form-g-1');
    expect(actions.recordAttendance).toHaveBeenCalledWith('g-1', ['a-1', 'a-2']);
  });

  it('confirms a saved attendance in words', async () => {
    const { wrapper, actions } = await mountView(partnerTokenFor('innovasjon.norge'));
    await open(wrapper, 'g-1');

    await submit(wrapper, 'gathering-attendance-form-g-1');
    expect(actions.recordAttendance).toHaveBeenCalledWith('g-1', ['a-1']);

    expect(wrapper.get('[data-testid="gathering-notice-g-1"]').text()).toBe(
      'Oppmøtet er lagret: 1 av 2 påmeldte deltok.',
    );
  });

  it('lets the county add a gathering, validating it first and showing the server’s field errors', async () => {
    const { wrapper, actions } = await mountView(accessTokenFor('county.officer'), {
      answers: {
        create: () => ({
          errors: [
            {
              message: 'input.title: at most 200 characters',
              extensions: { code: 'BAD_USER_INPUT', field: 'input.title' },
            },
          ],
        }),
      },
    });
    await wrapper.get('[data-testid="gathering-create-open"]').trigger('click');
    const form = wrapper.get('[data-testid="gathering-create-form"]');
    expect(document.activeElement?.id).toBe('gathering-new-title');

    await form.trigger('submit');
    await flushPromises();
    expect(actions.create).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="gathering-error-title"]').text()).toBe('Må fylles ut.');
    expect(wrapper.get('[data-testid="gathering-error-date"]').text()).toBe('Må fylles ut.');
    expect(wrapper.get('[data-testid="gathering-error-location"]').text()).toBe(
      'Oppgi sted, eller kryss av for at veilederne kan delta digitalt.',
    );

    await wrapper.get('[data-testid="gathering-new-title"]').setValue('Høstsamling');
    await wrapper.get('[data-testid="gathering-new-date"]').setValue('2024-11-07');
    await wrapper.get('[data-testid="gathering-new-online"]').setValue(true);
    await form.trigger('submit');
    await flushPromises();

    expect(actions.create).toHaveBeenCalledWith({
      title: 'Høstsamling',
      date: '2024-11-07',
      location: null,
      online: true,
      description: null,
    });
    expect(wrapper.get('[data-testid="gathering-error-title"]').text()).toBe('Høyst 200 tegn.');
    expect(wrapper.get('[data-testid="gathering-create-error"]').text()).toBe(
      'Ikke lagret. Rett feltene som er merket.',
    );
    expect(document.activeElement?.id).toBe('gathering-new-title');
  });

  it('confirms a new gathering and shows the year it is in', async () => {
    const { wrapper, actions, router } = await mountView(partnerTokenFor('innovasjon.norge'));
    await wrapper.get('[data-testid="gathering-create-open"]').trigger('click');
    await wrapper.get('[data-testid="gathering-new-title"]').setValue('Vårsamling');
    await wrapper.get('[data-testid="gathering-new-date"]').setValue('2025-03-06');
    await wrapper.get('[data-testid="gathering-new-location"]').setValue('Lillestrøm');

    await wrapper.get('[data-testid="gathering-create-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.find('[data-testid="gathering-create-form"]').exists()).toBe(false);
    const notice = wrapper.get('[data-testid="gatherings-notice"]');
    expect(notice.text()).toBe('Fagsamlingen «Vårsamling» er lagt til.');
    expect(document.activeElement).toBe(notice.element);
    expect(actions.create).toHaveBeenCalledWith({
      title: 'Vårsamling',
      date: '2025-03-06',
      location: 'Lillestrøm',
      online: false,
      description: null,
    });
    expect(router.currentRoute.value.query.year).toBe('2025');
  });

  it('downloads the gatherings and the registrations as CSV, with Norwegian dates', async () => {
    const downloads = catchDownloads();
    const { wrapper } = await mountView(accessTokenFor('coordination.member'), { gatherings: [held, upcoming] });

    await wrapper.get('[data-testid="gatherings-download-csv"]').trigger('click');
    await wrapper.get('[data-testid="gatherings-registrations-csv"]').trigger('click');

    expect(downloads.names).toEqual(['fagsamlinger-2024.csv', 'fagsamlinger-2024-pameldinger.csv']);
    expect(await downloads.lines(0)).toEqual([
      'Fagsamling;Dato;Sted;Digitalt;Arrangører;Inviterte regioner;Påmeldte;Deltok',
      'Fagsamling vår 2024: finansiering;18.04.2024;Lillestrøm;Ja;"Innovasjon Norge, Viken fylkeskommune";Alle regionene;2;1',
      'Fagsamling høst: bærekraft;16.10.2099;Kun digitalt;Ja;Innovasjon Norge;"Follo, Halden";1;',
    ]);
    expect(await downloads.lines(1)).toEqual([
      'Fagsamling;Dato;Veileder;Region;Påmeldt;Oppmøte',
      'Fagsamling vår 2024: finansiering;18.04.2024;Amira Haddad;Follo;"01.03.2024, 10:15";Deltok',
      'Fagsamling vår 2024: finansiering;18.04.2024;Jonas Vik;Halden;"04.03.2024, 13:30";Deltok ikke',
      // 22:30 UTC on 1 August is already 2 August in Oslo.
      'Fagsamling høst: bærekraft;16.10.2099;Kristin Moe;Follo;"02.08.2099, 00:30";Ikke registrert',
    ]);
  });

  it('offers no registrations file when nobody has registered', async () => {
    const { wrapper } = await mountView(accessTokenFor('coordination.member'), { gatherings: [haldenOnly] });

    expect(wrapper.find('[data-testid="gatherings-download-csv"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="gatherings-registrations-csv"]').exists()).toBe(false);
  });
});

describe('removing a registration', () => {
  /** The upcoming gathering with the signed-in Follo adviser (Amira Haddad) and a colleague registered. */
  const withOwn: GatheringItem = {
    ...upcoming,
    registrations: [
      ...upcoming.registrations,
      {
        adviserId: 'a-4',
        adviser: { id: 'a-4', name: 'Amira Haddad' },
        region: { id: 'follo', name: 'Follo' },
        registeredAt: '2099-08-02T08:00:00.000Z',
        attended: null,
      },
    ],
  };
  /** A registration from before registrations were checked: the regions service knows no such adviser. */
  const dangling = {
    adviserId: 'a-unknown',
    adviser: null,
    region: { id: 'follo', name: 'Follo' },
    registeredAt: '2099-07-01T08:00:00.000Z',
    attended: null,
  };

  afterEach(() => {
    setAccessTokenSource(undefined);
  });

  it('unregisters with both ids as variables and loads the year again; NOT_FOUND says so and reloads too', async () => {
    let gone = false;
    const { calls } = stubGraphQL(({ body }) => {
      if (body.query.includes('unregisterFromGathering')) {
        return gone
          ? jsonResponse({
              errors: [
                { message: 'The adviser is not registered for this gathering.', extensions: { code: 'NOT_FOUND' } },
              ],
            })
          : jsonResponse({ data: { unregisterFromGathering: { id: 'g-2' } } });
      }
      return jsonResponse({ data: { gatherings: [held, upcoming], gatheringYear: gatheringYear2024 } });
    });
    const pinia = createPinia();
    const { result } = runInComponent(
      () => ({ year: useGatheringYear(2024), actions: useGatheringActions() }),
      [pinia, queryLayer(pinia)],
    );
    await flushPromises();
    const { actions } = result;

    expect(await actions.unregister('g-2', 'a-4')).toBe(true);
    await flushPromises();
    expect(calls[1]?.body.query).toContain('mutation UnregisterFromGathering');
    expect(calls[1]?.body.variables).toEqual({ gatheringId: 'g-2', adviserId: 'a-4' });
    expect(calls[2]?.body.variables).toEqual({ year: 2024 });

    gone = true;
    expect(await actions.unregister('g-2', 'a-4')).toBe(false);
    await flushPromises();
    expect(actions.actionError.value).toMatchObject({
      action: 'unregister',
      gatheringId: 'g-2',
      codes: ['NOT_FOUND'],
    });
    expect(calls).toHaveLength(5);
  });

  it("keeps the year's gatherings when one registration names an adviser the regions service does not know", async () => {
    stubGraphQL(({ body }) => {
      const year = (body.variables as { year: number }).year;
      // In 2024 the error is on a registration's adviser; in 2023 on a gathering's title, which fails the answer.
      const path = year === 2024 ? ['gatherings', 1, 'registrations', 0, 'adviser'] : ['gatherings', 1, 'title'];
      return jsonResponse({
        data: {
          gatherings: [held, { ...upcoming, registrations: [dangling, ...upcoming.registrations] }],
          gatheringYear: { ...gatheringYear2024, year },
        },
        errors: [
          { message: 'The regions subgraph knows no adviser a-unknown', path, extensions: { code: 'NOT_FOUND' } },
        ],
      });
    });
    const pinia = createPinia();
    const year = ref(2024);
    const { result: gatheringYear } = runInComponent(() => useGatheringYear(year), [pinia, queryLayer(pinia)]);
    await flushPromises();
    expect(gatheringYear.error.value).toBeNull();
    expect(gatheringYear.gatherings.value[1]?.registrations[0]).toEqual(dangling);

    // Any other error still fails the answer, and the year before does not stay on screen under it.
    year.value = 2023;
    await flushPromises();
    expect(gatheringYear.error.value).not.toBeNull();
    expect(gatheringYear.gatherings.value).toEqual([]);
    expect(gatheringYear.year.value).toBeNull();
  });

  it("offers an adviser to unregister themselves, not a colleague, and sends the adviser's id", async () => {
    const { wrapper, actions } = await mountView(accessTokenFor('follo.adviser'), { gatherings: [held, withOwn] });
    await open(wrapper, 'g-2');

    expect(wrapper.find('[data-testid="gathering-unregister-g-2-a-3"]').exists()).toBe(false);
    const button = wrapper.get('[data-testid="gathering-unregister-g-2-a-4"]');
    expect(button.text()).toBe('Meld av');
    expect(button.attributes('aria-label')).toBe('Meld av Amira Haddad');
    await button.trigger('click');
    await flushPromises();
    expect(actions.unregister).toHaveBeenCalledWith('g-2', 'a-4');
    // A gathering that was held: no more removing for an adviser.
    await open(wrapper, 'g-1');
    expect(wrapper.find('[data-testid="gathering-unregister-g-1-a-1"]').exists()).toBe(false);
  });

  it("lets a municipality officer remove their region's registrations", async () => {
    const { wrapper } = await mountView(accessTokenFor('nordrefollo.officer'), { gatherings: [held, withOwn] });
    await open(wrapper, 'g-2');
    expect(wrapper.find('[data-testid="gathering-unregister-g-2-a-3"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="gathering-unregister-g-2-a-4"]').exists()).toBe(true);
  });

  it('shows an unknown adviser by id, and lets those who hold the gatherings remove the registration', async () => {
    const withDangling = { ...held, registrations: [dangling, ...held.registrations] };
    const { wrapper, actions } = await mountView(partnerTokenFor('innovasjon.norge'), {
      gatherings: [withDangling, upcoming],
    });
    await open(wrapper, 'g-1');

    const rows = wrapper.findAll('[data-testid="gathering-registrations-g-1"] tbody tr').map((row) => row.text());
    expect(rows[0]).toContain('Ukjent veileder (a-unknown)');
    expect(rows[1]).toContain('Amira Haddad');
    await wrapper.get('[data-testid="gathering-unregister-g-1-a-unknown"]').trigger('click');
    await flushPromises();
    expect(actions.unregister).toHaveBeenCalledWith('g-1', 'a-unknown');
  });
});
