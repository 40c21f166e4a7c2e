// Courses as the gateway returns them: Follo's calendar for 2027, one full course with its waiting list, and open courses to enrol on.

import type { CourseDetail, CourseEnrolment } from '../src/queries/course';
import type { OpenCourse } from '../src/queries/courseEnrolment';
import type { CalendarCourse, CourseRegionOption } from '../src/queries/courses';

export const courseRegions: CourseRegionOption[] = [
  { id: 'follo', name: 'Follo' },
  { id: 'halden', name: 'Halden' },
];

/** Follo's 2027 calendar, in date order: a free basic course that is full, a theme course with a fee, a cancelled one. */
export const folloCourses2027: CalendarCourse[] = [
  {
    id: 'course-basic',
    kind: 'BASIC',
    title: 'Etablererkurs vår',
    startsOn: '2027-02-03',
    endsOn: '2027-02-04',
    location: 'Ski rådhus',
    online: false,
    capacity: 2,
    participantFee: '0.00',
    status: 'PLANNED',
    enrolledCount: 2,
    waitlistCount: 2,
    seatsLeft: 0,
  },
  {
    id: 'course-theme',
    kind: 'THEME',
    title: 'Markedsføring i sosiale medier',
    startsOn: '2027-03-10',
    endsOn: '2027-03-10',
    location: null,
    online: true,
    capacity: 25,
    participantFee: '1500.00',
    status: 'PLANNED',
    enrolledCount: 7,
    waitlistCount: 0,
    seatsLeft: 18,
  },
  {
    id: 'course-cancelled',
    kind: 'THEME',
    title: 'Regnskap for nybegynnere',
    startsOn: '2027-04-21',
    endsOn: '2027-04-21',
    location: 'Ås bibliotek',
    online: true,
    capacity: 20,
    participantFee: '750.50',
    status: 'CANCELLED',
    enrolledCount: 0,
    waitlistCount: 0,
    seatsLeft: 20,
  },
];

/** The full basic course with two places, two on the waiting list and one cancelled, in the gateway's sign-up order. */
export const fullBasicCourse: CourseDetail = {
  id: 'course-basic',
  kind: 'BASIC',
  title: 'Etablererkurs vår',
  startsOn: '2027-02-03',
  endsOn: '2027-02-04',
  location: 'Ski rådhus',
  online: false,
  capacity: 2,
  participantFee: '0.00',
  status: 'PLANNED',
  enrolledCount: 2,
  waitlistCount: 2,
  seatsLeft: 0,
  partnerInstructor: 'Innovasjon Norge Oslo og Viken',
  version: 4,
  region: { id: 'follo', name: 'Follo' },
  instructors: [{ id: 'adviser-1', name: 'Amira Haddad' }],
  enrolments: [
    {
      id: 'enrolment-cancelled',
      status: 'CANCELLED',
      enrolledAt: '2026-11-01T09:00:00.000Z',
      attended: null,
      waitlistPosition: null,
      client: { id: 'client-3', name: 'Per Olsen' },
    },
    {
      id: 'enrolment-2',
      status: 'WAITLISTED',
      enrolledAt: '2026-11-20T10:15:00.000Z',
      attended: null,
      waitlistPosition: 2,
      client: { id: 'client-5', name: 'Lise Dahl' },
    },
    {
      id: 'enrolment-nadia',
      status: 'ENROLLED',
      enrolledAt: '2026-11-02T08:30:00.000Z',
      attended: null,
      waitlistPosition: null,
      client: { id: 'client-7', name: 'Nadia Rahman' },
    },
    {
      id: 'enrolment-1',
      status: 'WAITLISTED',
      enrolledAt: '2026-11-10T12:00:00.000Z',
      attended: null,
      waitlistPosition: 1,
      client: { id: 'client-4', name: 'Jonas Berg' },
    },
    {
      id: 'enrolment-ola',
      status: 'ENROLLED',
      enrolledAt: '2026-11-03T14:45:00.000Z',
      attended: null,
      waitlistPosition: null,
      client: { id: 'client-8', name: 'Ola Nilsen' },
    },
  ],
};

/** The same course after Nadia's place was cancelled: Jonas, first on the waiting list, has it now. */
export const afterNadiaCancelled: CourseDetail = {
  ...fullBasicCourse,
  version: 5,
  waitlistCount: 1,
  enrolments: fullBasicCourse.enrolments.map((enrolment): CourseEnrolment => {
    if (enrolment.id === 'enrolment-nadia') return { ...enrolment, status: 'CANCELLED' };
    if (enrolment.id === 'enrolment-1') return { ...enrolment, status: 'ENROLLED', waitlistPosition: null };
    if (enrolment.id === 'enrolment-2') return { ...enrolment, waitlistPosition: 1 };
    return enrolment;
  }),
};

/** A course that has started (long ago), with places to record attendance for. */
export const startedThemeCourse: CourseDetail = {
  ...fullBasicCourse,
  id: 'course-started',
  kind: 'THEME',
  title: 'Budsjett og likviditet',
  startsOn: '2024-05-06',
  endsOn: '2024-05-06',
  capacity: 10,
  participantFee: '500.00',
  enrolledCount: 2,
  waitlistCount: 0,
  seatsLeft: 8,
  partnerInstructor: null,
  enrolments: fullBasicCourse.enrolments.filter((enrolment) => enrolment.status === 'ENROLLED'),
};

function openCourse(id: string, startsOn: string, seatsLeft: number, extra: Partial<OpenCourse> = {}): OpenCourse {
  return {
    id,
    kind: 'BASIC',
    title: `Kurs ${id}`,
    startsOn,
    endsOn: startsOn,
    location: 'Ski',
    online: false,
    participantFee: '0.00',
    status: 'PLANNED',
    seatsLeft,
    waitlistCount: seatsLeft === 0 ? 3 : 0,
    ...extra,
  };
}

/** Follo's courses as the enrolment picker asks for them on 10 December 2026: this year's and next year's. */
export const openCoursesThisYear: OpenCourse[] = [
  openCourse('past', '2026-11-02', 5),
  openCourse('december', '2026-12-14', 4, { title: 'Etablererkurs desember' }),
  openCourse('cancelled', '2026-12-20', 10, { status: 'CANCELLED' }),
];
export const openCoursesNextYear: OpenCourse[] = [
  openCourse('theme', '2027-03-10', 18, { kind: 'THEME', title: 'Markedsføring', participantFee: '1500.00' }),
  openCourse('course-basic', '2027-02-03', 0, { title: 'Etablererkurs vår' }),
  openCourse('held', '2027-01-05', 3, { status: 'HELD' }),
];
