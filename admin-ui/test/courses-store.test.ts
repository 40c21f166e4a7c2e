// The course page's and the enrolment's queries and mutations against a stubbed gateway: the actions and what is
// asked again after them, enrolling with its three outcomes.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { useCourseFormat } from '../src/composables/useCourseFormat';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { enrolmentsInOrder, useCourseActions, useCourseDetail } from '../src/queries/course';
import { openCourses, useEnrolClient, useOpenCourses } from '../src/queries/courseEnrolment';
import { afterNadiaCancelled, fullBasicCourse, openCoursesNextYear, openCoursesThisYear } from './courses-fixtures';
import { createStrictI18n, type GraphQLCall, jsonResponse, queryLayer, runInComponent, stubGraphQL } from './fixtures';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const operation = (call: GraphQLCall | undefined) => /(query|mutation) (\w+)/.exec(call?.body.query ?? '')?.[2];
enableAutoUnmount(afterEach);

/** The course page's query and actions, as the page uses them, for the course with `id`. */
function coursePage(id: string) {
  const pinia = createPinia();
  setActivePinia(pinia);
  return runInComponent(() => {
    const detail = useCourseDetail(id);
    return { ...detail, ...useCourseActions(detail.course, detail) };
  }, [pinia, queryLayer(pinia)]).result;
}

/** Runs a composable of the query layer in a component. */
function inPage<Result>(composable: () => Result): Result {
  const pinia = createPinia();
  setActivePinia(pinia);
  return runInComponent(composable, [pinia, queryLayer(pinia)]).result;
}

const conflict = (message: string) => jsonResponse({ errors: [{ message, extensions: { code: 'CONFLICT' } }] });

describe("the course page's data and actions", () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('orders places first, then the waiting list by place, then the cancelled', () => {
    expect(enrolmentsInOrder(fullBasicCourse.enrolments).map((enrolment) => enrolment.id)).toEqual([
      'enrolment-nadia',
      'enrolment-ola',
      'enrolment-1',
      'enrolment-2',
      'enrolment-cancelled',
    ]);
  });

  it('cancels a place by its id and loads the course again, where the first waiting has moved up', async () => {
    const { calls } = stubGraphQL((call) =>
      operation(call) === 'CourseDetail'
        ? jsonResponse({ data: { course: calls.length > 2 ? afterNadiaCancelled : fullBasicCourse } })
        : jsonResponse({ data: { cancelEnrolment: { id: 'enrolment-nadia', status: 'CANCELLED' } } }),
    );
    const store = coursePage('course-basic');
    await flushPromises();
    expect(calls[0]?.body.variables).toEqual({ id: 'course-basic' });

    // Resolves once the course is asked again: the page goes on with the places as they are now.
    expect(await store.cancelEnrolment('enrolment-nadia')).toBe(true);

    expect(calls.map(operation)).toEqual(['CourseDetail', 'CancelEnrolment', 'CourseDetail']);
    expect(calls[1]?.body.variables).toEqual({ enrolmentId: 'enrolment-nadia' });
    expect(calls[1]?.body.query).not.toContain('enrolment-nadia');
    expect(store.enrolments.value.find((enrolment) => enrolment.id === 'enrolment-1')?.status).toBe('ENROLLED');
  });

  it('records attendance for the course on screen', async () => {
    const { calls } = stubGraphQL((call) =>
      operation(call) === 'CourseDetail'
        ? jsonResponse({ data: { course: fullBasicCourse } })
        : jsonResponse({ data: { recordAttendance: { id: 'course-basic', status: 'HELD' } } }),
    );
    const store = coursePage('course-basic');
    await flushPromises();

    expect(await store.recordAttendance(['client-7'])).toBe(true);
    expect(calls[1]?.body.variables).toEqual({ courseId: 'course-basic', attendedClientIds: ['client-7'] });
  });

  it('cancels the course with the version on screen, and reports a conflict without reloading', async () => {
    const { calls } = stubGraphQL((call) =>
      operation(call) === 'CourseDetail'
        ? jsonResponse({ data: { course: fullBasicCourse } })
        : conflict('The course was changed by someone else.'),
    );
    const store = coursePage('course-basic');
    await flushPromises();

    expect(await store.cancelCourse()).toBe(false);
    await flushPromises();

    expect(calls[1]?.body.variables).toEqual({ courseId: 'course-basic', version: 4 });
    expect(calls).toHaveLength(2);
    expect(store.conflict.value).toBe(true);
    expect(store.actionError.value?.action).toBe('cancel-course');

    await store.reload();
    expect(store.conflict.value).toBe(false);
    expect(calls.map(operation)).toEqual(['CourseDetail', 'CancelCourse', 'CourseDetail']);
  });
});

describe('enrolling on a course', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  afterEach(() => {
    setAccessTokenSource(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('keeps only planned courses that have not started, first day first', () => {
    expect(
      openCourses([...openCoursesThisYear, ...openCoursesNextYear], '2026-12-10').map((course) => course.id),
    ).toEqual(['december', 'course-basic', 'theme']);
  });

  it("asks for this year's and next year's courses of the region", async () => {
    const { calls } = stubGraphQL(() =>
      jsonResponse({
        data: { region: { id: 'follo', thisYear: openCoursesThisYear, nextYear: openCoursesNextYear } },
      }),
    );
    const open = ref(false);
    const store = inPage(() => useOpenCourses('follo', '2026-12-10', open));
    await flushPromises();
    // Not before the form opens.
    expect(calls).toHaveLength(0);

    open.value = true;
    await flushPromises();

    expect(calls[0]?.body.variables).toEqual({ regionId: 'follo', year: 2026, nextYear: 2027 });
    expect(store.courses.value.map((course) => course.id)).toEqual(['december', 'course-basic', 'theme']);
  });

  it('enrols: a place, a waiting-list place, or a conflict when the client is on the course already', async () => {
    let answer: 'enrolled' | 'waitlisted' | 'conflict' = 'enrolled';
    const { calls } = stubGraphQL(() => {
      if (answer === 'conflict') return conflict('The client is on this course or its waiting list already.');
      return jsonResponse({
        data: {
          enrolClient: {
            id: 'enrolment-new',
            status: answer === 'enrolled' ? 'ENROLLED' : 'WAITLISTED',
            waitlistPosition: answer === 'enrolled' ? null : 3,
            course: { id: 'course-basic', title: 'Etablererkurs vår' },
          },
        },
      });
    });
    const store = inPage(() => useEnrolClient());

    expect((await store.enrol('course-theme', 'client-7'))?.status).toBe('ENROLLED');
    expect(calls[0]?.body.variables).toEqual({ courseId: 'course-theme', clientId: 'client-7' });

    answer = 'waitlisted';
    expect(await store.enrol('course-basic', 'client-7')).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 3 });

    answer = 'conflict';
    expect(await store.enrol('course-basic', 'client-7')).toBeNull();
    expect(store.actionError.value).toMatchObject({ action: 'enrol', codes: ['CONFLICT'] });
  });
});

describe("the course pages' formats", () => {
  const formats = (locale: 'nb' | 'en') => runInComponent(() => useCourseFormat(), [createStrictI18n(locale)]).result;

  it('reads a sign-up on the clock in Oslo, in either language, whatever the browser’s zone', () => {
    // 08:30 UTC is 09:30 in Oslo in winter, 23:30 UTC on 30 June is already 1 July there.
    expect(plain(formats('nb').formatMoment('2026-11-02T08:30:00.000Z'))).toBe('02.11.2026, 09:30');
    expect(plain(formats('nb').formatMoment('2026-06-30T23:30:00.000Z'))).toBe('01.07.2026, 01:30');
    expect(plain(formats('en').formatMoment('2026-11-02T08:30:00.000Z'))).toBe('Nov 2, 2026, 09:30');
  });

  it('gives a fee in kroner, with øre only when there are any, and a day without moving it', () => {
    const nb = formats('nb');
    expect(plain(nb.feeText('1500.00'))).toBe('1 500 kr');
    expect(plain(nb.feeText('1500.50'))).toBe('1 500,50 kr');
    expect(nb.feeText('0.00')).toBe('Gratis');
    expect(nb.formatDates('2027-02-03', '2027-02-04')).toBe('03.02.2027–04.02.2027');
    expect(plain(formats('en').feeText('1500.50'))).toBe('NOK 1,500.50');
  });
});
