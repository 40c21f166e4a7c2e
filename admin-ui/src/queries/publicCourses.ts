// The public course calendar through the query layer: the courses of every region (a page at a time) and Innovasjon
// Norge's open courses, by the filters a visitor chose; and one course to sign up for. Anonymous requests only.
import { useQueryCache } from '@pinia/colada';
import { computed, type MaybeRefOrGetter, ref, shallowRef, toValue, watch } from 'vue';
import { graphql } from '../graphql/generated';
import type {
  CourseKind,
  PublicCalendarQuery,
  PublicCalendarQueryVariables,
  PublicCourseFilter,
} from '../graphql/generated/graphql';
import { operationNameOf, useGraphQLQuery, useGraphQLQueryEach } from '../graphql/queries';

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

/**
 * The calendar under `filter` (none asked while `enabled` is false): the first page of the service's courses and
 * Innovasjon Norge's, and `loadMore` adding the service's next pages under them. While another filter loads the one on
 * screen stays (`shownFilter` names it); one that fails shows its error, never another filter's courses.
 */
export function usePublicCalendar(filter: MaybeRefOrGetter<CalendarFilter>, enabled: MaybeRefOrGetter<boolean> = true) {
  const first = useGraphQLQuery(PublicCalendarDocument, () => calendarVariables(toValue(filter)), {
    anonymous: true,
    enabled,
    keepPrevious: true,
  });
  /** Where the pages added under the first start; a new filter starts without any. */
  const moreOffsets = ref<number[]>([]);
  watch(
    () => JSON.stringify(toValue(filter)),
    () => {
      moreOffsets.value = [];
    },
  );
  // The added pages come as one entry: a page more asks for those before it too (from the cache while fresh).
  const more = useGraphQLQueryEach(
    PublicCalendarDocument,
    () => moreOffsets.value.map((offset) => calendarVariables(toValue(filter), offset)),
    { anonymous: true, enabled: () => toValue(enabled) && moreOffsets.value.length > 0, keepPrevious: true },
  );

  const shownFilter = shallowRef<CalendarFilter | null>(null);
  watch(
    [first.data, first.query.isPlaceholderData],
    ([answer, placeholder]) => {
      if (answer === undefined) shownFilter.value = null;
      else if (!placeholder) shownFilter.value = { ...toValue(filter) };
    },
    { immediate: true },
  );

  const firstPage = computed(() => first.data.value?.publicCourses ?? null);
  const morePages = computed(() =>
    more.data.value === undefined || moreOffsets.value.length === 0
      ? []
      : more.data.value.map((answer) => answer.publicCourses).filter((page) => page != null),
  );
  const lastPage = computed(() => morePages.value.at(-1) ?? firstPage.value);
  const courses = computed<PublicCourseItem[]>(() => {
    // A course moved between pages while they loaded must not show twice.
    const byId = new Map<string, PublicCourseItem>();
    for (const page of [firstPage.value, ...morePages.value])
      for (const item of page?.items ?? []) byId.set(item.id, item);
    return [...byId.values()];
  });

  return {
    courses,
    totalCount: computed(() => lastPage.value?.totalCount ?? 0),
    hasNextPage: computed(() => lastPage.value?.hasNextPage ?? false),
    partnerCourses: computed<PartnerCourseItem[]>(() => first.data.value?.publicPartnerCourses ?? []),
    shownFilter,
    loading: first.loading,
    error: first.error,
    loadingMore: more.loading,
    moreError: more.error,
    refetch: first.refetch,
    /** Adds the next page of the service's courses under those shown. */
    loadMore: () => {
      if (shownFilter.value === null || !lastPage.value?.hasNextPage) return;
      moreOffsets.value = [...moreOffsets.value, courses.value.length];
    },
  };
}

/**
 * One course for its sign-up page: among the calendar's answers already at hand, or else asked for by its id (a
 * feed's link may lead here directly). `courseMissing` when it is not (or no longer) open for sign-up.
 */
export function usePublicCourse(id: MaybeRefOrGetter<string>) {
  const cache = useQueryCache();
  const calendarName = operationNameOf(PublicCalendarDocument);
  /** The course as a calendar on this page's way here showed it; null when none did. */
  const shown = computed<PublicCourseItem | null>(() => {
    for (const entry of cache.getEntries({ key: ['graphql', calendarName] })) {
      const answers = entry.state.value.data as PublicCalendarQuery | PublicCalendarQuery[] | undefined;
      for (const answer of Array.isArray(answers) ? answers : answers ? [answers] : []) {
        const found = answer.publicCourses?.items.find((item) => item.id === toValue(id));
        if (found) return found;
      }
    }
    return null;
  });
  // Decided once per course: a calendar answer arriving later does not replace the one asked for.
  const fromCalendar = shallowRef<PublicCourseItem | null>(null);
  watch(
    () => toValue(id),
    () => {
      fromCalendar.value = shown.value;
    },
    { immediate: true },
  );
  const query = useGraphQLQuery(PublicCourseDocument, () => ({ id: toValue(id) }), {
    anonymous: true,
    enabled: () => fromCalendar.value === null && toValue(id) !== '',
  });
  return {
    course: computed<PublicCourseItem | null>(() => fromCalendar.value ?? query.data.value?.publicCourse ?? null),
    courseMissing: computed(
      () => fromCalendar.value === null && query.data.value !== undefined && query.data.value.publicCourse === null,
    ),
    courseLoading: query.loading,
    courseError: query.error,
    refetch: query.refetch,
  };
}
