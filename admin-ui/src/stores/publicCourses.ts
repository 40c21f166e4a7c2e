// The public course calendar: the courses of every region (a page at a time) and Innovasjon
// Norge's open courses, by the filters a visitor chose; and one course to sign up for.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { anonymousRequest } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  CourseKind,
  PublicCalendarQuery,
  PublicCalendarQueryVariables,
  PublicCourseFilter,
} from '../graphql/generated/graphql';

export const PublicCalendarDocument = graphql(`
  query PublicCalendar(
    $filter: PublicCourseFilter!
    $first: Int!
    $offset: Int!
    $withCourses: Boolean!
    $withPartnerCourses: Boolean!
    $from: Date
    $to: Date
    $online: Boolean
  ) {
    publicCourses(filter: $filter, first: $first, offset: $offset) @include(if: $withCourses) {
      items {
        id
        region {
          id
          name
        }
        kind
        title
        startsOn
        endsOn
        location
        online
        participantFee
        seatsLeft
      }
      totalCount
      hasNextPage
    }
    publicPartnerCourses(from: $from, to: $to, online: $online) @include(if: $withPartnerCourses) {
      id
      kind
      title
      date
      online
      location
      description
    }
  }
`);

export const PublicCourseDocument = graphql(`
  query PublicCourse($id: ID!) {
    publicCourse(id: $id) {
      id
      region {
        id
        name
      }
      kind
      title
      startsOn
      endsOn
      location
      online
      participantFee
      seatsLeft
    }
  }
`);

export type PublicCourseItem = NonNullable<PublicCalendarQuery['publicCourses']>['items'][number];
export type PartnerCourseItem = NonNullable<PublicCalendarQuery['publicPartnerCourses']>[number];

/** What the calendar shows: a course kind of the service, or Innovasjon Norge's offers. */
export type CalendarKind = CourseKind | 'PARTNER';

export interface CalendarFilter {
  regionId: string | null;
  kind: CalendarKind | null;
  /** YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  online: boolean | null;
}

export const calendarPageSize = 12;

export function emptyCalendarFilter(): CalendarFilter {
  return { regionId: null, kind: null, from: null, to: null, online: null };
}

/**
 * The variables for one page. Innovasjon Norge's courses are open to people of every region, so
 * a region filter does not hide them; only the kind does.
 */
export function calendarVariables(filter: CalendarFilter, offset = 0): PublicCalendarQueryVariables {
  const courseFilter: PublicCourseFilter = {};
  if (filter.regionId) courseFilter.regionId = filter.regionId;
  if (filter.kind === 'BASIC' || filter.kind === 'THEME') courseFilter.kind = filter.kind;
  if (filter.from) courseFilter.from = filter.from;
  if (filter.to) courseFilter.to = filter.to;
  if (filter.online !== null) courseFilter.online = filter.online;
  return {
    filter: courseFilter,
    first: calendarPageSize,
    offset,
    withCourses: filter.kind !== 'PARTNER',
    // A later page of the service's courses does not ask for Innovasjon Norge's again.
    withPartnerCourses: offset === 0 && (filter.kind === null || filter.kind === 'PARTNER'),
    // Left out rather than null: a condition left out matches all.
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.online !== null ? { online: filter.online } : {}),
  };
}

export const usePublicCoursesStore = defineStore('publicCourses', () => {
  const courses = ref<PublicCourseItem[]>([]);
  const totalCount = ref(0);
  const hasNextPage = ref(false);
  const partnerCourses = ref<PartnerCourseItem[]>([]);
  /** The filter the lists above are for; null before the first successful load. */
  const shownFilter = ref<CalendarFilter | null>(null);
  const calendar = useLatestRequest();
  const more = useLatestRequest();

  /** The course being signed up for. */
  const course = ref<PublicCourseItem | null>(null);
  /** True when the course is not (or no longer) on the calendar. */
  const courseMissing = ref(false);
  const lookup = useLatestRequest();

  async function load(filter: CalendarFilter): Promise<void> {
    await calendar.run(() => anonymousRequest(PublicCalendarDocument, calendarVariables(filter)), {
      onData: (data) => {
        courses.value = data.publicCourses?.items ?? [];
        totalCount.value = data.publicCourses?.totalCount ?? 0;
        hasNextPage.value = data.publicCourses?.hasNextPage ?? false;
        partnerCourses.value = data.publicPartnerCourses ?? [];
        shownFilter.value = { ...filter };
      },
      onError: () => {
        // Another filter's courses must not stay on screen under the new choice.
        courses.value = [];
        totalCount.value = 0;
        hasNextPage.value = false;
        partnerCourses.value = [];
        shownFilter.value = null;
      },
    });
  }

  /** Adds the next page of the service's courses under those shown. */
  async function loadMore(): Promise<void> {
    const filter = shownFilter.value;
    if (!filter || !hasNextPage.value) return;
    const offset = courses.value.length;
    await more.run(() => anonymousRequest(PublicCalendarDocument, calendarVariables(filter, offset)), {
      onData: (data) => {
        // The filter may have changed while the page loaded; its own load replaces everything then.
        if (shownFilter.value !== filter) return;
        courses.value = [...courses.value, ...(data.publicCourses?.items ?? [])];
        totalCount.value = data.publicCourses?.totalCount ?? totalCount.value;
        hasNextPage.value = data.publicCourses?.hasNextPage ?? false;
      },
    });
  }

  /** Finds a course for its sign-up page: among those shown, or else by its id (a feed's link may lead here directly). */
  async function loadCourse(id: string): Promise<void> {
    courseMissing.value = false;
    const shown = courses.value.find((item) => item.id === id);
    if (shown) {
      course.value = shown;
      return;
    }
    course.value = null;
    await lookup.run(async () => (await anonymousRequest(PublicCourseDocument, { id })).publicCourse ?? null, {
      onData: (found) => {
        course.value = found;
        courseMissing.value = found === null;
      },
    });
  }

  return {
    courses,
    totalCount,
    hasNextPage,
    partnerCourses,
    shownFilter,
    loading: calendar.loading,
    error: calendar.error,
    loadingMore: more.loading,
    moreError: more.error,
    course,
    courseMissing,
    courseLoading: lookup.loading,
    courseError: lookup.error,
    load,
    loadMore,
    loadCourse,
  };
});
