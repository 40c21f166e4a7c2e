// The course calendar and a course's page: the waiting list in words, who is offered which action, the new-course form's checks, and the actions' answers.
import { createTestingPinia } from '@pinia/testing';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import App from '../src/App.vue';
import { seesCourses } from '../src/composables/courseAccess';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import type { CourseDetail } from '../src/queries/course';
import type { CalendarCourse } from '../src/queries/courses';
import { createAppRouter } from '../src/router';
import CoursesView from '../src/views/CoursesView.vue';
import CourseView from '../src/views/CourseView.vue';
import {
  afterNadiaCancelled,
  courseRegions,
  folloCourses2027,
  fullBasicCourse,
  startedThemeCourse,
} from './courses-fixtures';
import {
  accessTokenFor,
  createStrictI18n,
  type DemoUsername,
  forbidNetwork,
  type GraphQLCall,
  jsonResponse,
  queryLayer,
  startSignedIn,
  stubGateway,
  stubGraphQL,
  testingPinia,
} from './fixtures';

const { downloadCsv } = vi.hoisted(() => ({ downloadCsv: vi.fn() }));
vi.mock('../src/composables/csv', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/composables/csv')>()),
  downloadCsv,
}));

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const operation = (call: GraphQLCall | undefined) => /(query|mutation) (\w+)/.exec(call?.body.query ?? '')?.[2];

const routes = [
  { path: '/courses', name: 'courses', component: CoursesView },
  { path: '/courses/:id', name: 'course', component: CourseView },
  { path: '/clients/:id', name: 'client', component: { template: '<p>client</p>' } },
];

/** The calendar against a stubbed gateway; `create` answers createCourse (the course added, by default). */
async function mountCalendar(
  username: DemoUsername,
  path: string,
  {
    courses = folloCourses2027 as CalendarCourse[] | 'error',
    regionName = 'Follo' as string | null,
    create,
  }: {
    courses?: CalendarCourse[] | 'error';
    regionName?: string | null;
    create?: (call: GraphQLCall) => Response;
  } = {},
) {
  const { calls } = stubGraphQL((call) => {
    const variables = call.body.variables as Record<string, unknown>;
    switch (operation(call)) {
      case 'CourseRegions':
        return jsonResponse({ data: { regions: courseRegions } });
      case 'CourseCalendar':
        if (courses === 'error') {
          return jsonResponse({ errors: [{ message: 'Down.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        }
        return jsonResponse({
          data: { region: regionName === null ? null : { id: variables.regionId, name: regionName, courses } },
        });
      case 'CourseAdvisers':
        return jsonResponse({
          data: {
            region: {
              id: variables.regionId,
              advisers: [
                { id: 'adviser-1', name: 'Amira Haddad' },
                { id: 'adviser-2', name: 'Jon Lie' },
              ],
            },
          },
        });
      case 'CreateCourse': {
        if (create) return create(call);
        const input = variables.input as { startsOn: string };
        return jsonResponse({ data: { createCourse: { id: 'course-new', startsOn: input.startsOn } } });
      }
      default:
        throw new Error(`Unexpected operation: ${call.body.query}`);
    }
  });
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(CoursesView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  /** The variables of every request for the operation, in order. */
  const asked = (name: string) => calls.filter((call) => operation(call) === name).map((call) => call.body.variables);
  return { wrapper, router, asked, calls };
}

/**
 * A course's page. With `live` the test has stubbed the gateway itself; otherwise the gateway answers the course
 * and nothing else, so an action sent by mistake fails the test.
 */
async function mountCourse(username: DemoUsername, course: CourseDetail, { live = false } = {}) {
  const stub = live
    ? undefined
    : stubGraphQL((call) => {
        if (operation(call) === 'CourseDetail') return jsonResponse({ data: { course } });
        throw new Error(`Unexpected operation: ${call.body.query}`);
      });
  const pinia = testingPinia({ initialState: { auth: { accessToken: accessTokenFor(username) } } });
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(`/courses/${course.id}`);
  await router.isReady();
  const wrapper = mount(CourseView, {
    global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
    attachTo: document.body,
  });
  await flushPromises();
  /** The operations sent, in order (not with `live`, where the test's own stub keeps them). */
  const sent = () => (stub?.calls ?? []).map(operation);
  return { wrapper, router, calls: stub?.calls ?? [], sent };
}

enableAutoUnmount(afterEach);

describe('CoursesView', () => {
  beforeEach(() => {
    downloadCsv.mockClear();
  });

  it("shows an adviser their own region's courses in date order: places, waiting list, fee and place", async () => {
    // Whatever order the gateway sends them in, the calendar reads in date order.
    const { wrapper, asked, calls } = await mountCalendar('follo.adviser', '/courses?year=2027', {
      courses: [...folloCourses2027].reverse(),
    });

    expect(asked('CourseCalendar')).toEqual([{ regionId: 'follo', year: 2027, kind: null }]);
    // Who is enrolled is personal data, read only on a course's own page.
    expect(calls.find((call) => operation(call) === 'CourseCalendar')?.body.query).not.toContain('enrolments');
    expect((wrapper.get('[data-testid="courses-region"]').element as HTMLSelectElement).value).toBe('follo');
    const rows = wrapper.get('[data-testid="courses-table"]').findAll('tbody tr');
    expect(rows.map((row) => row.get('[data-testid="course-link"]').text())).toEqual([
      'Etablererkurs vår',
      'Markedsføring i sosiale medier',
      'Regnskap for nybegynnere',
    ]);
    const cells = (index: number) => rows[index]?.findAll('th, td').map((cell) => plain(cell.text()));
    expect(cells(0)).toEqual([
      'Etablererkurs vår, Etablererkurs, Planlagt',
      '03.02.2027–04.02.2027',
      'Ski rådhus',
      '2 av 2 Fullt',
      '2',
      'Gratis',
    ]);
    expect(cells(1)).toEqual([
      'Markedsføring i sosiale medier, Temakurs, Planlagt',
      '10.03.2027',
      'På nett',
      '7 av 25',
      '0',
      '1 500 kr',
    ]);
    expect(cells(2)).toEqual([
      'Regnskap for nybegynnere, Temakurs, Avlyst',
      '21.04.2027',
      'Ås bibliotek og på nett',
      '0 av 20',
      '0',
      '750,50 kr',
    ]);
    expect(rows[0]?.get('[data-testid="course-link"]').attributes('href')).toBe('/courses/course-basic');
    expect(wrapper.get('[data-testid="courses-new"]').text()).toBe('Nytt kurs');
  });

  it('shows the counts suppressed to an aggregate reader as "–", on screen and in the CSV', async () => {
    const suppressed = folloCourses2027.map((course, index) =>
      index === 1 ? { ...course, capacity: null, enrolledCount: null, waitlistCount: null } : course,
    );
    const { wrapper } = await mountCalendar('coordination.member', '/courses?year=2027', { courses: suppressed });

    const row = wrapper.get('[data-testid="courses-table"]').findAll('tbody tr')[1];
    expect(row?.get('[data-testid="course-taken-course-theme"] [data-suppressed="true"]').text()).toContain('–');
    expect(row?.get('[data-testid="course-waitlist-course-theme"] [data-suppressed="true"]').text()).toContain('–');
    await wrapper.get('[data-testid="courses-download-csv"]').trigger('click');
    const [, rows] = downloadCsv.mock.calls[0] as [string, string[][]];
    expect(rows[2]?.slice(6, 10)).toEqual(['–', '–', '18', '–']);
  });

  it('exports the courses as CSV with the fee as a Norwegian decimal', async () => {
    const { wrapper } = await mountCalendar('follo.adviser', '/courses?year=2027');

    await wrapper.get('[data-testid="courses-download-csv"]').trigger('click');

    expect(downloadCsv).toHaveBeenCalledTimes(1);
    const [fileName, rows] = downloadCsv.mock.calls[0] as [string, string[][]];
    expect(fileName).toBe('kurs-follo-2027.csv');
    expect(rows[0]).toEqual([
      'Kurs',
      'Type',
      'Første kursdag',
      'Siste kursdag',
      'Sted',
      'På nett',
      'Plasser',
      'Påmeldte',
      'Ledige plasser',
      'Venteliste',
      'Egenandel (NOK)',
      'Status',
    ]);
    expect(rows[1]).toEqual([
      'Etablererkurs vår',
      'Etablererkurs',
      '03.02.2027',
      '04.02.2027',
      'Ski rådhus',
      'Nei',
      '2',
      '2',
      '0',
      '2',
      '0,00',
      'Planlagt',
    ]);
    expect(rows[3]?.[10]).toBe('750,50');
  });

  it('lets the county pick a region, starting with the first, and offers no new course', async () => {
    const { wrapper, asked, router } = await mountCalendar('county.officer', '/courses?year=2027');

    expect(asked('CourseCalendar')).toEqual([{ regionId: 'follo', year: 2027, kind: null }]);
    expect(wrapper.find('[data-testid="courses-new"]').exists()).toBe(false);

    await wrapper.get('[data-testid="courses-region"]').setValue('halden');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ year: '2027', region: 'halden' });
    expect(asked('CourseCalendar').at(-1)).toEqual({ regionId: 'halden', year: 2027, kind: null });
  });

  it("offers an adviser no new course in another region's calendar", async () => {
    const { wrapper } = await mountCalendar('follo.adviser', '/courses?year=2027&region=halden');
    expect(wrapper.find('[data-testid="courses-new"]').exists()).toBe(false);
  });

  it('filters by kind and year through the address', async () => {
    const { wrapper, asked } = await mountCalendar('nordrefollo.officer', '/courses?year=2027');

    await wrapper.get('[data-testid="courses-kind"]').setValue('THEME');
    await flushPromises();
    expect(asked('CourseCalendar').at(-1)).toEqual({ regionId: 'follo', year: 2027, kind: 'THEME' });

    await wrapper.get('[data-testid="courses-year"]').setValue('2026');
    await flushPromises();
    expect(asked('CourseCalendar').at(-1)).toEqual({ regionId: 'follo', year: 2026, kind: 'THEME' });
    expect(wrapper.find('[data-testid="courses-new"]').exists()).toBe(false);
  });

  it('says so when the region has no courses that year', async () => {
    const { wrapper } = await mountCalendar('follo.adviser', '/courses?year=2027', { courses: [] });
    expect(wrapper.get('[data-testid="courses-empty"]').text()).toBe('Ingen kurs i Follo i 2027.');
    expect(wrapper.find('[data-testid="courses-table"]').exists()).toBe(false);
  });

  it('explains a calendar that could not be loaded, shows no courses under it, and asks again on "try again"', async () => {
    const { wrapper, asked } = await mountCalendar('follo.adviser', '/courses?year=2027', { courses: 'error' });

    const alert = wrapper.get('[data-testid="courses-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(wrapper.find('[data-testid="courses-table"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="courses-empty"]').exists()).toBe(false);
    await alert.get('button').trigger('click');
    await flushPromises();
    expect(asked('CourseCalendar')).toHaveLength(2);
  });

  it('says so when there is no region with the id in the address', async () => {
    const { wrapper } = await mountCalendar('county.officer', '/courses?year=2027&region=nowhere', {
      regionName: null,
    });
    expect(wrapper.get('[data-testid="courses-unknown-region"]').text()).toBe(
      createStrictI18n('nb').global.t('courses.unknownRegion'),
    );
  });
});

describe('the new-course form', () => {
  async function openForm() {
    const mounted = await mountCalendar('follo.adviser', '/courses?year=2027');
    await mounted.wrapper.get('[data-testid="courses-new"]').trigger('click');
    await flushPromises();
    return mounted;
  }

  it('checks the fields before sending and says what is wrong at each field', async () => {
    const { wrapper, asked } = await openForm();
    expect(asked('CourseAdvisers')).toEqual([{ regionId: 'follo' }]);

    await wrapper.get('[data-testid="course-send"]').trigger('submit');
    await flushPromises();

    expect(asked('CreateCourse')).toEqual([]);
    expect(wrapper.get('[data-testid="course-error-title"]').text()).toBe('Fyll ut feltet.');
    expect(wrapper.get('[data-testid="course-error-startsOn"]').text()).toBe('Fyll ut feltet.');
    expect(wrapper.get('[data-testid="course-error-capacity"]').text()).toBe('Fyll ut feltet.');
    expect(wrapper.get('[data-testid="course-error-location"]').text()).toBe(
      'Oppgi et sted, eller kryss av for at kurset holdes på nett.',
    );
    expect(wrapper.get('[data-testid="course-title"]').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="course-title"]').element);

    await wrapper.get('[data-testid="course-title"]').setValue('Etablererkurs mai');
    await wrapper.get('[data-testid="course-starts-on"]').setValue('2027-05-04');
    await wrapper.get('[data-testid="course-ends-on"]').setValue('2027-05-03');
    await wrapper.get('[data-testid="course-capacity"]').setValue('501');
    await wrapper.get('[data-testid="course-online"]').setValue(true);
    await wrapper.get('[data-testid="course-send"]').trigger('submit');
    await flushPromises();

    expect(asked('CreateCourse')).toEqual([]);
    expect(wrapper.get('[data-testid="course-error-endsOn"]').text()).toBe(
      'Siste kursdag kan ikke være før første kursdag.',
    );
    expect(wrapper.get('[data-testid="course-error-capacity"]').text()).toBe('Et helt tall fra 1 til 500.');
    expect(wrapper.get('[data-testid="course-error-location"]').text()).toBe('');
  });

  it('switches the fee off for a basic course and checks it for a theme course', async () => {
    const { wrapper, asked } = await openForm();
    const fee = wrapper.get('[data-testid="course-fee"]');

    expect(fee.attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="course-fee-hint"]').text()).toBe(
      'Etablererkurset er alltid gratis for deltakerne, så det har ingen egenandel.',
    );

    await wrapper.get('[data-testid="course-kind"]').setValue('THEME');
    expect(fee.attributes('disabled')).toBeUndefined();
    await fee.setValue('femten hundre');
    await wrapper.get('[data-testid="course-title"]').setValue('Markedsføring');
    await wrapper.get('[data-testid="course-starts-on"]').setValue('2027-05-03');
    await wrapper.get('[data-testid="course-ends-on"]').setValue('2027-05-03');
    await wrapper.get('[data-testid="course-capacity"]').setValue('25');
    await wrapper.get('[data-testid="course-location"]').setValue('Ski');
    await wrapper.get('[data-testid="course-send"]').trigger('submit');
    await flushPromises();
    expect(asked('CreateCourse')).toEqual([]);
    expect(wrapper.get('[data-testid="course-error-participantFee"]').text()).toBe(
      'Et beløp i kroner med høyst to desimaler, f.eks. 1500 eller 1500,50.',
    );

    // Back to basic: the typed fee goes, and nothing is sent for it.
    await wrapper.get('[data-testid="course-kind"]').setValue('BASIC');
    expect((fee.element as HTMLInputElement).value).toBe('');
    await wrapper.get('[data-testid="course-send"]').trigger('submit');
    await flushPromises();
    expect(asked('CreateCourse')).toEqual([
      {
        input: {
          regionId: 'follo',
          kind: 'BASIC',
          title: 'Markedsføring',
          startsOn: '2027-05-03',
          endsOn: '2027-05-03',
          location: 'Ski',
          online: false,
          capacity: 25,
          participantFee: null,
          instructorIds: [],
          partnerInstructor: null,
        },
      },
    ]);
  });

  it('sends a theme course with its fee and instructors, then says it was added and shows the calendar afresh', async () => {
    const { wrapper, asked } = await openForm();

    await wrapper.get('[data-testid="course-kind"]').setValue('THEME');
    await wrapper.get('[data-testid="course-title"]').setValue('  Markedsføring  ');
    await wrapper.get('[data-testid="course-starts-on"]').setValue('2027-05-03');
    await wrapper.get('[data-testid="course-ends-on"]').setValue('2027-05-04');
    await wrapper.get('[data-testid="course-capacity"]').setValue('25');
    await wrapper.get('[data-testid="course-online"]').setValue(true);
    await wrapper.get('[data-testid="course-fee"]').setValue('1 500,5');
    await wrapper.get('#course-instructor-adviser-2').setValue(true);
    await wrapper.get('[data-testid="course-send"]').trigger('submit');
    await flushPromises();

    expect(asked('CreateCourse')).toEqual([
      {
        input: expect.objectContaining({
          kind: 'THEME',
          title: 'Markedsføring',
          location: null,
          online: true,
          participantFee: '1500.50',
          instructorIds: ['adviser-2'],
        }),
      },
    ]);
    // The course is in the year on screen: the calendar is asked for again, so it shows.
    expect(asked('CourseCalendar')).toHaveLength(2);
    expect(wrapper.find('[data-testid="course-form"]').exists()).toBe(false);
    const notice = wrapper.get('[data-testid="courses-notice"]');
    expect(notice.text()).toBe('Kurset «Markedsføring» er opprettet.');
    expect(document.activeElement).toBe(notice.element);
  });

  it("shows the server's objection at its field", async () => {
    const mounted = await mountCalendar('follo.adviser', '/courses?year=2027', {
      create: () =>
        jsonResponse({
          errors: [
            {
              message: 'input.title: at most 200 characters',
              extensions: { code: 'BAD_USER_INPUT', field: 'input.title' },
            },
          ],
        }),
    });
    const { wrapper } = mounted;
    await wrapper.get('[data-testid="courses-new"]').trigger('click');
    await flushPromises();

    await wrapper.get('[data-testid="course-title"]').setValue('Etablererkurs');
    await wrapper.get('[data-testid="course-starts-on"]').setValue('2027-05-03');
    await wrapper.get('[data-testid="course-ends-on"]').setValue('2027-05-03');
    await wrapper.get('[data-testid="course-capacity"]').setValue('20');
    await wrapper.get('[data-testid="course-location"]').setValue('Ski');
    await wrapper.get('[data-testid="course-send"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="course-error-title"]').text()).toBe('Høyst 200 tegn.');
    expect(wrapper.get('[data-testid="course-form-error"]').text()).toBe('Noen felt må rettes. Se feltene over.');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="course-title"]').element);
  });
});

describe('CourseView', () => {
  beforeEach(() => {
    forbidNetwork();
    // The basic course starts 3 February 2027; "today" is before it.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-10T12:00:00'));
  });

  afterEach(() => {
    vi.useRealTimers();
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('lists places, then the waiting list with each place, then the cancelled, each linking to the client', async () => {
    const { wrapper, calls } = await mountCourse('follo.adviser', fullBasicCourse);

    expect(calls.map((call) => call.body.variables)).toEqual([{ id: 'course-basic' }]);
    expect(wrapper.get('[data-testid="course-title"]').text()).toBe('Etablererkurs vår');
    expect(wrapper.get('[data-testid="course-taken"]').text()).toBe('2 av 2');
    expect(wrapper.get('[data-testid="course-seats-left"]').text()).toBe('Fullt');
    expect(wrapper.get('[data-testid="course-waitlist"]').text()).toBe('2');
    expect(wrapper.get('[data-testid="course-fee"]').text()).toBe('Gratis');
    const rows = wrapper.get('[data-testid="course-enrolments"]').findAll('tbody tr');
    expect(rows.map((row) => [row.get('th').text(), row.findAll('td')[0]?.text()])).toEqual([
      ['Nadia Rahman', 'Påmeldt'],
      ['Ola Nilsen', 'Påmeldt'],
      ['Jonas Berg', 'Venteliste, plass 1'],
      ['Lise Dahl', 'Venteliste, plass 2'],
      ['Per Olsen', 'Avmeldt'],
    ]);
    expect(rows[0]?.get('a').attributes('href')).toBe('/clients/client-7');
    // Signed up at 08:30 UTC, 09:30 in Norway.
    expect(plain(rows[0]?.findAll('td')[1]?.text() ?? '')).toBe('02.11.2026, 09:30');
  });

  it("offers the region's adviser every action the course allows: cancel places and the course, attendance after the start", async () => {
    const { wrapper } = await mountCourse('follo.adviser', fullBasicCourse);

    expect(wrapper.find('[data-testid="cancel-enrolment-enrolment-nadia"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="cancel-enrolment-enrolment-1"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="cancel-enrolment-enrolment-cancelled"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="cancel-course-open"]').exists()).toBe(true);
    // Not started yet: attendance comes later, and the page says when.
    expect(wrapper.find('[data-testid="attendance-open"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="attendance-not-started"]').text()).toBe(
      'Oppmøte kan føres fra første kursdag, 03.02.2027.',
    );
  });

  it('shows a municipality officer of the region who is enrolled, but no actions', async () => {
    const { wrapper } = await mountCourse('nordrefollo.officer', fullBasicCourse);

    expect(wrapper.get('[data-testid="course-enrolments"]').findAll('tbody tr')).toHaveLength(5);
    expect(wrapper.find('[data-testid^="cancel-enrolment-"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="cancel-course-open"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="attendance-not-started"]').exists()).toBe(false);
  });

  it('tells the coordination group who is enrolled is personal data, and offers no actions', async () => {
    // As the gateway answers the coordination group: 2 enrolled and 2 waiting are suppressed, and the
    // capacity beside the public places left (docs/suppression.md).
    const { wrapper } = await mountCourse('coordination.member', {
      ...fullBasicCourse,
      capacity: null,
      enrolledCount: null,
      waitlistCount: null,
      enrolments: [],
    });

    expect(wrapper.get('[data-testid="enrolments-hidden"]').text()).toContain('personopplysninger');
    expect(wrapper.find('[data-testid="course-enrolments"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="cancel-course-open"]').exists()).toBe(false);
    for (const figure of ['course-taken', 'course-waitlist']) {
      const suppressed = wrapper.get(`[data-testid="${figure}"] [data-suppressed="true"]`);
      expect(suppressed.get('[aria-hidden="true"]').text()).toBe('–');
      expect(suppressed.get('.visually-hidden').text()).toBe('skjult, færre enn 5 personer');
    }
    expect(wrapper.get('[data-testid="course-seats-left"]').text()).toBe('Fullt');
  });

  it("offers an adviser nothing on another region's course", async () => {
    const { wrapper } = await mountCourse('follo.adviser', {
      ...fullBasicCourse,
      region: { id: 'halden', name: 'Halden' },
      enrolments: [],
    });

    expect(wrapper.find('[data-testid="enrolments-hidden"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="cancel-course-open"]').exists()).toBe(false);
  });

  it('cancels a place after confirming, and says who moved up from the waiting list', async () => {
    const { calls } = stubGraphQL((call) =>
      operation(call) === 'CourseDetail'
        ? jsonResponse({ data: { course: calls.length > 2 ? afterNadiaCancelled : fullBasicCourse } })
        : jsonResponse({ data: { cancelEnrolment: { id: 'enrolment-nadia', status: 'CANCELLED' } } }),
    );
    const { wrapper } = await mountCourse('follo.adviser', fullBasicCourse, { live: true });

    await wrapper.get('[data-testid="cancel-enrolment-enrolment-nadia"]').trigger('click');
    await flushPromises();
    expect(calls.map(operation)).toEqual(['CourseDetail']);
    expect(plain(wrapper.get('[data-testid="cancel-enrolment-confirm"]').text())).toContain(
      'Vil du melde Nadia Rahman av kurset? Den første på ventelisten får plassen.',
    );
    expect(document.activeElement).toBe(wrapper.get('[data-testid="cancel-enrolment-yes"]').element);

    await wrapper.get('[data-testid="cancel-enrolment-yes"]').trigger('click');
    await flushPromises();

    expect(calls.map(operation)).toEqual(['CourseDetail', 'CancelEnrolment', 'CourseDetail']);
    const notice = wrapper.get('[data-testid="course-notice"]');
    expect(notice.text()).toBe('Nadia Rahman er meldt av kurset. Jonas Berg har fått plassen fra ventelisten.');
    expect(document.activeElement).toBe(notice.element);
    expect(wrapper.get('[data-testid="enrolment-status-enrolment-2"]').text()).toBe('Venteliste, plass 1');
    expect(wrapper.find('[data-testid="cancel-enrolment-confirm"]').exists()).toBe(false);
  });

  it('keeps the place when the adviser says no', async () => {
    const { wrapper, sent } = await mountCourse('follo.adviser', fullBasicCourse);

    await wrapper.get('[data-testid="cancel-enrolment-enrolment-ola"]').trigger('click');
    await wrapper.get('[data-testid="cancel-enrolment-no"]').trigger('click');
    await flushPromises();

    expect(sent()).toEqual(['CourseDetail']);
    expect(wrapper.find('[data-testid="cancel-enrolment-confirm"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="cancel-enrolment-enrolment-ola"]').element);
  });

  it('cancels the course with its version, and on a conflict asks to reload before trying again', async () => {
    let fresh = false;
    const { calls } = stubGraphQL((call) => {
      if (operation(call) === 'CourseDetail') {
        return jsonResponse({ data: { course: fresh ? { ...fullBasicCourse, version: 6 } : fullBasicCourse } });
      }
      if (!fresh) {
        return jsonResponse({ errors: [{ message: 'Changed since.', extensions: { code: 'CONFLICT' } }] });
      }
      return jsonResponse({ data: { cancelCourse: { id: 'course-basic', status: 'CANCELLED', version: 7 } } });
    });
    const { wrapper } = await mountCourse('follo.adviser', fullBasicCourse, { live: true });

    await wrapper.get('[data-testid="cancel-course-open"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="cancel-course-confirm"]').text()).toContain(
      'Vil du avlyse «Etablererkurs vår»? Alle plasser og ventelisteplasser blir avmeldt.',
    );
    await wrapper.get('[data-testid="cancel-course-yes"]').trigger('click');
    await flushPromises();

    expect(calls[1]?.body.variables).toEqual({ courseId: 'course-basic', version: 4 });
    expect(wrapper.get('[data-testid="cancel-course-error"]').text()).toContain(
      'Noen har endret kurset siden du åpnet det.',
    );
    expect(wrapper.get('[data-testid="cancel-course-yes"]').attributes('disabled')).toBeDefined();

    fresh = true;
    await wrapper.get('[data-testid="course-reload"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="course-notice"]').text()).toBe('Kurset er lastet inn på nytt.');

    await wrapper.get('[data-testid="cancel-course-open"]').trigger('click');
    await wrapper.get('[data-testid="cancel-course-yes"]').trigger('click');
    await flushPromises();
    expect(calls.at(-2)?.body.variables).toEqual({ courseId: 'course-basic', version: 6 });
    expect(wrapper.get('[data-testid="course-notice"]').text()).toBe(
      'Kurset er avlyst, og alle påmeldinger er avmeldt.',
    );
  });

  it('closes the attendance form and the cancel question on Escape, with the focus back on the button that opened them', async () => {
    const started = await mountCourse('follo.adviser', startedThemeCourse);
    const open = started.wrapper.get('[data-testid="attendance-open"]');
    (open.element as HTMLElement).focus();
    await open.trigger('click');
    await flushPromises();
    const form = started.wrapper.get('[data-testid="attendance-form"]');
    expect(document.activeElement).toBe(started.wrapper.get('#attendance-title').element);
    await form.get('input[type="checkbox"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(started.wrapper.find('[data-testid="attendance-form"]').exists()).toBe(false);
    expect(document.activeElement).toBe(started.wrapper.get('[data-testid="attendance-open"]').element);
    expect(started.sent()).toEqual(['CourseDetail']);
    // The ids of its buttons would be on the page twice otherwise.
    started.wrapper.unmount();

    const planned = await mountCourse('follo.adviser', fullBasicCourse);
    await planned.wrapper.get('[data-testid="cancel-course-open"]').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('confirm-cancel-course');
    await planned.wrapper.get('#confirm-cancel-course').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(planned.wrapper.find('[data-testid="cancel-course-confirm"]').exists()).toBe(false);
    expect(document.activeElement).toBe(planned.wrapper.get('[data-testid="cancel-course-open"]').element);
    expect(planned.sent()).toEqual(['CourseDetail']);
  });

  it('records who attended a course that has started, from the enrolled only', async () => {
    const { calls } = stubGraphQL((call) =>
      operation(call) === 'CourseDetail'
        ? jsonResponse({ data: { course: startedThemeCourse } })
        : jsonResponse({ data: { recordAttendance: { id: 'course-started', status: 'HELD' } } }),
    );
    const { wrapper } = await mountCourse('follo.adviser', startedThemeCourse, { live: true });

    await wrapper.get('[data-testid="attendance-open"]').trigger('click');
    await flushPromises();
    const form = wrapper.get('[data-testid="attendance-form"]');
    expect(form.findAll('input[type="checkbox"]')).toHaveLength(2);
    expect(document.activeElement).toBe(wrapper.get('#attendance-title').element);

    await wrapper.get('[data-testid="attended-client-7"]').setValue(true);
    await form.trigger('submit');
    await flushPromises();

    expect(calls[1]?.body.variables).toEqual({ courseId: 'course-started', attendedClientIds: ['client-7'] });
    expect(wrapper.get('[data-testid="course-notice"]').text()).toBe(
      'Oppmøtet er lagret: 1 av 2 møtte. Kurset er merket som gjennomført.',
    );
  });
});

describe('the course pages in the console', () => {
  beforeEach(() => {
    forbidNetwork();
    sessionStorage.clear();
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('lets every known role read courses, and no one else', () => {
    for (const role of [
      'COUNTY_OFFICER',
      'COORDINATION_MEMBER',
      'MUNICIPALITY_OFFICER',
      'ADVISER',
      'INNOVASJON_NORGE',
      'NAV',
      'API_CLIENT',
    ]) {
      expect(seesCourses(role)).toBe(true);
    }
    expect(seesCourses('SOMEONE_NEW')).toBe(false);
    expect(seesCourses(undefined)).toBe(false);
  });

  it("links to the calendar and opens the adviser's own region from the gateway", async () => {
    const { calls } = stubGateway({
      graphql: (call) =>
        operation(call) === 'CourseRegions'
          ? jsonResponse({ data: { regions: courseRegions } })
          : jsonResponse({ data: { region: { id: 'follo', name: 'Follo', courses: folloCourses2027 } } }),
    });
    const pinia = createTestingPinia({ createSpy: vi.fn, stubActions: false });
    setActivePinia(pinia);
    startSignedIn(accessTokenFor('follo.adviser'));
    const router = createAppRouter(createMemoryHistory());
    await router.push('/courses?year=2027');
    await router.isReady();
    const wrapper = mount(App, {
      global: { plugins: [pinia, queryLayer(pinia), router, createStrictI18n('nb')] },
      attachTo: document.body,
    });
    await flushPromises();

    expect(wrapper.get('[data-testid="nav-courses"]').text()).toBe('Kurs');
    expect(document.title).toBe('Kurskalender – Etablerertjenesten');
    expect(wrapper.get('h1').text()).toBe('Kurskalender');
    const bodies = calls.filter((call) => call.url === '/graphql').map((call) => call.body as GraphQLCall['body']);
    expect(bodies.find((body) => body.query.includes('query CourseCalendar'))?.variables).toEqual({
      regionId: 'follo',
      year: 2027,
      kind: null,
    });
    expect(wrapper.findAll('[data-testid="course-link"]')).toHaveLength(3);
  });
});
