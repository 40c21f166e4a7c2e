// The held courses of a region's year and the region's course participants, suppressed as one table
// (docs/suppression.md): the region's figure is the sum of the courses' attendance, and each course's
// attendance is a subset of its enrolled, so a course's enrolledCount shown to an aggregate reader and
// the region's courseParticipants would otherwise give away 1–4 who did not attend, or one course's
// 1–4 participants. One grouped SQL statement per year asked for in a request, for all its regions;
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
  attended: number;
  /** Attendees whose place is still held: fewer than attended only when a place was cancelled after the course. */
  attended_enrolled: number;
}

interface Row {
  region_id: string;
  participants: number;
  courses: CourseRow[];
}

// Courses and their enrolments by the course's (region, starts_on) index and the enrolment's
// (course, status, enrolled_at) index; attendance is only ever recorded on held courses.
const heldCoursesSql = `
with courses as (
  select k.id, k.region_id, k.capacity,
    count(e.id) filter (where e.status = 'ENROLLED')::int as enrolled,
    count(e.id) filter (where e.status = 'WAITLISTED')::int as waiting,
    count(e.id) filter (where e.attended)::int as attended,
    count(e.id) filter (where e.attended and e.status = 'ENROLLED')::int as attended_enrolled
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
      'waiting', c.waiting, 'attended', c.attended, 'attended_enrolled', c.attended_enrolled) order by c.id)
    filter (where c.id is not null), '[]') as courses
from region r
left join courses c on c.region_id = r.id
left join participants p on p.region_id = r.id
where r.id in (:regionIds)
group by r.id, p.participants`;

const figures: CourseFigure[] = ['capacity', 'enrolledCount', 'seatsLeft', 'waitlistCount'];
const cellOf = (courseId: string, figure: CourseFigure | 'attended') => `${courseId}.${figure}`;

/**
 * The table as a reader who sees the figures knows it: per held course capacity = enrolled + places left
 * and enrolled ⊇ attended (its attendance is never published); the region's participants = the sum of the
 * courses' attendance, and the region's enrolled (never published either: the sum of the courses'
 * enrolled) ⊇ its participants, whose remainder is everyone who missed their course. A client who attended
 * two of the courses is one participant: the check takes that overlap as known to the reader, which only
 * makes it stricter. The region's 0 participants is hidden as its other key figures' 0 are; a course's 0
 * enrolled is shown (docs/suppression.md).
 */
export function suppressHeldCourses(participants: number, courses: CourseRow[]): HeldCourses {
  const cells: Record<string, Cell> = { courseParticipants: { value: participants, hideZero: true } };
  const relations: Relation[] = [];
  // Unless a place was cancelled after the course, every attendee holds a place: attended ⊆ enrolled.
  const holdsPlaces = (course: CourseRow) => course.attended === course.attended_enrolled;
  let absent = 0;
  for (const course of courses) {
    const cell = (figure: CourseFigure | 'attended') => cellOf(course.id, figure);
    const places = Math.max(0, course.capacity - course.enrolled);
    cells[cell('capacity')] = { value: course.capacity, countsPersons: false };
    cells[cell('enrolledCount')] = { value: course.enrolled };
    cells[cell('seatsLeft')] = { value: places, countsPersons: false };
    cells[cell('waitlistCount')] = { value: course.waiting };
    cells[cell('attended')] = { value: course.attended, published: false };
    // Places left are never below 0: with more enrolled than places the sum no longer holds.
    if (course.enrolled <= course.capacity)
      relations.push({ total: cell('capacity'), parts: [cell('enrolledCount'), cell('seatsLeft')] });
    if (holdsPlaces(course)) relations.push({ whole: cell('enrolledCount'), part: cell('attended') });
    absent += course.enrolled - course.attended;
  }
  if (courses.length > 0) {
    relations.push({ total: 'courseParticipants', parts: courses.map((course) => cellOf(course.id, 'attended')) });
    if (courses.every(holdsPlaces)) {
      // Its value is the participants and those absent, so its remainder is exactly those absent.
      cells.enrolledOnCourses = { value: participants + absent, published: false };
      relations.push({
        total: 'enrolledOnCourses',
        parts: courses.map((course) => cellOf(course.id, 'enrolledCount')),
      });
      relations.push({ whole: 'enrolledOnCourses', part: 'courseParticipants' });
    }
  }
  const hidden = cellsToHide(cells, relations, { hideZero: false });
  return {
    participants,
    participantsHidden: hidden.has('courseParticipants'),
    hiddenOfCourse: new Map(
      courses.map((course) => [course.id, new Set(figures.filter((figure) => hidden.has(cellOf(course.id, figure))))]),
    ),
  };
}

/** The held courses and course participants per (region, year); one SQL statement per year asked for. */
export function heldCoursesLoader(em: EntityManager) {
  return new DataLoader<{ regionId: string; year: number }, HeldCourses, string>(
    async (keys) => {
      const results = new Map<string, HeldCourses>();
      for (const year of new Set(keys.map((key) => key.year))) {
        const regionIds = keys.filter((key) => key.year === year).map((key) => key.regionId);
        const rows: Row[] = await em.execute(
          em.getKnex().raw(heldCoursesSql, { starts: `${year}-01-01`, ends: `${year + 1}-01-01`, regionIds }),
        );
        for (const row of rows)
          results.set(`${row.region_id}:${year}`, suppressHeldCourses(row.participants, row.courses));
      }
      return keys.map((key) => results.get(`${key.regionId}:${key.year}`) ?? new Error(`No region ${key.regionId}`));
    },
    { cacheKeyFn: (key) => `${key.regionId}:${key.year}` },
  );
}
