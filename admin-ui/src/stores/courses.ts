// The course calendar store: a region's courses of a year with places taken and the waiting list, and adding a course.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  CourseCalendarQuery,
  CourseKind,
  CourseRegionsQuery,
  CreateCourseInput,
} from '../graphql/generated/graphql';
import { type CourseActionError, toCourseActionError } from './courseErrors';
import type { LoadError } from './regions';

export const CourseRegionsDocument = graphql(`
  query CourseRegions {
    regions {
      id
      name
    }
  }
`);

// No enrolments here: who is enrolled is personal data, read only on a course's own page.
export const CourseCalendarDocument = graphql(`
  query CourseCalendar($regionId: ID!, $year: Int!, $kind: CourseKind) {
    region(id: $regionId) {
      id
      name
      courses(year: $year, kind: $kind) {
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
      }
    }
  }
`);

export const CourseAdvisersDocument = graphql(`
  query CourseAdvisers($regionId: ID!) {
    region(id: $regionId) {
      id
      advisers {
        id
        name
      }
    }
  }
`);

export const CreateCourseDocument = graphql(`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      id
      startsOn
    }
  }
`);

export type CourseRegionOption = CourseRegionsQuery['regions'][number];
export type CalendarCourse = NonNullable<CourseCalendarQuery['region']>['courses'][number];
export type { CourseActionError, LoadError };

/** Which calendar to show. */
export interface CalendarRequest {
  regionId: string;
  year: number;
  kind: CourseKind | null;
}

export const useCoursesStore = defineStore('courses', () => {
  const regions = ref<CourseRegionOption[]>([]);
  const regionsError = ref<LoadError | null>(null);
  /** The calendar the courses below are for; null before the first successful load. */
  const shown = ref<CalendarRequest | null>(null);
  /** The region's name, or null when there is no region with the id asked for. */
  const regionName = ref<string | null>(null);
  const courses = ref<CalendarCourse[]>([]);
  const advisers = ref<{ id: string; name: string }[]>([]);
  const saving = ref(false);
  const actionError = ref<CourseActionError | null>(null);

  async function loadRegions(): Promise<void> {
    regionsError.value = null;
    try {
      regions.value = (await request(CourseRegionsDocument)).regions;
    } catch (caught) {
      const requestError = toRequestError(caught);
      regions.value = [];
      regionsError.value = { message: requestError.message, codes: requestError.codes };
    }
  }

  // A quick change of year can overlap a slow earlier request; only the newest one may write the state.
  const { loading, error, run } = useLatestRequest();

  async function load(asked: CalendarRequest): Promise<void> {
    await run(() => request(CourseCalendarDocument, { ...asked }), {
      onData: (data) => {
        regionName.value = data.region?.name ?? null;
        // The gateway lists them by first day; kept so whatever it sends, the calendar reads in date order.
        courses.value = [...(data.region?.courses ?? [])].sort(
          (a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title, 'nb'),
        );
        shown.value = { ...asked };
      },
      // Another region's or year's courses must not stay on screen under the new heading.
      onError: () => {
        courses.value = [];
        regionName.value = null;
        shown.value = null;
      },
    });
  }

  /** The region's advisers, to pick the instructors from; the form works without them. */
  async function loadAdvisers(regionId: string): Promise<void> {
    try {
      advisers.value = (await request(CourseAdvisersDocument, { regionId })).region?.advisers ?? [];
    } catch {
      advisers.value = [];
    }
  }

  /** Adds a course; resolves to the new course's id, or null with the reason in `actionError`. */
  async function create(input: CreateCourseInput): Promise<string | null> {
    saving.value = true;
    actionError.value = null;
    try {
      const data = await request(CreateCourseDocument, { input });
      return data.createCourse.id;
    } catch (caught) {
      actionError.value = toCourseActionError('create', toRequestError(caught));
      return null;
    } finally {
      saving.value = false;
    }
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    regions,
    regionsError,
    shown,
    regionName,
    courses,
    loading,
    error,
    advisers,
    saving,
    actionError,
    loadRegions,
    load,
    loadAdvisers,
    create,
    clearActionError,
  };
});
