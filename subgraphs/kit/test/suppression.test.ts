// Complementary suppression, tried the way an attacker would: every sum and difference of shown figures
// along the declared relations, over random tables of related counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell, cellsToHide, type Relation, remainderOf } from '../src/suppression.js';

interface Table {
  cells: Record<string, Cell>;
  relations: Relation[];
}

/** The relations as signed sums of figures that are 0: total − parts, whole − part − (whole − part). */
const equationsOf = (relations: Relation[]) =>
  relations.map((relation) =>
    'parts' in relation
      ? new Map<string, number>([[relation.total, 1], ...relation.parts.map((part) => [part, -1] as [string, number])])
      : new Map<string, number>([
          [relation.whole, 1],
          [relation.part, -1],
          [remainderOf(relation.whole, relation.part), -1],
        ]),
  );

/**
 * What a reader can work out by adding and subtracting relations (each taken −1, 0 or +1 times): a
 * combination whose only figure not shown is one figure reveals that figure. Independent of the module's
 * linear algebra on purpose.
 */
function revealedBy({ cells, relations }: Table, hidden: Set<string>): Map<string, number> {
  const equations = equationsOf(relations);
  const names = [...new Set(equations.flatMap((equation) => [...equation.keys()]))];
  const rows = equations.map((equation) => names.map((name) => equation.get(name) ?? 0));
  const shown = names.map((name) => name in cells && cells[name]?.published !== false && !hidden.has(name));
  const values = names.map((name) => figureValue(cells, name));
  const sum = new Array<number>(names.length).fill(0);
  const revealed = new Map<string, number>();
  const combine = (i: number) => {
    if (i === rows.length) {
      let unknown = -1;
      for (let n = 0; n < names.length; n++) {
        if (sum[n] === 0 || shown[n]) continue;
        if (unknown >= 0) return;
        unknown = n;
      }
      if (unknown < 0) return;
      // coefficient · x + Σ coefficient · (shown figure) = 0
      let known = 0;
      for (let n = 0; n < names.length; n++) if (n !== unknown) known += (sum[n] ?? 0) * (values[n] ?? 0);
      revealed.set(names[unknown] ?? '', -known / (sum[unknown] ?? 1));
      return;
    }
    for (const times of [0, 1, -1]) {
      const row = rows[i] ?? [];
      for (let n = 0; n < names.length; n++) sum[n] = (sum[n] ?? 0) + times * (row[n] ?? 0);
      combine(i + 1);
      for (let n = 0; n < names.length; n++) sum[n] = (sum[n] ?? 0) - times * (row[n] ?? 0);
    }
  };
  combine(0);
  return revealed;
}

/** A figure's value: a cell's own, or a remainder's whole − part. */
function figureValue(cells: Record<string, Cell>, name: string): number {
  const cell = cells[name];
  if (cell) return cell.value;
  const [whole = '', part = ''] = name.split(' − ');
  return figureValue(cells, whole) - figureValue(cells, part);
}

const isSmall = (table: Table, name: string) => {
  const value = figureValue(table.cells, name);
  const published = name in table.cells && table.cells[name]?.published !== false;
  return published ? value < 5 : value > 0 && value < 5;
};

/**
 * A random table as the platform publishes them: a cross table of counts with row, column and grand
 * totals (survey answers per occasion and year), and subsets of some cells (clients ⊇ new clients).
 */
const tables: fc.Arbitrary<Table> = fc
  .record({
    grid: fc.array(fc.array(fc.nat({ max: 14 }), { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    subsets: fc.array(fc.record({ of: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }), {
      maxLength: 2,
    }),
  })
  .map(({ grid, subsets }) => {
    const width = Math.min(...grid.map((row) => row.length));
    const cells: Record<string, Cell> = {};
    const relations: Relation[] = [];
    grid.forEach((row, r) => {
      for (let c = 0; c < width; c++) cells[`c${r}.${c}`] = { value: row[c] ?? 0 };
      cells[`row${r}`] = { value: row.slice(0, width).reduce((a, b) => a + b, 0) };
      relations.push({ total: `row${r}`, parts: Array.from({ length: width }, (_, c) => `c${r}.${c}`) });
    });
    if (grid.length > 1) {
      for (let c = 0; c < width; c++) {
        cells[`column${c}`] = { value: grid.reduce((sum, row) => sum + (row[c] ?? 0), 0) };
        relations.push({ total: `column${c}`, parts: grid.map((_, r) => `c${r}.${c}`) });
      }
      cells.all = { value: grid.reduce((sum, row) => sum + row.slice(0, width).reduce((a, b) => a + b, 0), 0) };
      relations.push({ total: 'all', parts: grid.map((_, r) => `row${r}`) });
    }
    const names = Object.keys(cells);
    subsets.forEach(({ of, share }, i) => {
      const whole = names[of % names.length] ?? 'row0';
      cells[`subset${i}`] = { value: Math.floor(figureValue(cells, whole) * share) };
      relations.push({ whole, part: `subset${i}` });
    });
    return { cells, relations };
  });

describe('complementary suppression', () => {
  it('hides every count below 5, and nothing when no count is small', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const hidden = cellsToHide(table.cells, table.relations);
        for (const [name, cell] of Object.entries(table.cells)) if (cell.value < 5) expect(hidden).toContain(name);
        const anySmall = [
          ...Object.keys(table.cells),
          ...table.relations.flatMap((r) => ('whole' in r ? [remainderOf(r.whole, r.part)] : [])),
        ].some((name) => isSmall(table, name));
        if (!anySmall) expect(hidden.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no small count derivable by any sum or difference of shown figures', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const hidden = cellsToHide(table.cells, table.relations);
        for (const [name, value] of revealedBy(table, hidden)) {
          expect(value).toBeCloseTo(figureValue(table.cells, name));
          expect(isSmall(table, name), `${name} = ${value} can be worked out`).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('hides no more than it needs: showing any one figure it hid beyond the small ones would reveal one', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const hidden = cellsToHide(table.cells, table.relations);
        for (const name of hidden) {
          if (figureValue(table.cells, name) < 5) continue;
          const fewer = new Set(hidden);
          fewer.delete(name);
          const revealed = [...revealedBy(table, fewer).keys()].filter((figure) => isSmall(table, figure));
          expect(revealed.length, `${name} is hidden for nothing`).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('reproduces the reported differences and closes them', () => {
    // Survey answers: 40 in the year, 3 after a course; the other occasion gave the 3 away.
    expect(
      cellsToHide({ year: { value: 40 }, counselling: { value: 37 }, course: { value: 3 } }, [
        { total: 'year', parts: ['counselling', 'course'] },
      ]),
    ).toEqual(new Set(['course', 'counselling']));
    // Businesses: 9 started the year before, 6 still active: 3 closed. The subset goes, the base stays.
    expect(
      cellsToHide({ startedYearBefore: { value: 9 }, stillActive: { value: 6 } }, [
        { whole: 'startedYearBefore', part: 'stillActive' },
      ]),
    ).toEqual(new Set(['stillActive']));
    // A course of 12 places with 3 enrolled, whose places left the public calendar shows: capacity goes.
    expect(
      cellsToHide(
        {
          capacity: { value: 12, countsPersons: false },
          enrolled: { value: 3 },
          seatsLeft: { value: 9, shownElsewhere: true, countsPersons: false },
        },
        [{ total: 'capacity', parts: ['enrolled', 'seatsLeft'] }],
        { hideZero: false },
      ),
    ).toEqual(new Set(['enrolled', 'capacity']));
  });

  it('shows a figure that counts no persons however small, unless it gives a count of persons away', () => {
    const course = (enrolled: number) => ({
      capacity: { value: 6, countsPersons: false },
      enrolled: { value: enrolled },
      seatsLeft: { value: 6 - enrolled, countsPersons: false },
    });
    const relations = [{ total: 'capacity', parts: ['enrolled', 'seatsLeft'] }];
    expect(cellsToHide(course(6), relations)).toEqual(new Set());
    expect(cellsToHide(course(2), relations)).toEqual(new Set(['enrolled', 'seatsLeft']));
  });

  it('shows a 0 where asked to, and hides it by default', () => {
    expect(cellsToHide({ enrolled: { value: 0 } }, [], { hideZero: false })).toEqual(new Set());
    expect(cellsToHide({ enrolled: { value: 0 } }, [])).toEqual(new Set(['enrolled']));
  });

  it("keeps one course's participants and non-attendees from the region's total, with one course or several", () => {
    // The reported case: 6 enrolled on the region's only course, 5 of them attended: 6 − 5 = 1 did not.
    const region = (courses: { enrolled: number; attended: number }[], participants: number): Table => ({
      cells: {
        participants: { value: participants },
        // Everyone enrolled on the region's courses: the total of the courses' figures, never published itself.
        enrolled: {
          value: participants + courses.reduce((sum, { enrolled, attended }) => sum + enrolled - attended, 0),
          published: false,
        },
        ...Object.fromEntries(
          courses.flatMap(({ enrolled, attended }, k) => [
            [`enrolled${k}`, { value: enrolled }],
            [`attended${k}`, { value: attended, published: false }],
          ]),
        ),
      },
      relations: [
        { total: 'participants', parts: courses.map((_, k) => `attended${k}`) },
        ...courses.map((_, k) => ({ whole: `enrolled${k}`, part: `attended${k}` })),
        { total: 'enrolled', parts: courses.map((_, k) => `enrolled${k}`) },
        { whole: 'enrolled', part: 'participants' },
      ],
    });
    const one = region([{ enrolled: 6, attended: 5 }], 5);
    const hiddenOfOne = cellsToHide(one.cells, one.relations);
    expect(hiddenOfOne.size).toBe(1);
    expect([...revealedBy(one, hiddenOfOne).keys()].filter((name) => isSmall(one, name))).toEqual([]);
    const two = region(
      [
        { enrolled: 6, attended: 5 },
        { enrolled: 8, attended: 8 },
      ],
      13,
    );
    // 6 + 8 enrolled, 13 attended: 1 did not, on one course or the other.
    const hidden = cellsToHide(two.cells, two.relations);
    expect(hidden).toEqual(new Set(['participants']));
    expect([...revealedBy(two, hidden).keys()].filter((name) => isSmall(two, name))).toEqual([]);
    // Nothing small, nothing hidden: 6 enrolled, 6 attended.
    const none = region([{ enrolled: 6, attended: 6 }], 6);
    expect(cellsToHide(none.cells, none.relations)).toEqual(new Set());
  });

  it("leaves no course's participants or non-attendees derivable from the region's courses and total", () => {
    const courses = fc.array(
      fc.record({ enrolled: fc.nat({ max: 12 }), share: fc.double({ min: 0, max: 1, noNaN: true }), free: fc.nat(4) }),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(courses, (list) => {
        const cells: Record<string, Cell> = {};
        const relations: Relation[] = [];
        let participants = 0;
        let absent = 0;
        list.forEach(({ enrolled, share, free }, k) => {
          const attended = Math.floor(enrolled * share);
          participants += attended;
          absent += enrolled - attended;
          cells[`capacity${k}`] = { value: enrolled + free, countsPersons: false };
          cells[`enrolled${k}`] = { value: enrolled };
          cells[`seatsLeft${k}`] = { value: free, countsPersons: false };
          cells[`attended${k}`] = { value: attended, published: false };
          relations.push({ total: `capacity${k}`, parts: [`enrolled${k}`, `seatsLeft${k}`] });
          relations.push({ whole: `enrolled${k}`, part: `attended${k}` });
        });
        cells.participants = { value: participants, hideZero: true };
        cells.enrolled = { value: participants + absent, published: false };
        relations.push({ total: 'participants', parts: list.map((_, k) => `attended${k}`) });
        relations.push({ total: 'enrolled', parts: list.map((_, k) => `enrolled${k}`) });
        relations.push({ whole: 'enrolled', part: 'participants' });
        const table = { cells, relations };
        const hidden = cellsToHide(cells, relations, { hideZero: false });
        expect([...revealedBy(table, hidden).keys()].filter((name) => isSmall(table, name))).toEqual([]);
        for (const name of hidden) expect(cells[name]?.published).not.toBe(false);
        if (participants === 0) expect(hidden).toContain('participants');
      }),
      { numRuns: 300 },
    );
  });
});
