// "Enrol on a course" on a client's page: who is offered it, the region's open courses to pick from, and the three answers (a place, the waiting list, already on it).
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import EnrolOnCourse from '../src/components/EnrolOnCourse.vue';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { type ClientDetail, useClientDetail } from '../src/queries/client';
import ClientView from '../src/views/ClientView.vue';
import { clientPageAnswers, nadia } from './clients-fixtures';
import { openCoursesNextYear, openCoursesThisYear } from './courses-fixtures';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  forbidNetwork,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  stubGraphQL,
  testingPinia,
} from './fixtures';

const operation = (call: GraphQLCall | undefined) => /(query|mutation) (\w+)/.exec(call?.body.query ?? '')?.[2];

/** Nadia as the gateway returns her after the enrolment: with a place on the theme course. */
const nadiaEnrolled: ClientDetail = {
  ...nadia,
  enrolments: [
    {
      id: 'enrolment-new',
      status: 'ENROLLED',
      attended: null,
      waitlistPosition: null,
      course: { id: 'theme', title: 'Markedsføring', startsOn: '2027-03-10' },
    },
    ...nadia.enrolments,
  ],
};

type EnrolAnswer = 'ENROLLED' | 'WAITLISTED' | 'CONFLICT';

/** The gateway: Nadia as she is (with the new place once she got one), the open courses, and `answer` to enrolClient. */
function stubGateway(answer: () => EnrolAnswer) {
  let enrolled = false;
  return stubGraphQL((call) => {
    switch (operation(call)) {
      case 'OpenCourses':
        return jsonResponse({
          data: { region: { id: 'follo', thisYear: openCoursesThisYear, nextYear: openCoursesNextYear } },
        });
      case 'ClientDetail':
        return jsonResponse({ data: { client: enrolled ? nadiaEnrolled : nadia } });
      case 'EnrolClient': {
        const status = answer();
        enrolled = status !== 'CONFLICT';
        if (status === 'CONFLICT') {
          return jsonResponse({
            errors: [
              {
                message: 'The client is on this course or its waiting list already.',
                extensions: { code: 'CONFLICT' },
              },
            ],
          });
        }
        const courseId = String(call.body.variables?.courseId);
        return jsonResponse({
          data: {
            enrolClient: {
              id: 'enrolment-new',
              status,
              waitlistPosition: status === 'WAITLISTED' ? 4 : null,
              course: {
                id: courseId,
                title: courseId === 'theme' ? 'Markedsføring' : 'Etablererkurs vår',
              },
            },
          },
        });
      }
      default:
        throw new Error(`Unexpected operation ${operation(call)}`);
    }
  });
}

/** The enrolment form as the client's page holds it: under Nadia's record, as the query layer has it. */
async function mountEnrol(username: DemoUsername = 'follo.adviser') {
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const ClientsCourses = defineComponent({
    setup() {
      const { client } = useClientDetail('client-7', 2024);
      return () =>
        client.value
          ? h(EnrolOnCourse, {
              clientId: client.value.id,
              clientName: client.value.name,
              enrolments: client.value.enrolments,
            })
          : null;
    },
  });
  const wrapper = mount(ClientsCourses, {
    global: { plugins: [pinia, queryLayer(pinia), createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper };
}

async function openAndPick(wrapper: Awaited<ReturnType<typeof mountEnrol>>['wrapper'], courseId: string) {
  await wrapper.get('[data-testid="enrol-open"]').trigger('click');
  await flushPromises();
  await wrapper.get('[data-testid="enrol-course"]').setValue(courseId);
  await wrapper.get('[data-testid="enrol-form"]').trigger('submit');
  await flushPromises();
}

enableAutoUnmount(afterEach);

describe('EnrolOnCourse', () => {
  beforeEach(() => {
    forbidNetwork();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-10T12:00:00'));
  });

  afterEach(() => {
    vi.useRealTimers();
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it("lists the adviser's region's upcoming open courses, with places left or the waiting list", async () => {
    const { calls } = stubGateway(() => 'ENROLLED');
    const { wrapper } = await mountEnrol();

    await wrapper.get('[data-testid="enrol-open"]').trigger('click');
    await flushPromises();

    expect(calls.map(operation)).toEqual(['ClientDetail', 'OpenCourses']);
    expect(calls[1]?.body.variables).toEqual({ regionId: 'follo', year: 2026, nextYear: 2027 });
    const select = wrapper.get('[data-testid="enrol-course"]');
    expect(document.activeElement).toBe(select.element);
    expect(select.findAll('option').map((option) => option.text().replace(/\u00a0/g, ' '))).toEqual([
      'Velg et kurs',
      'Etablererkurs desember, 14.12.2026 (4 ledige plasser)',
      'Etablererkurs vår, 03.02.2027 (fullt, 3 på venteliste)',
      'Markedsføring, 10.03.2027 (18 ledige plasser)',
    ]);

    await select.setValue('course-basic');
    expect(wrapper.get('[data-testid="enrol-course-hint"]').text()).toContain(
      'Kurset er fullt: klienten får plass på ventelisten.',
    );
  });

  it('asks for a course before sending', async () => {
    const { calls } = stubGateway(() => 'ENROLLED');
    const { wrapper } = await mountEnrol();

    await wrapper.get('[data-testid="enrol-open"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="enrol-form"]').trigger('submit');
    await flushPromises();

    expect(calls.map(operation)).toEqual(['ClientDetail', 'OpenCourses']);
    expect(wrapper.get('[data-testid="enrol-course-error"]').text()).toBe('Velg et kurs.');
    expect(wrapper.get('[data-testid="enrol-course"]').attributes('aria-invalid')).toBe('true');
  });

  it('takes the message away once a course is chosen, and closes on Escape with the focus back on its button', async () => {
    stubGateway(() => 'ENROLLED');
    const { wrapper } = await mountEnrol();
    await wrapper.get('[data-testid="enrol-open"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="enrol-form"]').trigger('submit');
    await flushPromises();
    const select = wrapper.get<HTMLSelectElement>('[data-testid="enrol-course"]');
    const open = select
      .findAll('option')
      .find((option) => option.attributes('value') && !option.attributes('disabled'));
    await select.setValue(open?.attributes('value'));
    expect(wrapper.get('[data-testid="enrol-course-error"]').text()).toBe('');

    await wrapper.get('[data-testid="enrol-form"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-testid="enrol-form"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="enrol-open"]').element);
  });

  it("enrols the client, says so, and loads the client's courses again", async () => {
    const { calls } = stubGateway(() => 'ENROLLED');
    const { wrapper } = await mountEnrol();

    await openAndPick(wrapper, 'theme');

    const sent = calls.map(operation);
    expect(sent.slice(0, 3)).toEqual(['ClientDetail', 'OpenCourses', 'EnrolClient']);
    expect(calls[2]?.body.variables).toEqual({ courseId: 'theme', clientId: 'client-7' });
    // The client is asked again after the enrolment, for her courses on the page.
    expect(sent.slice(3)).toContain('ClientDetail');
    expect(wrapper.get('[data-testid="enrol-result"]').text()).toBe('Nadia Rahman er påmeldt «Markedsføring».');
    expect(wrapper.get('[data-testid="enrol-result"]').attributes('role')).toBe('status');
    expect(wrapper.find('[data-testid="enrol-form"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="enrol-open"]').element);

    // Next time the course she holds cannot be picked again.
    await wrapper.get('[data-testid="enrol-open"]').trigger('click');
    await flushPromises();
    const option = wrapper.get('[data-testid="enrol-course"] option[value="theme"]');
    expect(option.attributes('disabled')).toBeDefined();
    expect(option.text()).toContain('allerede påmeldt');
  });

  it('puts the client on the waiting list of a full course and says which place', async () => {
    stubGateway(() => 'WAITLISTED');
    const { wrapper } = await mountEnrol();

    await openAndPick(wrapper, 'course-basic');

    expect(wrapper.get('[data-testid="enrol-result"]').text()).toBe(
      'Nadia Rahman står på ventelisten til «Etablererkurs vår», plass 4.',
    );
  });

  it('says the client is on the course already when the gateway reports a conflict', async () => {
    const { calls } = stubGateway(() => 'CONFLICT');
    const { wrapper } = await mountEnrol();

    await openAndPick(wrapper, 'december');

    expect(wrapper.get('[data-testid="enrol-error"]').text()).toBe(
      'Nadia Rahman er allerede påmeldt eller står på ventelisten til dette kurset.',
    );
    expect(wrapper.get('[data-testid="enrol-error"]').attributes('role')).toBe('alert');
    expect(wrapper.get('[data-testid="enrol-result"]').text()).toBe('');
    // Nothing changed, so the client is not loaded again; the form stays for another choice.
    expect(calls.map(operation)).toEqual(['ClientDetail', 'OpenCourses', 'EnrolClient']);
    expect(wrapper.find('[data-testid="enrol-form"]').exists()).toBe(true);
  });

  it('says so when the region has no upcoming courses', async () => {
    stubGraphQL((call) =>
      operation(call) === 'ClientDetail'
        ? jsonResponse({ data: { client: nadia } })
        : jsonResponse({ data: { region: { id: 'follo', thisYear: [], nextYear: [] } } }),
    );
    const { wrapper } = await mountEnrol();

    await wrapper.get('[data-testid="enrol-open"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-testid="enrol-none"]').text()).toBe(
      'Regionen har ingen kommende kurs med åpen påmelding.',
    );
    expect(wrapper.get('[data-testid="enrol-course"]').attributes('disabled')).toBeDefined();
  });

  it('is not offered to those who do not counsel clients', async () => {
    const { calls } = stubGateway(() => 'ENROLLED');
    const { wrapper } = await mountEnrol('nordrefollo.officer');
    expect(calls.map(operation)).toEqual(['ClientDetail']);
    expect(wrapper.find('[data-testid="enrol-on-course"]').exists()).toBe(false);
  });
});

describe('ClientView with EnrolOnCourse', () => {
  beforeEach(() => {
    forbidNetwork();
  });

  async function mountClientPage(username: DemoUsername) {
    stubGraphQL(clientPageAnswers(() => nadia));
    const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/clients', name: 'clients', component: { template: '<p>clients</p>' } },
        { path: '/clients/:id', name: 'client', component: ClientView },
      ],
    });
    await router.push('/clients/client-7');
    await router.isReady();
    const wrapper = mount(ClientView, {
      global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
      attachTo: document.body,
    });
    await flushPromises();
    return wrapper;
  }

  it("offers the adviser enrolment in the client's courses section", async () => {
    const wrapper = await mountClientPage('follo.adviser');
    const section = wrapper.get('section[aria-labelledby="client-courses"]');
    expect(section.get('[data-testid="enrol-open"]').text()).toBe('Meld på kurs');
  });

  it('offers the municipality officer no enrolment', async () => {
    const wrapper = await mountClientPage('nordrefollo.officer');
    expect(wrapper.find('[data-testid="enrol-open"]').exists()).toBe(false);
  });
});
