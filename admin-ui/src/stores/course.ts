// The course store: one course's page with its enrolments and waiting list, and the region's advisers' actions on it.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import type { LoadError } from '../graphql/client';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { CourseDetailQuery } from '../graphql/generated/graphql';
import { type CourseAction, type CourseActionError, toCourseActionError } from './courseErrors';

// `enrolments` is empty for callers who may not see who is enrolled; the gateway decides, not the console.
export const CourseDetailDocument = graphql(`
  query CourseDetail($id: ID!) {
    course(id: $id) {
      id
      kind
      title
      startsOn
      endsOn
      location
      online
      capacity
      participantFee
      status
      enrolledCount
      waitlistCount
      seatsLeft
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
export type { CourseActionError, LoadError };

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

export const useCourseStore = defineStore('course', () => {
  /** The course the data below is for; null before the first successful load. */
  const courseId = ref<string | null>(null);
  const course = ref<CourseDetail | null>(null);
  const saving = ref(false);
  const actionError = ref<CourseActionError | null>(null);
  /** Someone changed the course since it was loaded: the user must reload before trying again. */
  const conflict = computed(() => actionError.value?.codes.includes('CONFLICT') ?? false);
  const enrolments = computed(() => enrolmentsInOrder(course.value?.enrolments ?? []));

  // Opening another course can overlap requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  async function load(id: string): Promise<void> {
    await run(() => request(CourseDetailDocument, { id }), {
      onData: (data) => {
        course.value = data.course ?? null;
        courseId.value = id;
      },
      // Another course's participants must not stay on screen under the new address.
      onError: () => {
        course.value = null;
        courseId.value = null;
      },
    });
  }

  /** Runs an action, then loads the course again so the places, the waiting list and the version are current. */
  async function act(action: CourseAction, send: () => Promise<unknown>): Promise<boolean> {
    const id = courseId.value;
    saving.value = true;
    actionError.value = null;
    try {
      await send();
    } catch (caught) {
      actionError.value = toCourseActionError(action, toRequestError(caught));
      return false;
    } finally {
      saving.value = false;
    }
    if (id !== null) await load(id);
    return true;
  }

  /** Cancels a place; the gateway gives a freed place to the first on the waiting list. */
  function cancelEnrolment(enrolmentId: string): Promise<boolean> {
    return act('cancel-enrolment', () => request(CancelEnrolmentDocument, { enrolmentId }));
  }

  /** Records who came (the other enrolled did not) and marks the course held. */
  function recordAttendance(attendedClientIds: string[]): Promise<boolean> {
    const id = courseId.value;
    if (id === null) return Promise.resolve(false);
    return act('attendance', () => request(RecordAttendanceDocument, { courseId: id, attendedClientIds }));
  }

  /** Cancels the course and every place on it, as of the version on screen; CONFLICT when it changed since. */
  function cancelCourse(): Promise<boolean> {
    const current = course.value;
    if (current === null) return Promise.resolve(false);
    return act('cancel-course', () =>
      request(CancelCourseDocument, { courseId: current.id, version: current.version }),
    );
  }

  async function reload(): Promise<void> {
    actionError.value = null;
    if (courseId.value !== null) await load(courseId.value);
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    courseId,
    course,
    loading,
    error,
    saving,
    actionError,
    conflict,
    enrolments,
    load,
    cancelEnrolment,
    recordAttendance,
    cancelCourse,
    reload,
    clearActionError,
  };
});
