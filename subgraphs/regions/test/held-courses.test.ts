// The held courses of a region's year and its course participants, tried as a reader who sees every figure
// shown would: the whole table's relations, attendance and non-attendance per course never published.
import { determinedFigures } from '@etablerer/kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressHeldCourses } from '../src/held-courses.js';

interface Course {
  capacity: number;
  enrolled: number;
  attended: number;
  waiting: number;
}

/**
 * The counts of 1–4 persons a reader works out, by any sum or difference along the whole table: per course
 * capacity = enrolled + places left and enrolled = attended + absent; participants = Σ attended (each
 * participant on one course); and those absent in all = Σ absent.
 */
function workedOut(courses: Course[], participants: number) {
  const { participantsHidden, hiddenOfCourse } = suppressHeldCourses(
    participants,
    courses.map((course, k) => ({ id: `c${k}`, ...course })),
  );
  const values = new Map<string, number>([
    ['participants', participants],
    ['absent', courses.reduce((sum, course) => sum + course.enrolled - course.attended, 0)],
  ]);
  const unknown = new Set(['absent', ...(participantsHidden ? ['participants'] : [])]);
  // With no course held (coursesHeld 0 is shown), everyone knows there were 0 participants.
  const equations = courses.length
    ? [
        { total: 'participants', parts: courses.map((_, k) => `c${k}.attended`) },
        { total: 'absent', parts: courses.map((_, k) => `c${k}.absent`) },
      ]
    : [];
  courses.forEach((course, k) => {
    const figures = {
      capacity: course.capacity,
      enrolledCount: course.enrolled,
      seatsLeft: Math.max(0, course.capacity - course.enrolled),
      waitlistCount: course.waiting,
      attended: course.attended,
      absent: course.enrolled - course.attended,
    };
    for (const [figure, value] of Object.entries(figures)) values.set(`c${k}.${figure}`, value);
    for (const figure of hiddenOfCourse.get(`c${k}`) ?? []) unknown.add(`c${k}.${figure}`);
    unknown.add(`c${k}.attended`).add(`c${k}.absent`);
    if (course.enrolled <= course.capacity)
      equations.push({ total: `c${k}.capacity`, parts: [`c${k}.enrolledCount`, `c${k}.seatsLeft`] });
    equations.push({ total: `c${k}.enrolledCount`, parts: [`c${k}.attended`, `c${k}.absent`] });
  });
  const small = (name: string) => {
    const value = values.get(name) ?? 0;
    // The region's 0 participants is suppressed as its other key figures' 0; other 0s name no one.
    return (value >= 1 && value <= 4) || (name === 'participants' && value === 0);
  };
  return [...determinedFigures(equations, unknown)].filter(small).map((name) => `${name} = ${values.get(name)}`);
}

const courses = fc.array(
  fc
    .record({
      enrolled: fc.nat({ max: 14 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      free: fc.nat({ max: 4 }),
      waiting: fc.nat({ max: 6 }),
    })
    .map(({ enrolled, share, free, waiting }) => ({
      capacity: enrolled + free,
      enrolled,
      attended: Math.floor(enrolled * share),
      waiting,
    })),
  { minLength: 0, maxLength: 4 },
);

describe("a region's held courses with its course participants", () => {
  it('leaves no count of 1–4 persons derivable from the courses and the total together', () => {
    fc.assert(
      fc.property(courses, (list) => {
        const participants = list.reduce((sum, course) => sum + course.attended, 0);
        expect(workedOut(list, participants)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('hides the participants, not the courses, when one course or all of them leave 1–4 absent', () => {
    // 6 enrolled on the region's only course, 5 attended: 6 − 5 = 1 did not.
    const one = suppressHeldCourses(5, [{ id: 'a', capacity: 12, enrolled: 6, waiting: 0, attended: 5 }]);
    expect(one.participantsHidden).toBe(true);
    expect(one.hiddenOfCourse.get('a')).toEqual(new Set());
    // 6 + 7 enrolled, 5 + 6 attended: 2 missed theirs.
    const two = suppressHeldCourses(11, [
      { id: 'a', capacity: 12, enrolled: 6, waiting: 0, attended: 5 },
      { id: 'b', capacity: 12, enrolled: 7, waiting: 0, attended: 6 },
    ]);
    expect(two.participantsHidden).toBe(true);
    // A client on both courses is one participant: 13 − 10 = 3 is what a reader computes, though 2 were absent.
    expect(
      suppressHeldCourses(10, [
        { id: 'a', capacity: 12, enrolled: 6, waiting: 0, attended: 6 },
        { id: 'b', capacity: 12, enrolled: 7, waiting: 0, attended: 7 },
      ]).participantsHidden,
    ).toBe(true);
    // Nothing small: all shown.
    const none = suppressHeldCourses(12, [
      { id: 'a', capacity: 12, enrolled: 6, waiting: 0, attended: 6 },
      { id: 'b', capacity: 12, enrolled: 11, waiting: 5, attended: 6 },
    ]);
    expect(none.participantsHidden).toBe(false);
    expect([...none.hiddenOfCourse.values()].map((hidden) => hidden.size)).toEqual([0, 0]);
  });
});
