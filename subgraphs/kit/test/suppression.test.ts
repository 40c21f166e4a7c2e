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
  const shown = names.map((name) => name in cells && !hidden.has(name));
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
  return name in table.cells ? value < 5 : value > 0 && value < 5;
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
});
