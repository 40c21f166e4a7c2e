// The figures of a region's courses for aggregate readers, and the held courses of a region's year with
// the region's course participants, suppressed as one table (docs/suppression.md): the region's figure is
// the sum of the courses' attendance, and each course's attendance is a subset of its enrolled, so a
// course's enrolledCount shown to an aggregate reader and the region's courseParticipants would otherwise
// give away 1–4 who did not attend, or one course's 1–4 participants. One grouped SQL statement per year asked for in a request, for all its regions;
// Course and Region.statistics both read the decision from here, so it is the same whichever is read first.
import { type Cell, cellsToHide, type Relation } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/** A course's figures that an aggregate reader may be denied. */
export type CourseFigure = 'capacity' | 'enrolledCount' | 'seatsLeft' | 'waitlistCount';

export interface HeldCourses {
  /** Clients who attended at least one course that started in the year: Region.statistics.courseParticipants. */
  participants: number;
  /** Whether courseParticipants is hidden. */
  participantsHidden: boolean;
  /** Per held course of the region's year, the figures an aggregate reader is not shown. */
  hiddenOfCourse: Map<string, Set<CourseFigure>>;
}

interface CourseRow {
  id: string;
  capacity: number;
  enrolled: number;
  waiting: number;
  /** Attendees with a place (a place cancelled after the course leaves its attendance out). */
  attended: number;
}

/** A region's year of held courses as counted in SQL, before suppression. */
export interface HeldCourseRows {
  participants: number;
  courses: CourseRow[];
}

interface Row extends HeldCourseRows {
  region_id: string;
}

// Courses and their enrolments by the course's (region, starts_on) index and the enrolment's
// (course, status, enrolled_at) index; attendance is only ever recorded on held courses.
const heldCoursesSql = `
with courses as (
  select k.id, k.region_id, k.capacity,
    count(e.id) filter (where e.status = 'ENROLLED')::int as enrolled,
    count(e.id) filter (where e.status = 'WAITLISTED')::int as waiting,
    count(e.id) filter (where e.attended and e.status = 'ENROLLED')::int as attended
  from course k
  left join enrolment e on e.course_id = k.id
  where k.region_id in (:regionIds) and k.status = 'HELD' and k.starts_on >= :starts and k.starts_on < :ends
  group by k.id),
participants as (
  select k.region_id, count(distinct e.client_id)::int as participants
  from enrolment e join course k on k.id = e.course_id
  where k.region_id in (:regionIds) and k.starts_on >= :starts and k.starts_on < :ends and e.attended
  group by k.region_id)
select r.id as region_id, coalesce(p.participants, 0) as participants,
  coalesce(json_agg(json_build_object('id', c.id, 'capacity', c.capacity, 'enrolled', c.enrolled,
      'waiting', c.waiting, 'attended', c.attended) order by c.id)
    filter (where c.id is not null), '[]') as courses
from region r
left join courses c on c.region_id = r.id
left join participants p on p.region_id = r.id
where r.id in (:regionIds)
group by r.id, p.participants`;

/** What a course's figures are made of, as counted in SQL. */
export interface CourseCounts {
  capacity: number;
  enrolled: number;
  waiting: number;
  /** Its places left are on the public calendar (planned, not started): never hidden, then. */
  onPublicCalendar: boolean;
}

/**
 * The course's figures an aggregate reader is not shown, from its own table: 1–4 enrolled or waiting are
 * suppressed, and so is what would give the enrolled away: capacity = enrolled + places left. Places left of
 * a course open for sign-up are on the public calendar for anyone, so there the capacity goes instead. A
 * course no one has signed up for shows its 0: it names no one, and the public calendar's places left show
 * it anyway. A hidden enrolled is never hidden beside anything else, so it is hidden only when 1–4.
 */
export function courseFiguresToHide({ capacity, enrolled, waiting, onPublicCalendar }: CourseCounts) {
  const places = { value: Math.max(0, capacity - enrolled), countsPersons: false, shownElsewhere: onPublicCalendar };
  return cellsToHide(
    {
      capacity: { value: capacity, countsPersons: false },
      enrolledCount: { value: enrolled },
      seatsLeft: places,
      waitlistCount: { value: waiting },
    },
    // Places left are never below 0: with more enrolled than places the sum no longer holds.
    enrolled <= capacity ? [{ total: 'capacity', parts: ['enrolledCount', 'seatsLeft'] }] : [],
    { hideZero: false },
  ) as Set<CourseFigure>;
}

/**
 * The held courses of a region's year with the region's course participants (docs/suppression.md). As a
 * reader who sees them knows: each course's attendance is a subset of its enrolled, and the participants
 * are the sum of the courses' attendance (a client who attended two of them counted once). Attendance is
 * never published, so of the whole table a reader can work out only this: with one course, its
 * participants (the region's figure) and its non-attendees (enrolled − participants); with any number,
 * the sum of the courses' enrolled − the participants, who missed their course (or came to two). That
 * needs every course's enrolled: a course's enrolled is hidden only when 1–4, and then not derivable.
 * So the courses keep their own tables' answer, and the region's participants are hidden, beside their 0
 * or 1–4, when that difference is 1–4 — the part of the relation rather than each course's enrolled and
 * places left (docs/suppression.md, rule 3). Both the true non-attendees and the difference a reader
 * computes are kept from showing 1–4; they differ only by clients who came to two courses.
 */
export function suppressHeldCourses(participants: number, courses: CourseRow[]): HeldCourses {
  const hiddenOfCourse = new Map(
    courses.map((course) => [course.id, courseFiguresToHide({ ...course, onPublicCalendar: false })]),
  );
  const everyEnrolledShown =
    courses.length > 0 && courses.every((course) => !hiddenOfCourse.get(course.id)?.has('enrolledCount'));
  const enrolled = courses.reduce((sum, course) => sum + course.enrolled, 0);
  // Those with a place who did not attend; attendees whose place was cancelled after the course are left out.
  const absent = courses.reduce((sum, course) => sum + course.enrolled - course.attended, 0);
  const cells: Record<string, Cell> = { courseParticipants: { value: participants } };
  const relations: Relation[] = [];
  if (everyEnrolledShown) {
    // The sum of the courses' enrolled is shown through them; the whole that leaves those absent is not.
    cells.enrolledOnCourses = { value: enrolled, shownElsewhere: true };
    cells.participantsAndAbsent = { value: participants + absent, shownElsewhere: true };
    relations.push({ whole: 'enrolledOnCourses', part: 'courseParticipants' });
    relations.push({ whole: 'participantsAndAbsent', part: 'courseParticipants' });
  }
  return {
    participants,
    participantsHidden: cellsToHide(cells, relations).has('courseParticipants'),
    hiddenOfCourse,
  };
}

/** The held courses' rows of the regions' year, by region: one SQL statement. */
export async function heldCourseRowsOf(
  em: EntityManager,
  year: number,
  regionIds: string[],
): Promise<Map<string, HeldCourseRows>> {
  const rows: Row[] = await em.execute(
    em.getKnex().raw(heldCoursesSql, { starts: `${year}-01-01`, ends: `${year + 1}-01-01`, regionIds }),
  );
  return new Map(rows.map((row) => [row.region_id, { participants: row.participants, courses: row.courses }]));
}

/**
 * The held courses and course participants per (region, year), suppressed from the rows the key figures'
 * loader reads (statistics.ts: kept while the region's data is unchanged, else one statement per year asked for).
 */
export function heldCoursesLoader<Rows extends { heldCourses: HeldCourseRows }>(
  keyFigureRows: DataLoader<{ regionId: string; year: number }, Rows, string>,
  suppressed: (rows: Rows) => HeldCourses,
) {
  return new DataLoader<{ regionId: string; year: number }, HeldCourses, string>(
    async (keys) =>
      (await keyFigureRows.loadMany(keys)).map((rows) => (rows instanceof Error ? rows : suppressed(rows))),
    { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
  );
}
