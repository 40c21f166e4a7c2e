// Enrolling a client on a course from the client's page, through the query layer: the upcoming open courses of the
// adviser's region, and the enrolment (after which the client's page asks again and shows the new place).
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { graphql } from '../graphql/generated';
import type { EnrolClientMutation, OpenCoursesQuery } from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';
import { type CourseActionError, toCourseActionError } from './course';

// This year's and next year's courses: a course asked for in December may well start in January.
export const OpenCoursesDocument = graphql(`
  query OpenCourses($regionId: ID!, $year: Int!, $nextYear: Int!) {
    region(id: $regionId) {
      id
      thisYear: courses(year: $year) {
        ...CourseSummary
      }
      nextYear: courses(year: $nextYear) {
        ...CourseSummary
      }
    }
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

/** Courses a client can still be enrolled on: planned, not started, first day first. */
export function openCourses(courses: readonly OpenCourse[], today: string): OpenCourse[] {
  return courses
    .filter((course) => course.status === 'PLANNED' && course.startsOn >= today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title, 'nb'));
}

/**
 * The region's open courses as of `today` (YYYY-MM-DD); asked for only while `enabled` (the form is open) and a
 * region is given.
 */
export function useOpenCourses(
  regionId: MaybeRefOrGetter<string | null>,
  today: MaybeRefOrGetter<string>,
  enabled: MaybeRefOrGetter<boolean>,
) {
  const year = () => Number(toValue(today).slice(0, 4));
  const answer = useGraphQLQuery(
    OpenCoursesDocument,
    () => ({ regionId: toValue(regionId) ?? '', year: year(), nextYear: year() + 1 }),
    { enabled: () => toValue(enabled) && !!toValue(regionId) },
  );
  return {
    courses: computed(() => {
      const region = answer.data.value?.region;
      return openCourses([...(region?.thisYear ?? []), ...(region?.nextYear ?? [])], toValue(today));
    }),
    loading: answer.loading,
    error: answer.error,
    refetch: answer.refetch,
  };
}

/**
 * Enrolling a client: `enrol` resolves to a place or a place on the waiting list (when the course is full), or null
 * with the reason in `actionError`.
 */
export function useEnrolClient() {
  const mutation = useGraphQLMutation(EnrolClientDocument);
  const actionError = ref<CourseActionError | null>(null);

  async function enrol(courseId: string, clientId: string): Promise<EnrolmentResult | null> {
    actionError.value = null;
    try {
      return (await mutation.run({ courseId, clientId })).enrolClient;
    } catch (caught) {
      actionError.value = toCourseActionError('enrol', caught);
      return null;
    }
  }

  return {
    enrol,
    saving: mutation.running,
    actionError,
    /** Forgets the last error, e.g. when the form opens again or another client's page opens. */
    reset: () => {
      actionError.value = null;
    },
  };
}
