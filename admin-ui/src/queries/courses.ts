// The course calendar through the query layer: the regions to choose from, a region's courses of a year with places
// taken and the waiting list, the region's advisers to pick instructors from, and adding a course (after which the
// calendar on screen refetches).
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { graphql } from '../graphql/generated';
import type {
  CourseCalendarQuery,
  CourseKind,
  CourseRegionsQuery,
  CreateCourseInput,
} from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';
import { type CourseActionError, toCourseActionError } from './course';

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
        ...CourseFigures
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

/** Which calendar to show. */
export interface CalendarRequest {
  regionId: string;
  year: number;
  kind: CourseKind | null;
}

/** The regions to choose a calendar from; `error` is set when they could not be loaded (the own region still works). */
export function useCourseRegions() {
  const regions = useGraphQLQuery(CourseRegionsDocument, {});
  return {
    regions: computed<CourseRegionOption[]>(() => regions.data.value?.regions ?? []),
    error: regions.error,
  };
}

/**
 * The calendar `asked` names (none while it is null). While another region, year or kind loads, the courses on
 * screen stay (`shown` names their calendar), so the table does not empty; a calendar that fails shows its error.
 */
export function useCourseCalendar(asked: MaybeRefOrGetter<CalendarRequest | null>) {
  const calendar = useGraphQLQuery(
    CourseCalendarDocument,
    () => toValue(asked) ?? { regionId: '', year: 0, kind: null },
    { enabled: () => toValue(asked) !== null, keepPrevious: true },
  );
  const region = computed(() => calendar.data.value?.region);
  return {
    /** The calendar the courses on screen are for; null before the first answer and after a failure. */
    shown: computed<CalendarRequest | null>(() =>
      calendar.data.value === undefined ? null : (calendar.shownVariables.value ?? null),
    ),
    /** The region's name, or null when there is no region with the id asked for. */
    regionName: computed(() => region.value?.name ?? null),
    // The gateway lists them by first day; sorted here too, so whatever it sends, the calendar reads in date order.
    courses: computed<CalendarCourse[]>(() =>
      [...(region.value?.courses ?? [])].sort(
        (a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title, 'nb'),
      ),
    ),
    loading: calendar.loading,
    error: calendar.error,
    refetch: calendar.refetch,
  };
}

/** The region's advisers, to pick the instructors from; none when they could not be loaded (the form works without). */
export function useCourseAdvisers(regionId: MaybeRefOrGetter<string>) {
  const advisers = useGraphQLQuery(CourseAdvisersDocument, () => ({ regionId: toValue(regionId) }));
  return computed(() => advisers.data.value?.region?.advisers ?? []);
}

/** Adding a course: `create` resolves to the new course's id, or null with the reason in `actionError`. */
export function useCreateCourse() {
  const mutation = useGraphQLMutation(CreateCourseDocument);
  const actionError = ref<CourseActionError | null>(null);

  async function create(input: CreateCourseInput): Promise<string | null> {
    actionError.value = null;
    try {
      return (await mutation.run({ input })).createCourse.id;
    } catch (caught) {
      actionError.value = toCourseActionError('create', caught);
      return null;
    }
  }

  return {
    create,
    saving: mutation.running,
    actionError,
    clearActionError: () => {
      actionError.value = null;
    },
  };
}
