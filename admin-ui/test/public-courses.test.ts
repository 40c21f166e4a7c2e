// The public course calendar: the filters travel as variables, the courses show in Norwegian
// format with their places, Innovasjon Norge's are signed up for elsewhere, and the feeds' addresses.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { courseFeedUrl } from '../src/composables/courseFeeds';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { calendarVariables, emptyCalendarFilter, usePublicCourse } from '../src/queries/publicCourses';
import { forbidNetwork, jsonResponse, queryLayer, runInComponent } from './fixtures';
import {
  basicCourse,
  basicCourseId,
  callsOf,
  coursePage,
  fullThemeCourse,
  mountPublic,
  partnerWebinar,
  plainSpaces,
  stubPublicGateway,
} from './public-fixtures';

enableAutoUnmount(afterEach);

beforeEach(() => {
  forbidNetwork();
  localStorage.clear();
  sessionStorage.clear();
  setActivePinia(createPinia());
});

afterEach(() => {
  setAccessTokenSource(undefined);
  setUnauthenticatedHandler(undefined);
});

describe('calendar variables', () => {
  it('leaves out every condition not chosen, and asks for both calendars', () => {
    expect(calendarVariables(emptyCalendarFilter())).toEqual({
      filter: {},
      first: 12,
      offset: 0,
      withCourses: true,
      withPartnerCourses: true,
    });
  });

  it("passes region, kind, period and online to the service's courses, and period and online to Innovasjon Norge's", () => {
    expect(
      calendarVariables({ regionId: 'follo', kind: 'THEME', from: '2027-03-01', to: '2027-05-31', online: false }),
    ).toEqual({
      filter: { regionId: 'follo', kind: 'THEME', from: '2027-03-01', to: '2027-05-31', online: false },
      first: 12,
      offset: 0,
      withCourses: true,
      withPartnerCourses: false,
      from: '2027-03-01',
      to: '2027-05-31',
      online: false,
    });
  });

  it("asks only for Innovasjon Norge's courses when that kind is chosen, and only the service's on later pages", () => {
    expect(calendarVariables({ ...emptyCalendarFilter(), kind: 'PARTNER', online: true })).toMatchObject({
      withCourses: false,
      withPartnerCourses: true,
      online: true,
    });
    expect(calendarVariables(emptyCalendarFilter(), 50)).toMatchObject({ offset: 50, withPartnerCourses: false });
  });
});

describe('the course calendar page', () => {
  it('shows upcoming courses with dates, place, fee and places in Norwegian, and the sign-up links', async () => {
    const { calls } = stubPublicGateway();
    const { wrapper } = await mountPublic('/public/courses');

    const calendarCalls = callsOf(calls, 'PublicCalendar');
    expect(calendarCalls).toHaveLength(1);
    expect(calendarCalls[0]?.body.variables).toEqual(calendarVariables(emptyCalendarFilter()));
    expect(calendarCalls[0]?.body.query).toContain('publicCourses(filter: $filter, first: $first, offset: $offset)');

    const basic = wrapper.get(`[data-testid="public-course-${basicCourse.id}"]`);
    expect(basic.text()).toContain('Etablererkurs våren 2027');
    expect(basic.text()).toContain('tir. 2. mars 2027 – tir. 23. mars 2027');
    expect(basic.text()).toContain('Ski');
    expect(basic.get('[data-testid="public-course-fee"]').text()).toBe('Gratis');
    expect(basic.get('[data-testid="public-course-seats"]').text()).toBe('4 ledige plasser');
    const signUp = basic.get(`[data-testid="public-course-sign-up-${basicCourse.id}"]`);
    expect(signUp.attributes('href')).toBe(`/public/courses/${basicCourse.id}/sign-up`);
    expect(signUp.attributes('aria-label')).toBe('Meld deg på Etablererkurs våren 2027');

    const full = wrapper.get(`[data-testid="public-course-${fullThemeCourse.id}"]`);
    expect(plainSpaces(full.get('[data-testid="public-course-fee"]').text())).toBe('Egenandel: 1 500 kr');
    expect(full.get('[data-testid="public-course-seats"]').text()).toBe('Fullt – venteliste');
    expect(full.text()).toContain('På nett');
    expect(full.text()).toContain('ons. 14. april 2027');
    expect(full.text()).toContain('Sett deg på venteliste');

    const partner = wrapper.get(`[data-testid="public-partner-course-${partnerWebinar.id}"]`);
    expect(partner.text()).toContain('Finansiering for gründere');
    expect(partner.text()).toContain('Webinar');
    expect(partner.text()).toContain('Påmelding hos Innovasjon Norge');
    expect(partner.find('a').exists()).toBe(false);

    expect(wrapper.get('[data-testid="public-courses-summary"]').text()).toBe(
      'Viser 2 av 2 kurs fra etablerertjenesten. 1 kurs og webinarer fra Innovasjon Norge.',
    );
  });

  it('filters by month: the month chosen is the period from its first to its last day, and back to any month', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-01-20T10:00:00Z') });
    try {
      const { calls } = stubPublicGateway();
      const { wrapper, router } = await mountPublic('/public/courses');
      const month = wrapper.get('[data-testid="public-courses-month"]');
      expect(wrapper.get(`label[for="${month.attributes('id')}"]`).text()).toBe('Måned');
      const options = month.findAll('option').map((option) => option.text());
      expect(options).toHaveLength(13);
      expect(options.slice(0, 3)).toEqual(['Alle måneder', 'januar 2027', 'februar 2027']);
      expect(options.at(-1)).toBe('desember 2027');

      await month.setValue('2027-02');
      await flushPromises();
      expect(router.currentRoute.value.query).toEqual({ from: '2027-02-01', to: '2027-02-28' });
      expect(callsOf(calls, 'PublicCalendar').at(-1)?.body.variables).toMatchObject({
        filter: { from: '2027-02-01', to: '2027-02-28' },
      });
      expect(month.element).toHaveProperty('value', '2027-02');

      // A period that is not a whole month shows as no month.
      await wrapper.get('[data-testid="public-courses-to"]').setValue('2027-03-15');
      await flushPromises();
      expect(month.element).toHaveProperty('value', '');

      await month.setValue('');
      await flushPromises();
      expect(router.currentRoute.value.query).toEqual({});
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows Innovasjon Norge's offers twelve at a time", async () => {
    const webinars = Array.from({ length: 30 }, (_, index) => ({ ...partnerWebinar, id: `pc-${index + 1}` }));
    stubPublicGateway({
      PublicCalendar: (call) =>
        jsonResponse({
          data: {
            ...(call.body.variables?.withCourses ? { publicCourses: coursePage([basicCourse]) } : {}),
            publicPartnerCourses: webinars,
          },
        }),
    });
    const { wrapper } = await mountPublic('/public/courses');
    await flushPromises();
    const shown = () => wrapper.findAll('[data-testid^="public-partner-course-pc-"]');
    expect(shown()).toHaveLength(12);
    expect(wrapper.get('[data-testid="public-partner-courses-pager-showing"]').text()).toBe('Viser 1–12 av 30');
    await wrapper.get('[data-testid="public-partner-courses-pager-next"]').trigger('click');
    await wrapper.get('[data-testid="public-partner-courses-pager-next"]').trigger('click');
    expect(shown().map((item) => item.attributes('data-testid'))).toEqual(
      webinars.slice(24).map((webinar) => `public-partner-course-${webinar.id}`),
    );
  });

  it('sends each filter as a variable and keeps it in the address', async () => {
    const { calls } = stubPublicGateway();
    const { wrapper, router } = await mountPublic('/public/courses');

    await wrapper.get('[data-testid="public-courses-region"]').setValue('halden');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ region: 'halden' });
    expect(callsOf(calls, 'PublicCalendar').at(-1)?.body.variables).toMatchObject({
      filter: { regionId: 'halden' },
      withCourses: true,
      withPartnerCourses: true,
    });

    await wrapper.get('[data-testid="public-courses-kind"]').setValue('BASIC');
    await flushPromises();
    expect(callsOf(calls, 'PublicCalendar').at(-1)?.body.variables).toMatchObject({
      filter: { regionId: 'halden', kind: 'BASIC' },
      withPartnerCourses: false,
    });

    await wrapper.get('[data-testid="public-courses-from"]').setValue('2027-03-01');
    await flushPromises();
    await wrapper.get('[data-testid="public-courses-to"]').setValue('2027-06-30');
    await flushPromises();
    await wrapper.get('[data-testid="public-courses-online"]').setValue('false');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({
      region: 'halden',
      kind: 'BASIC',
      from: '2027-03-01',
      to: '2027-06-30',
      online: 'false',
    });
    expect(callsOf(calls, 'PublicCalendar').at(-1)?.body.variables).toEqual({
      filter: { regionId: 'halden', kind: 'BASIC', from: '2027-03-01', to: '2027-06-30', online: false },
      first: 12,
      offset: 0,
      withCourses: true,
      withPartnerCourses: false,
      from: '2027-03-01',
      to: '2027-06-30',
      online: false,
    });
    // Values travel as variables, never inside the document.
    expect(callsOf(calls, 'PublicCalendar').every((call) => !call.body.query.includes('halden'))).toBe(true);

    await wrapper.get('[data-testid="public-courses-kind"]').setValue('PARTNER');
    await flushPromises();
    expect(callsOf(calls, 'PublicCalendar').at(-1)?.body.variables).toMatchObject({
      withCourses: false,
      withPartnerCourses: true,
      from: '2027-03-01',
      to: '2027-06-30',
      online: false,
    });
    expect(wrapper.find('[data-testid="public-courses-list"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="public-partner-courses"]').exists()).toBe(true);

    const before = callsOf(calls, 'PublicCalendar').length;
    await wrapper.get('[data-testid="public-courses-clear"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
    // The calendar without filters was answered when the page opened a moment ago: shown again from that answer.
    expect(callsOf(calls, 'PublicCalendar')).toHaveLength(before);
    expect(callsOf(calls, 'PublicCalendar')[0]?.body.variables).toEqual(calendarVariables(emptyCalendarFilter()));
    expect(wrapper.find('[data-testid="public-courses-list"]').exists()).toBe(true);
  });

  it('opens with the filters of a shared address', async () => {
    const { calls } = stubPublicGateway();
    const { wrapper } = await mountPublic('/public/courses?region=follo&kind=THEME&online=true&from=nonsense');
    expect(callsOf(calls, 'PublicCalendar')[0]?.body.variables).toMatchObject({
      filter: { regionId: 'follo', kind: 'THEME', online: true },
    });
    expect((wrapper.get('[data-testid="public-courses-kind"]').element as HTMLSelectElement).value).toBe('THEME');
  });

  it('refuses a period that ends before it starts, at the field, without asking the server', async () => {
    const { calls } = stubPublicGateway();
    const { wrapper } = await mountPublic('/public/courses?from=2027-05-01');
    const before = callsOf(calls, 'PublicCalendar').length;

    await wrapper.get('[data-testid="public-courses-to"]').setValue('2027-04-01');
    await flushPromises();

    expect(wrapper.get('[data-testid="public-courses-period-error"]').text()).toBe(
      'Til-datoen kan ikke være før fra-datoen.',
    );
    expect(wrapper.get('[data-testid="public-courses-to"]').attributes('aria-invalid')).toBe('true');
    expect(callsOf(calls, 'PublicCalendar')).toHaveLength(before);
  });

  it("adds the next page of the service's courses under those shown", async () => {
    const { calls } = stubPublicGateway({
      PublicCalendar: (call) =>
        jsonResponse({
          data:
            call.body.variables?.offset === 0
              ? {
                  publicCourses: coursePage([basicCourse], { totalCount: 2, hasNextPage: true }),
                  publicPartnerCourses: [partnerWebinar],
                }
              : { publicCourses: coursePage([fullThemeCourse], { totalCount: 2, hasNextPage: false }) },
        }),
    });
    const { wrapper } = await mountPublic('/public/courses');

    await wrapper.get('[data-testid="public-courses-more"]').trigger('click');
    await flushPromises();

    expect(callsOf(calls, 'PublicCalendar')[1]?.body.variables).toMatchObject({ offset: 1, withPartnerCourses: false });
    expect(wrapper.get('[data-testid="public-courses-list"]').findAll('li')).toHaveLength(2);
    expect(wrapper.find('[data-testid="public-courses-more"]').exists()).toBe(false);
    // Innovasjon Norge's stay as they were.
    expect(wrapper.find(`[data-testid="public-partner-course-${partnerWebinar.id}"]`).exists()).toBe(true);
  });

  it('says when nothing matches, and offers a retry when the calendar fails', async () => {
    let fail = false;
    stubPublicGateway({
      PublicCalendar: () =>
        fail
          ? jsonResponse({ errors: [{ message: 'Down.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
          : jsonResponse({ data: { publicCourses: coursePage([]), publicPartnerCourses: [] } }),
    });
    const { wrapper } = await mountPublic('/public/courses?region=halden');
    expect(wrapper.get('[data-testid="public-courses-empty"]').text()).toBe(
      'Ingen kurs passer med filtrene du har valgt.',
    );
    expect(wrapper.find('[data-testid="public-partner-courses-empty"]').exists()).toBe(true);

    fail = true;
    await wrapper.get('[data-testid="public-courses-online"]').setValue('true');
    await flushPromises();
    expect(wrapper.get('[data-testid="public-courses-error"]').text()).toContain('Vi fikk ikke hentet kursene');
    expect(wrapper.find('[data-testid="public-courses-empty"]').exists()).toBe(false);

    fail = false;
    await wrapper.get('[data-testid="public-courses-error"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="public-courses-error"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="public-courses-empty"]').exists()).toBe(true);
  });

  it("shows municipalities' web editors the feeds, next to the graph's endpoint, for the region they choose", async () => {
    stubPublicGateway();
    const { wrapper } = await mountPublic('/public/courses?region=follo');
    const embed = wrapper.get('[data-testid="public-courses-embed"]');
    const origin = window.location.origin;

    expect(embed.get('[data-testid="public-feed-ics"]').text()).toBe(`${origin}/feeds/courses.ics?region=follo`);
    expect(embed.get('[data-testid="public-feed-json"]').text()).toBe(`${origin}/feeds/courses.json?region=follo`);
    expect(embed.get('[data-testid="public-feed-html"]').text()).toBe(`${origin}/feeds/courses.html?region=follo`);
    expect(embed.get('[data-testid="public-feed-iframe"]').text()).toBe(
      `<iframe src="${origin}/feeds/courses.html?region=follo" title="Kurs i etablerertjenesten" width="100%" height="480"></iframe>`,
    );

    await embed.get('[data-testid="public-courses-feed-region"]').setValue('');
    expect(embed.get('[data-testid="public-feed-ics"]').text()).toBe(`${origin}/feeds/courses.ics`);
  });

  it('builds feed addresses from wherever the graph is served', () => {
    expect(courseFeedUrl('json', 'halden', 'https://etablerer.example.no/public/courses')).toBe(
      'https://etablerer.example.no/feeds/courses.json?region=halden',
    );
  });

  it("leads a feed's course link to that course's sign-up", async () => {
    stubPublicGateway();
    const { router, wrapper } = await mountPublic(`/public/courses?course=${basicCourseId}`);
    expect(router.currentRoute.value.name).toBe('public-sign-up');
    expect(router.currentRoute.value.params.id).toBe(basicCourseId);
    expect(wrapper.get('h1').text()).toBe('Påmelding: Etablererkurs våren 2027');
  });
});

describe('looking up one course', () => {
  it('asks the graph for the one course, and says when it is not open for sign-up', async () => {
    const { calls } = stubPublicGateway();
    const pinia = createPinia();
    const id = ref(fullThemeCourse.id);
    const { result: lookup } = runInComponent(() => usePublicCourse(id), [pinia, queryLayer(pinia)]);
    await flushPromises();

    expect(lookup.course.value?.title).toBe('Markedsføring på nett');
    expect(callsOf(calls, 'PublicCourse').map((call) => call.body.variables)).toEqual([{ id: fullThemeCourse.id }]);
    expect(callsOf(calls, 'PublicCalendar')).toEqual([]);

    id.value = '00000000-0000-0000-0000-000000000000';
    await flushPromises();
    expect(lookup.course.value).toBeNull();
    expect(lookup.courseMissing.value).toBe(true);
  });
});
