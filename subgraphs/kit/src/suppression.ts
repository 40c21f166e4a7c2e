// Small-number suppression with its complement (docs/suppression.md): which figures of a table of related
// counts to hide so that no count of fewer than 5 persons is shown, or can be worked out from those shown.
import { smallestShownCount } from './access.js';

/** One figure of a table of related counts. */
export interface Cell {
  /** The true count. */
  value: number;
  /**
   * Shown to someone else already, so hiding it here would protect nothing (e.g. a course's places left on
   * the public calendar): it is never hidden, and the other figures are hidden around it instead.
   */
  shownElsewhere?: boolean;
  /**
   * False for a figure that counts no persons (a course's capacity, its places left): shown however small,
   * and hidden only where it would give a count of persons away. True unless said otherwise.
   */
  countsPersons?: boolean;
}

/**
 * How figures of a table add up, as a reader who sees several of them knows:
 * - `{ total, parts }`: the total is the sum of the parts (survey answers = after counselling + after a course);
 * - `{ whole, part }`: the part is a subset of the whole (new clients ⊇ those with an immigrant background),
 *   so `whole − part` is a count of persons of its own, never published, that must not be derivable either.
 */
export type Relation = { total: string; parts: string[] } | { whole: string; part: string };

export interface SuppressionOptions {
  /** Counts below this are hidden; 5 unless said otherwise. */
  threshold?: number;
  /**
   * Whether a published 0 is hidden too. The key figures hide it (a 0 of a subgroup says something about
   * everyone in the group: no new client has an immigrant background); a course's 0 enrolled names no one.
   */
  hideZero?: boolean;
}

/** The unpublished figure `whole − part` of a subset relation, named as the reader would compute it. */
export const remainderOf = (whole: string, part: string) => `${whole} − ${part}`;

/** A relation as the equation `total − Σ parts = 0`, with a subset relation's remainder made a part. */
interface Equation {
  total: string;
  parts: string[];
}

const equationsOf = (relations: Relation[]): Equation[] =>
  relations.map((relation) =>
    'parts' in relation
      ? { total: relation.total, parts: relation.parts }
      : { total: relation.whole, parts: [relation.part, remainderOf(relation.whole, relation.part)] },
  );

const valueIn = (cells: Record<string, Cell>, name: string) => cells[name]?.value ?? 0;

/**
 * The figures that must not be derivable: published counts below the threshold, and the never-published
 * remainders of subset relations from 1 to below the threshold (a remainder of 0 names no one, and treating
 * it as small would hide a figure whenever its subgroup is everyone, e.g. every registered client is a new one).
 */
function protectedFigures(cells: Record<string, Cell>, relations: Relation[], threshold: number, hideZero: boolean) {
  const small = new Set<string>();
  for (const [name, cell] of Object.entries(cells))
    if (cell.countsPersons !== false && !cell.shownElsewhere && cell.value < threshold && (hideZero || cell.value > 0))
      small.add(name);
  for (const relation of relations) {
    if ('parts' in relation) continue;
    const remainder = valueIn(cells, relation.whole) - valueIn(cells, relation.part);
    if (remainder > 0 && remainder < threshold) small.add(remainderOf(relation.whole, relation.part));
  }
  return small;
}

/**
 * Which unknown figures the equations pin down, given the known ones: unknown `x` is determined exactly when
 * the unit vector of `x` lies in the row space of the equations' coefficients over the unknowns, which the
 * reduced row echelon form shows as a row with a single non-zero entry. This is every sum or difference of
 * published figures at once, chains across relations included.
 */
export function determinedFigures(equations: Equation[], unknown: Set<string>): Set<string> {
  const columns = [...unknown];
  const index = new Map(columns.map((name, i) => [name, i]));
  const rows = equations
    .map((equation) => {
      const row = new Array<number>(columns.length).fill(0);
      const add = (name: string, coefficient: number) => {
        const i = index.get(name);
        if (i !== undefined) row[i] = (row[i] ?? 0) + coefficient;
      };
      add(equation.total, 1);
      for (const part of equation.parts) add(part, -1);
      return row;
    })
    .filter((row) => row.some((value) => value !== 0));
  // Gauss–Jordan elimination; coefficients are small integers, so a tolerance keeps rounding harmless.
  const epsilon = 1e-9;
  const at = (r: number, c: number) => rows[r]?.[c] ?? 0;
  let pivotRow = 0;
  for (let column = 0; column < columns.length && pivotRow < rows.length; column++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < rows.length; r++) if (Math.abs(at(r, column)) > Math.abs(at(best, column))) best = r;
    const pivot = at(best, column);
    if (Math.abs(pivot) < epsilon) continue;
    const pivotValues = (rows[best] ?? []).map((value) => value / pivot);
    rows[best] = rows[pivotRow] ?? [];
    rows[pivotRow] = pivotValues;
    for (let r = 0; r < rows.length; r++) {
      const factor = at(r, column);
      if (r === pivotRow || Math.abs(factor) < epsilon) continue;
      rows[r] = (rows[r] ?? []).map((value, c) => value - factor * (pivotValues[c] ?? 0));
    }
    pivotRow++;
  }
  const determined = new Set<string>();
  for (const row of rows) {
    const nonZero = row.flatMap((value, c) => (Math.abs(value) > epsilon ? [c] : []));
    const [only] = nonZero;
    if (nonZero.length === 1 && only !== undefined) determined.add(columns[only] ?? '');
  }
  return determined;
}

/**
 * The cells to hide. Primary: counts below the threshold. Secondary: while a small count (or a small
 * remainder whole − part) can be worked out from what is shown, hide one more figure next to it — the
 * smallest shown part of a relation it is in (the total only when no part is left), looking further out
 * through relations that share a hidden figure when its own have nothing left — until nothing small can be
 * worked out. Last, each secondary figure is shown again if the table stays safe without hiding it, so
 * no more is hidden than this needs. Deterministic: the same table always hides the same figures, so
 * the figure is hidden alike wherever it is published.
 */
export function cellsToHide(
  cells: Record<string, Cell>,
  relations: Relation[],
  { threshold = smallestShownCount, hideZero = true }: SuppressionOptions = {},
): Set<string> {
  for (const relation of relations)
    for (const name of 'parts' in relation ? [relation.total, ...relation.parts] : [relation.whole, relation.part])
      if (!(name in cells)) throw new Error(`A relation names ${name}, which is not a cell of the table.`);
  const equations = equationsOf(relations);
  const remainders = relations.flatMap((relation) =>
    'parts' in relation ? [] : [remainderOf(relation.whole, relation.part)],
  );
  const small = protectedFigures(cells, relations, threshold, hideZero);
  const primary = new Set([...small].filter((name) => name in cells));
  const hidden = new Set(primary);
  const derivable = () =>
    [...determinedFigures(equations, new Set([...hidden, ...remainders]))].filter((name) => small.has(name));
  const hideable = (name: string) => name in cells && !hidden.has(name) && !cells[name]?.shownElsewhere;
  const secondary: string[] = [];

  for (let [exposed] = derivable(); exposed !== undefined; [exposed] = derivable()) {
    const next = nextToHide(exposed, equations, hidden, cells, hideable);
    // Nothing left to hide next to it: the relations alone fix it (a table of all-hidden figures cannot).
    if (!next) break;
    hidden.add(next);
    secondary.push(next);
  }
  // Show again, largest first, each secondary figure the table does not need hidden.
  for (const name of [...secondary].sort((a, b) => valueIn(cells, b) - valueIn(cells, a))) {
    hidden.delete(name);
    if (derivable().length > 0) hidden.add(name);
  }
  return hidden;
}

/** The figure to hide next for an exposed one: breadth first over relations linked by hidden figures. */
function nextToHide(
  exposed: string,
  equations: Equation[],
  hidden: Set<string>,
  cells: Record<string, Cell>,
  hideable: (name: string) => boolean,
): string | undefined {
  const reached = new Set([exposed]);
  const visited = new Set<Equation>();
  let frontier = [exposed];
  while (frontier.length > 0) {
    const ring = equations.filter(
      (equation) =>
        !visited.has(equation) && [equation.total, ...equation.parts].some((name) => frontier.includes(name)),
    );
    for (const equation of ring) visited.add(equation);
    const candidates = ring.flatMap((equation) => [
      ...equation.parts.filter(hideable).map((name) => ({ name, isTotal: false })),
      ...(hideable(equation.total) ? [{ name: equation.total, isTotal: true }] : []),
    ]);
    if (candidates.length > 0) {
      candidates.sort(
        (a, b) => Number(a.isTotal) - Number(b.isTotal) || valueIn(cells, a.name) - valueIn(cells, b.name),
      );
      return candidates[0]?.name;
    }
    frontier = ring
      .flatMap((equation) => [equation.total, ...equation.parts])
      .filter((name) => !reached.has(name) && (hidden.has(name) || !(name in cells)));
    for (const name of frontier) reached.add(name);
  }
  return undefined;
}
