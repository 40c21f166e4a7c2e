// The client page's record sections (follow-ups, milestones, survey answers, links): lists and empty states,
// who may record, what is sent, the server's field errors beside the fields, focus and Escape, success messages.
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { checkPastDate, checkRequiredText, foundErrors, newestFirst } from '../src/composables/clientRecordRules';
import { todayInOslo } from '../src/composables/osloCalendar';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { type ClientDetail, useClientDetail } from '../src/queries/client';
import {
  useAddClientLink,
  useRecordFollowUp,
  useRecordMilestone,
  useRecordSurveyResponse,
} from '../src/queries/clientRecords';
import ClientView from '../src/views/ClientView.vue';
import { clientPageAnswers, nadia } from './clients-fixtures';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  forbidNetwork,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  runInComponent,
  stubGraphQL,
  testingPinia,
} from './fixtures';

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const isDetail = (call: GraphQLCall) => call.body.query.includes('query ClientDetail');

describe('client record rules', () => {
  it('takes a day up to today, as the server does, and asks for one', () => {
    expect(checkPastDate('2024-10-01', '2024-10-01')).toBeNull();
    expect(checkPastDate('2024-10-02', '2024-10-01')).toBe('future');
    expect(checkPastDate('', '2024-10-01')).toBe('required');
  });

  it('asks for a text, trimmed, of at most the length the server takes', () => {
    expect(checkRequiredText('  ', 10)).toBe('required');
    expect(checkRequiredText(` ${'x'.repeat(10)} `, 10)).toBeNull();
    expect(checkRequiredText('x'.repeat(11), 10)).toBe('tooLong');
  });

  it('keeps only the errors found, and lists newest first', () => {
    expect(foundErrors({ date: null, note: 'required' as const })).toEqual({ note: 'required' });
    expect(newestFirst([{ date: '2024-01-02' }, { date: '2024-03-01' }, { date: '2023-12-31' }])).toEqual([
      { date: '2024-03-01' },
      { date: '2024-01-02' },
      { date: '2023-12-31' },
    ]);
  });
});

/** The record forms' saves as the client's page uses them, with the client (of 2024) on screen. */
function recordForms() {
  const pinia = createPinia();
  setActivePinia(pinia);
  return runInComponent(
    () => ({
      page: useClientDetail('client-7', 2024),
      followUp: useRecordFollowUp(),
      milestone: useRecordMilestone(),
      survey: useRecordSurveyResponse(),
      link: useAddClientLink(),
    }),
    [pinia, queryLayer(pinia)],
  ).result;
}

/** A refusal as the gateway answers it. */
const refusal = (message: string, code: string, field?: string) =>
  jsonResponse({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });

describe("saving the client page's records", () => {
  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('records a follow-up, then loads the client again so it shows', async () => {
    const followUp = { id: 'follow-up-3', date: '2024-10-01', note: 'Ringte.', adviser: { id: 'a', name: 'Ola Berg' } };
    let recorded = false;
    const { calls } = stubGraphQL((call) => {
      if (isDetail(call)) {
        return jsonResponse({
          data: { client: recorded ? { ...nadia, followUps: [...nadia.followUps, followUp] } : nadia },
        });
      }
      recorded = true;
      return jsonResponse({ data: { recordFollowUp: { id: 'follow-up-3' } } });
    });
    const { page, followUp: store } = recordForms();
    await flushPromises();
    const input = { clientId: 'client-7', date: '2024-10-01', note: 'Ringte.' };

    expect(await store.record(input)).toBe(true);
    await flushPromises();

    expect(calls[1]?.body.query).toContain('recordFollowUp(input: $input)');
    expect(calls[1]?.body.variables).toEqual({ input });
    expect(calls[2]?.body.variables).toEqual({ id: 'client-7', year: 2024 });
    expect(page.client.value?.followUps).toHaveLength(nadia.followUps.length + 1);
    expect(store.actionError.value).toBeNull();
  });

  it("gives a milestone's field errors by argument, without the prefix, and loads nothing", async () => {
    const { calls } = stubGraphQL((call) =>
      isDetail(call)
        ? jsonResponse({ data: { client: nadia } })
        : refusal('milestone.reachedOn: not in the future', 'BAD_USER_INPUT', 'milestone.reachedOn'),
    );
    const { milestone: store } = recordForms();
    await flushPromises();

    expect(await store.record('client-7', 'FIRST_REVENUE', '2024-10-01')).toBe(false);
    await flushPromises();

    expect(calls[1]?.body.variables).toEqual({ clientId: 'client-7', kind: 'FIRST_REVENUE', reachedOn: '2024-10-01' });
    expect(calls).toHaveLength(2);
    expect(store.actionError.value).toEqual({
      message: 'milestone.reachedOn: not in the future',
      codes: ['BAD_USER_INPUT'],
      fieldErrors: { reachedOn: 'not in the future' },
    });
  });

  it("keeps the region's survey results the server answers a recorded answer with", async () => {
    stubGraphQL((call) =>
      isDetail(call)
        ? jsonResponse({ data: { client: nadia } })
        : jsonResponse({ data: { recordSurveyResponse: { year: 2024, responses: 12, averageScore: 5.25 } } }),
    );
    const { survey: store } = recordForms();

    const ok = await store.record({
      clientId: 'client-7',
      occasion: 'AFTER_COUNSELLING',
      courseId: null,
      score: 5,
      comment: null,
      answeredOn: '2024-10-01',
    });

    expect(ok).toBe(true);
    expect(store.surveyResults.value).toEqual({ year: 2024, responses: 12, averageScore: 5.25 });
  });

  it('adds a link with the input as it is', async () => {
    const { calls } = stubGraphQL((call) =>
      isDetail(call)
        ? jsonResponse({ data: { client: nadia } })
        : jsonResponse({ data: { addClientLink: { id: 'link-3' } } }),
    );
    const { link: store } = recordForms();
    await flushPromises();
    const input = { clientId: 'client-7', kind: 'CLUSTER' as const, name: 'Oslo Cancer Cluster', since: '2024-09-01' };

    expect(await store.add(input)).toBe(true);
    expect(calls[1]?.body.query).toContain('addClientLink(input: $input)');
    expect(calls[1]?.body.variables).toEqual({ input });
  });
});

/**
 * The client's page against a stubbed gateway; a test sets what the gateway answers each of the record forms'
 * mutations with in `gateway.answers`, by operation name (a mutation it does not answer fails the test).
 */
async function mountClient(username: DemoUsername, client: ClientDetail = nadia, locale: 'nb' | 'en' = 'nb') {
  const gateway = { answers: {} as Record<string, (call: GraphQLCall) => Response> };
  const { calls } = stubGraphQL(
    clientPageAnswers(
      () => client,
      (call) => gateway.answers[/mutation (\w+)/.exec(call.body.query)?.[1] ?? '']?.(call),
    ),
  );
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/clients', name: 'clients', component: { template: '<div />' } },
      { path: '/clients/:id', name: 'client', component: ClientView },
      { path: '/referrals', name: 'referrals', component: { template: '<div />' } },
    ],
  });
  await router.push(`/clients/${client.id}`);
  await router.isReady();
  const wrapper = mount(ClientView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n(locale)] },
    attachTo: document.body,
  });
  await flushPromises();
  /** The variables of each `name` mutation sent. */
  const sent = (name: string) =>
    calls.filter((call) => call.body.query.includes(`mutation ${name}(`)).map((call) => call.body.variables);
  return { wrapper, gateway, sent };
}

/** Each row's cells, joined with " | ". */
const rowsText = (wrapper: VueWrapper, selector: string) =>
  wrapper.findAll(selector).map((row) =>
    row
      .findAll('th, td')
      .map((cell) => plain(cell.text()))
      .join(' | '),
  );

enableAutoUnmount(afterEach);

describe('the client page lists the records', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('shows follow-ups newest first, milestones in date order and links, each under its own heading', async () => {
    const { wrapper } = await mountClient('nordrefollo.officer');

    expect(wrapper.get('#client-follow-ups').text()).toBe('Oppfølging');
    expect(rowsText(wrapper, '[data-follow-up-row]')).toEqual([
      '12.09.2024 | Vurderer å ansette. | Ola Berg',
      '03.06.2024 | Har fått første kunde. Avtalt nytt møte i august. | Amira Haddad',
    ]);
    expect(wrapper.findAll('[data-testid="follow-ups"] th[scope="col"]').map((th) => th.text())).toEqual([
      'Dato',
      'Notat',
      'Veileder',
    ]);
    expect(rowsText(wrapper, '[data-milestone-row]')).toEqual(['Foretak registrert | 01.05.2024']);
    expect(rowsText(wrapper, '[data-link-row]')).toEqual([
      'Ås Inkubator | Inkubator | 15.02.2024',
      'Kari Nordmann | Mentor | 01.04.2024',
    ]);
  });

  it('says so when there is nothing yet, and offers the owners of the list no forms', async () => {
    const { wrapper } = await mountClient('nordrefollo.officer', {
      ...nadia,
      followUps: [],
      milestones: [],
      links: [],
    });

    expect(wrapper.get('[data-testid="follow-ups-empty"]').text()).toBe('Ingen oppfølginger er registrert.');
    expect(wrapper.get('[data-testid="milestones-empty"]').text()).toBe('Ingen milepæler er nådd.');
    expect(wrapper.get('[data-testid="links-empty"]').text()).toBe(
      'Klienten er ikke koblet til noen mentor, bedrift eller noe kompetansemiljø.',
    );
    for (const button of ['follow-up-open', 'milestone-open', 'survey-open', 'link-open']) {
      expect(wrapper.find(`[data-testid="${button}"]`).exists()).toBe(false);
    }
  });

  it('reads in English too', async () => {
    const { wrapper } = await mountClient('follo.adviser', nadia, 'en');

    expect(wrapper.findAll('h2').map((heading) => heading.text())).toEqual(
      expect.arrayContaining(['Milestones', 'Follow-up', 'Links to the business community', 'User survey']),
    );
    // A day with the month in words, as everywhere in the English console: no reader takes it for month/day.
    expect(rowsText(wrapper, '[data-link-row]')[1]).toBe('Kari Nordmann | Mentor | Apr 1, 2024');
    expect(wrapper.get('[data-testid="survey-open"]').text()).toBe('Record an answer');
  });

  it('offers an erased client no forms, even to its adviser', async () => {
    const { wrapper } = await mountClient('follo.adviser', { ...nadia, erasedAt: '2027-01-01T00:00:00Z' });
    for (const button of ['follow-up-open', 'milestone-open', 'survey-open', 'link-open']) {
      expect(wrapper.find(`[data-testid="${button}"]`).exists()).toBe(false);
    }
  });
});

describe('recording a follow-up', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('moves the focus into the form, and Escape closes it and gives the focus back to the button', async () => {
    const { wrapper } = await mountClient('follo.adviser');
    await wrapper.get('[data-testid="follow-up-open"]').trigger('click');
    await flushPromises();

    expect(document.activeElement?.id).toBe('follow-up-date');
    expect(wrapper.get<HTMLInputElement>('[data-testid="follow-up-date"]').element.value).toBe(todayInOslo());

    await wrapper.get('[data-testid="follow-up-note"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();

    expect(wrapper.find('[data-testid="follow-up-form"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="follow-up-open"]').element);
  });

  it('sends nothing without a note or with a future date, and says so at the fields', async () => {
    const { wrapper, sent } = await mountClient('follo.adviser');
    await wrapper.get('[data-testid="follow-up-open"]').trigger('click');
    await wrapper.get('[data-testid="follow-up-date"]').setValue('2999-01-01');
    await wrapper.get('[data-testid="follow-up-note"]').setValue('   ');

    await wrapper.get('[data-testid="follow-up-form"]').trigger('submit');
    await flushPromises();

    expect(sent('RecordFollowUp')).toEqual([]);
    expect(wrapper.get('[data-testid="follow-up-error-date"]').text()).toBe('Datoen kan ikke være i fremtiden.');
    expect(wrapper.get('[data-testid="follow-up-error-note"]').text()).toBe('Fyll ut feltet.');
    expect(wrapper.get('[data-testid="follow-up-note"]').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('follow-up-date');
  });

  it('takes a message away as soon as its field is fixed, and only that one', async () => {
    const { wrapper } = await mountClient('follo.adviser');
    await wrapper.get('[data-testid="follow-up-open"]').trigger('click');
    await wrapper.get('[data-testid="follow-up-date"]').setValue('2999-01-01');
    await wrapper.get('[data-testid="follow-up-note"]').setValue('   ');
    await wrapper.get('[data-testid="follow-up-form"]').trigger('submit');
    await flushPromises();

    await wrapper.get('[data-testid="follow-up-note"]').setValue('Ringte om budsjettet.');
    expect(wrapper.get('[data-testid="follow-up-error-note"]').text()).toBe('');
    expect(wrapper.get('[data-testid="follow-up-note"]').attributes('aria-invalid')).toBeUndefined();
    expect(wrapper.get('[data-testid="follow-up-error-date"]').text()).toBe('Datoen kan ikke være i fremtiden.');
  });

  it("shows the server's field error beside its field and focuses it", async () => {
    const { wrapper, gateway } = await mountClient('follo.adviser');
    gateway.answers.RecordFollowUp = () =>
      refusal('input.note: at most 5000 characters', 'BAD_USER_INPUT', 'input.note');
    await wrapper.get('[data-testid="follow-up-open"]').trigger('click');
    await wrapper.get('[data-testid="follow-up-note"]').setValue('Ringte om budsjettet.');

    await wrapper.get('[data-testid="follow-up-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="follow-up-error-note"]').text()).toBe('Høyst 5000 tegn.');
    expect(wrapper.get('[data-testid="follow-up-action-error"]').text()).toBe('Rett feltene som er merket.');
    expect(document.activeElement?.id).toBe('follow-up-note');
  });

  it('sends the trimmed note and confirms beside the button, which the focus moves to', async () => {
    const { wrapper, gateway, sent } = await mountClient('follo.adviser');
    gateway.answers.RecordFollowUp = () => jsonResponse({ data: { recordFollowUp: { id: 'follow-up-3' } } });
    await wrapper.get('[data-testid="follow-up-open"]').trigger('click');
    await wrapper.get('[data-testid="follow-up-date"]').setValue('2024-10-01');
    await wrapper.get('[data-testid="follow-up-note"]').setValue('  Ringte om budsjettet. ');

    await wrapper.get('[data-testid="follow-up-form"]').trigger('submit');
    await flushPromises();

    expect(sent('RecordFollowUp')).toEqual([
      { input: { clientId: 'client-7', date: '2024-10-01', note: 'Ringte om budsjettet.' } },
    ]);
    expect(wrapper.find('[data-testid="follow-up-form"]').exists()).toBe(false);
    const notice = wrapper.get('[data-testid="follow-up-notice"]');
    expect(notice.text()).toBe('Oppfølgingen er registrert.');
    expect(notice.attributes('role')).toBe('status');
    expect(document.activeElement).toBe(notice.element);
    expect(notice.element.parentElement?.contains(wrapper.get('[data-testid="follow-up-open"]').element)).toBe(true);
  });
});

describe('recording a milestone', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('offers only the milestones not reached yet and sends the one chosen', async () => {
    const { wrapper, gateway, sent } = await mountClient('follo.adviser');
    gateway.answers.RecordMilestone = (call) =>
      jsonResponse({
        data: { recordMilestone: { kind: call.body.variables?.kind, reachedOn: call.body.variables?.reachedOn } },
      });
    await wrapper.get('[data-testid="milestone-open"]').trigger('click');
    await flushPromises();

    expect(document.activeElement?.id).toBe('milestone-kind');
    const offered = wrapper
      .findAll('[data-testid="milestone-kind"] option')
      .filter((option) => option.attributes('value') !== '')
      .map((option) => option.text());
    expect(offered).toEqual([
      'Første inntekt',
      'Første ansatte',
      'Aktiv etter 1 år',
      'Aktiv etter 2 år',
      'Aktiv etter 3 år',
    ]);
    await wrapper.get('[data-testid="milestone-kind"]').setValue('FIRST_EMPLOYEE');
    await wrapper.get('[data-testid="milestone-reached-on"]').setValue('2024-08-15');
    await wrapper.get('[data-testid="milestone-form"]').trigger('submit');
    await flushPromises();

    expect(sent('RecordMilestone')).toEqual([
      { clientId: 'client-7', kind: 'FIRST_EMPLOYEE', reachedOn: '2024-08-15' },
    ]);
    expect(wrapper.get('[data-testid="milestone-notice"]').text()).toBe('Milepælen «Første ansatte» er registrert.');
  });

  it("shows the server's refusal of a milestone kind beside the field, in Norwegian", async () => {
    const { wrapper, gateway } = await mountClient('follo.adviser');
    const reason = 'survival now comes from the register of legal entities; it is not recorded by hand';
    gateway.answers.RecordMilestone = () => refusal(`milestone.kind: ${reason}`, 'BAD_USER_INPUT', 'milestone.kind');
    await wrapper.get('[data-testid="milestone-open"]').trigger('click');
    await wrapper.get('[data-testid="milestone-kind"]').setValue('ACTIVE_AFTER_1_YEAR');
    await wrapper.get('[data-testid="milestone-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="milestone-error-kind"]').text()).toBe(
      'Tjenesten godtok ikke verdien i dette feltet.',
    );
    expect(wrapper.get('[data-testid="milestone-kind"]').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('milestone-kind');
    expect(wrapper.find('[data-testid="milestone-form"]').exists()).toBe(true);
  });

  it('says the milestone is reached already when the server answers CONFLICT', async () => {
    const { wrapper, gateway } = await mountClient('follo.adviser');
    gateway.answers.RecordMilestone = () => refusal('The client has reached FIRST_REVENUE already.', 'CONFLICT');
    await wrapper.get('[data-testid="milestone-open"]').trigger('click');
    await wrapper.get('[data-testid="milestone-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="milestone-error-kind"]').text()).toBe(
      'Klienten har allerede nådd denne milepælen.',
    );
  });

  it('says when every milestone is reached instead of offering an empty form', async () => {
    const reachedAll = [
      'BUSINESS_REGISTERED',
      'FIRST_REVENUE',
      'FIRST_EMPLOYEE',
      'ACTIVE_AFTER_1_YEAR',
      'ACTIVE_AFTER_2_YEARS',
      'ACTIVE_AFTER_3_YEARS',
    ] as const;
    const { wrapper } = await mountClient('follo.adviser', {
      ...nadia,
      milestones: reachedAll.map((kind) => ({ kind, reachedOn: '2024-05-01' })),
    });
    expect(wrapper.find('[data-testid="milestone-open"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="milestones-all-reached"]').text()).toBe('Klienten har nådd alle milepælene.');
  });
});

describe('recording a survey answer', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('is not offered for a client who has not agreed to surveys', async () => {
    const { wrapper } = await mountClient('follo.adviser', { ...nadia, surveyConsent: false });
    expect(wrapper.find('[data-testid="survey-open"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="survey-no-consent"]').text()).toBe(
      'Klienten har ikke samtykket til brukerundersøkelser, så svar kan ikke registreres.',
    );
  });

  it('asks for a score, and for a course the client attended after a course', async () => {
    const { wrapper, sent } = await mountClient('follo.adviser', {
      ...nadia,
      enrolments: [
        ...nadia.enrolments,
        {
          id: 'enrolment-2',
          status: 'ENROLLED',
          attended: false,
          waitlistPosition: null,
          course: { id: 'course-2', title: 'Markedsføring', startsOn: '2024-04-04' },
        },
      ],
    });
    await wrapper.get('[data-testid="survey-open"]').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('survey-occasion-AFTER_COUNSELLING');

    await wrapper.get('[data-testid="survey-occasion-AFTER_COURSE"]').setValue(true);
    const courses = wrapper
      .findAll('[data-testid="survey-course"] option')
      .filter((option) => option.attributes('value') !== '')
      .map((option) => option.text());
    expect(courses).toEqual(['Etablererkurs']);

    await wrapper.get('[data-testid="survey-form"]').trigger('submit');
    await flushPromises();

    expect(sent('RecordSurveyResponse')).toEqual([]);
    expect(wrapper.get('[data-testid="survey-error-courseId"]').text()).toBe('Velg kurset klienten svarer om.');
    expect(wrapper.get('[data-testid="survey-error-score"]').text()).toBe('Velg en karakter fra 1 til 6.');
    expect(document.activeElement?.id).toBe('survey-course');
  });

  it("sends the answer and confirms it with the region's results for the year", async () => {
    const { wrapper, gateway, sent } = await mountClient('follo.adviser');
    gateway.answers.RecordSurveyResponse = () =>
      jsonResponse({ data: { recordSurveyResponse: { year: 2024, responses: 12, averageScore: 5.25 } } });
    await wrapper.get('[data-testid="survey-open"]').trigger('click');
    await wrapper.get('[data-testid="survey-occasion-AFTER_COURSE"]').setValue(true);
    await wrapper.get('[data-testid="survey-course"]').setValue('course-1');
    await wrapper.get('[data-testid="survey-score-5"]').setValue(true);
    await wrapper.get('[data-testid="survey-comment"]').setValue(' Nyttig kurs. ');
    await wrapper.get('[data-testid="survey-answered-on"]').setValue('2024-03-20');

    await wrapper.get('[data-testid="survey-form"]').trigger('submit');
    await flushPromises();

    expect(sent('RecordSurveyResponse')).toEqual([
      {
        input: {
          clientId: 'client-7',
          occasion: 'AFTER_COURSE',
          courseId: 'course-1',
          score: 5,
          comment: 'Nyttig kurs.',
          answeredOn: '2024-03-20',
        },
      },
    ]);
    expect(plain(wrapper.get('[data-testid="survey-notice"]').text())).toBe(
      'Svaret er registrert. Regionens resultater i 2024: 12 svar, snittkarakter 5,3.',
    );
  });

  it('says the results are suppressed when the server gives no figures', async () => {
    const { wrapper, gateway, sent } = await mountClient('follo.adviser');
    gateway.answers.RecordSurveyResponse = () =>
      jsonResponse({ data: { recordSurveyResponse: { year: 2024, responses: null, averageScore: null } } });
    await wrapper.get('[data-testid="survey-open"]').trigger('click');
    await wrapper.get('[data-testid="survey-score-3"]').setValue(true);
    await wrapper.get('[data-testid="survey-form"]').trigger('submit');
    await flushPromises();

    expect(sent('RecordSurveyResponse')).toEqual([
      { input: expect.objectContaining({ occasion: 'AFTER_COUNSELLING', courseId: null, score: 3, comment: null }) },
    ]);
    expect(plain(wrapper.get('[data-testid="survey-notice"]').text())).toBe(
      'Svaret er registrert. Regionens resultater for 2024 vises først når de bygger på minst 5 svar.',
    );
  });

  it("shows the server's message about the client in the form", async () => {
    const { wrapper, gateway } = await mountClient('follo.adviser');
    gateway.answers.RecordSurveyResponse = () =>
      refusal(
        'input.clientId: the client has not agreed to be contacted for surveys',
        'BAD_USER_INPUT',
        'input.clientId',
      );
    await wrapper.get('[data-testid="survey-open"]').trigger('click');
    await wrapper.get('[data-testid="survey-score-4"]').setValue(true);
    await wrapper.get('[data-testid="survey-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="survey-action-error"]').text()).toBe('Tjenesten godtok ikke det som ble sendt.');
  });
});

describe('adding a link', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  it('checks kind and name, then sends the link and names it in the confirmation', async () => {
    const { wrapper, gateway, sent } = await mountClient('follo.adviser');
    gateway.answers.AddClientLink = () => jsonResponse({ data: { addClientLink: { id: 'link-3' } } });
    await wrapper.get('[data-testid="link-open"]').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('link-kind');

    await wrapper.get('[data-testid="link-form"]').trigger('submit');
    await flushPromises();
    expect(sent('AddClientLink')).toEqual([]);
    expect(wrapper.get('[data-testid="link-error-kind"]').text()).toBe('Fyll ut feltet.');
    expect(wrapper.get('[data-testid="link-error-name"]').text()).toBe('Fyll ut feltet.');

    await wrapper.get('[data-testid="link-kind"]').setValue('MENTOR');
    await wrapper.get('[data-testid="link-name"]').setValue(' Per Hansen ');
    await wrapper.get('[data-testid="link-since"]').setValue('2024-09-01');
    await wrapper.get('[data-testid="link-form"]').trigger('submit');
    await flushPromises();

    expect(sent('AddClientLink')).toEqual([
      { input: { clientId: 'client-7', kind: 'MENTOR', name: 'Per Hansen', since: '2024-09-01' } },
    ]);
    expect(wrapper.get('[data-testid="link-notice"]').text()).toBe('Koblingen til Per Hansen er lagt til.');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="link-notice"]').element);
  });

  it('closes on Escape without sending', async () => {
    const { wrapper, sent } = await mountClient('follo.adviser');
    await wrapper.get('[data-testid="link-open"]').trigger('click');
    await wrapper.get('[data-testid="link-name"]').setValue('Per Hansen');
    await wrapper.get('[data-testid="link-name"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();

    expect(sent('AddClientLink')).toEqual([]);
    expect(wrapper.find('[data-testid="link-form"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="link-open"]').element);
  });
});
