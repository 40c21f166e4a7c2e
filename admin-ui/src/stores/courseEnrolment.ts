// The course enrolment store: the upcoming open courses of the adviser's region, and enrolling a client on one from the client's page.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import type { LoadError } from '../graphql/client';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { EnrolClientMutation, OpenCoursesQuery } from '../graphql/generated/graphql';
import { type CourseActionError, toCourseActionError } from './courseErrors';

// This year's and next year's courses: a course asked for in December may well start in January.
export const OpenCoursesDocument = graphql(`
  query OpenCourses($regionId: ID!, $year: Int!, $nextYear: Int!) {
    region(id: $regionId) {
      id
      thisYear: courses(year: $year) {
        ...OpenCourse
      }
      nextYear: courses(year: $nextYear) {
        ...OpenCourse
      }
    }
  }

  fragment OpenCourse on Course {
    id
    kind
    title
    startsOn
    endsOn
    location
    online
    participantFee
    status
    seatsLeft
    waitlistCount
  }
`);

export const EnrolClientDocument = graphql(`
  mutation EnrolClient($courseId: ID!, $clientId: ID!) {
    enrolClient(courseId: $courseId, clientId: $clientId) {
      id
      status
      waitlistPosition
      course {
        id
        title
      }
    }
  }
`);

export type OpenCourse = NonNullable<OpenCoursesQuery['region']>['thisYear'][number];
export type EnrolmentResult = EnrolClientMutation['enrolClient'];
export type { CourseActionError, LoadError };

/** Courses a client can still be enrolled on: planned, not started, first day first. */
export function openCourses(courses: readonly OpenCourse[], today: string): OpenCourse[] {
  return courses
    .filter((course) => course.status === 'PLANNED' && course.startsOn >= today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title, 'nb'));
}

export const useCourseEnrolmentStore = defineStore('courseEnrolment', () => {
  const courses = ref<OpenCourse[]>([]);
  /** The region the courses are of; null before the first successful load. */
  const regionId = ref<string | null>(null);
  const saving = ref(false);
  const actionError = ref<CourseActionError | null>(null);
  /** The last enrolment made, for the page to say where the client got a place. */
  const result = ref<EnrolmentResult | null>(null);

  // Opening another client can overlap requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  /** Loads the region's open courses as of `today` (YYYY-MM-DD). */
  async function load(region: string, today: string): Promise<void> {
    const year = Number(today.slice(0, 4));
    await run(() => request(OpenCoursesDocument, { regionId: region, year, nextYear: year + 1 }), {
      onData: (data) => {
        courses.value = openCourses([...(data.region?.thisYear ?? []), ...(data.region?.nextYear ?? [])], today);
        regionId.value = region;
      },
      onError: () => {
        courses.value = [];
        regionId.value = null;
      },
    });
  }

  /** Enrols the client: a place, or a place on the waiting list when the course is full; null with the reason in `actionError`. */
  async function enrol(courseId: string, clientId: string): Promise<EnrolmentResult | null> {
    saving.value = true;
    actionError.value = null;
    result.value = null;
    try {
      const data = await request(EnrolClientDocument, { courseId, clientId });
      result.value = data.enrolClient;
      return data.enrolClient;
    } catch (caught) {
      actionError.value = toCourseActionError('enrol', toRequestError(caught));
      return null;
    } finally {
      saving.value = false;
    }
  }

  /** Forgets the last result and error, e.g. when the form opens again or another client's page opens. */
  function reset(): void {
    actionError.value = null;
    result.value = null;
  }

  return { courses, regionId, loading, error, saving, actionError, result, load, enrol, reset };
});
