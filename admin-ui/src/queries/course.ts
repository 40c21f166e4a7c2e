// One course's page through the query layer: the course with its enrolments and waiting list, and the region's
// advisers' actions on it (cancel a place, record attendance, cancel the course), after which the page asks again.
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { CourseDetailQuery } from '../graphql/generated/graphql';
import { type GraphQLQuery, useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

// What every list of courses shows of one (the calendar, the courses a client can be enrolled on, a course's page).
export const CourseSummaryFragment = graphql(`
  fragment CourseSummary on Course {
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

// The calendar's and the course page's figures: the summary, and how many places there are and are taken.
export const CourseFiguresFragment = graphql(`
  fragment CourseFigures on Course {
    ...CourseSummary
    capacity
    enrolledCount
  }
`);

// `enrolments` is empty for callers who may not see who is enrolled; the gateway decides, not the console.
export const CourseDetailDocument = graphql(`
  query CourseDetail($id: ID!) {
    course(id: $id) {
      ...CourseFigures
      partnerInstructor
      version
      region {
        id
        name
      }
      instructors {
        id
        name
      }
      enrolments {
        id
        status
        enrolledAt
        attended
        waitlistPosition
        client {
          id
          name
        }
      }
    }
  }
`);

export const CancelEnrolmentDocument = graphql(`
  mutation CancelEnrolment($enrolmentId: ID!) {
    cancelEnrolment(enrolmentId: $enrolmentId) {
      id
      status
    }
  }
`);

export const RecordAttendanceDocument = graphql(`
  mutation RecordAttendance($courseId: ID!, $attendedClientIds: [ID!]!) {
    recordAttendance(courseId: $courseId, attendedClientIds: $attendedClientIds) {
      id
      status
    }
  }
`);

export const CancelCourseDocument = graphql(`
  mutation CancelCourse($courseId: ID!, $version: Int!) {
    cancelCourse(courseId: $courseId, version: $version) {
      id
      status
      version
    }
  }
`);

export type CourseDetail = NonNullable<CourseDetailQuery['course']>;
export type CourseEnrolment = CourseDetail['enrolments'][number];

/** The course actions a failure can be about, so the page shows it beside the right form. */
export type CourseAction = 'create' | 'enrol' | 'cancel-enrolment' | 'attendance' | 'cancel-course';

/** A failed course action: which one, and the server's message, codes and messages by input field. */
export interface CourseActionError extends FormActionError {
  action: CourseAction;
}

export function toCourseActionError(action: CourseAction, caught: unknown): CourseActionError {
  return { action, ...toFormActionError(toRequestError(caught)) };
}

/** Which of the course page's forms is open: one at a time. */
export type CoursePagePart = 'enrolment' | 'attendance' | 'course' | null;

const statusOrder = { ENROLLED: 0, WAITLISTED: 1, CANCELLED: 2 } as const;

/** Places first in sign-up order, then the waiting list by place, then the cancelled. */
export function enrolmentsInOrder(enrolments: readonly CourseEnrolment[]): CourseEnrolment[] {
  return [...enrolments].sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.enrolledAt.localeCompare(b.enrolledAt),
  );
}

/** The course with `id` (none asked for while it is empty); another course's data never shows under this one. */
export function useCourseDetail(id: MaybeRefOrGetter<string>) {
  const detail = useGraphQLQuery(CourseDetailDocument, () => ({ id: toValue(id) }), {
    enabled: () => toValue(id) !== '',
  });
  const course = computed<CourseDetail | null>(() => detail.data.value?.course ?? null);
  return {
    course,
    enrolments: computed(() => enrolmentsInOrder(course.value?.enrolments ?? [])),
    /** The graph answered, and has no course with this id. */
    notFound: computed(() => detail.data.value !== undefined && detail.data.value.course === null),
    loading: detail.loading,
    error: detail.error,
    refetch: detail.refetch,
    /** Resolves once the answer being fetched (e.g. after a mutation) has come: what the page shows next. */
    settled: () => detail.query.refresh(),
  };
}

/**
 * The actions on the course on screen. Each resolves to whether it worked (the reason in `actionError`), and, when
 * it did, once the course is asked again, so the page shows the places, the waiting list and the version as they
 * are now.
 */
export function useCourseActions(
  course: MaybeRefOrGetter<CourseDetail | null>,
  detail: Pick<GraphQLQuery<unknown, unknown>, 'refetch'> & { settled: () => Promise<unknown> },
) {
  const cancellingEnrolment = useGraphQLMutation(CancelEnrolmentDocument);
  const recordingAttendance = useGraphQLMutation(RecordAttendanceDocument);
  const cancellingCourse = useGraphQLMutation(CancelCourseDocument);
  const actionError = ref<CourseActionError | null>(null);
  /** Someone changed the course since it was loaded: the user must reload before trying again. */
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);

  async function act(action: CourseAction, send: () => Promise<unknown>): Promise<boolean> {
    actionError.value = null;
    try {
      await send();
    } catch (caught) {
      actionError.value = toCourseActionError(action, caught);
      return false;
    }
    // The mutation marked the course stale and it is being asked again; the page goes on with the new answer.
    await detail.settled();
    return true;
  }

  /** Cancels a place; the gateway gives a freed place to the first on the waiting list. */
  const cancelEnrolment = (enrolmentId: string) =>
    act('cancel-enrolment', () => cancellingEnrolment.run({ enrolmentId }));

  /** Records who came (the other enrolled did not) and marks the course held. */
  function recordAttendance(attendedClientIds: string[]): Promise<boolean> {
    const current = toValue(course);
    if (current === null) return Promise.resolve(false);
    return act('attendance', () => recordingAttendance.run({ courseId: current.id, attendedClientIds }));
  }

  /** Cancels the course and every place on it, as of the version on screen; CONFLICT when it changed since. */
  function cancelCourse(): Promise<boolean> {
    const current = toValue(course);
    if (current === null) return Promise.resolve(false);
    return act('cancel-course', () => cancellingCourse.run({ courseId: current.id, version: current.version }));
  }

  /** Asks for the course again, e.g. after a conflict, to act on what is saved now. */
  async function reload(): Promise<void> {
    actionError.value = null;
    await detail.refetch();
  }

  return {
    saving: computed(
      () => cancellingEnrolment.running.value || recordingAttendance.running.value || cancellingCourse.running.value,
    ),
    actionError,
    conflict,
    cancelEnrolment,
    recordAttendance,
    cancelCourse,
    reload,
    clearActionError: () => {
      actionError.value = null;
    },
  };
}
