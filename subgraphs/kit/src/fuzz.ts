// Test-only: a schema-driven fuzzer of a subgraph's mutations. For every Mutation field it builds
// fast-check arbitraries of the arguments from their GraphQL types, mixing valid-looking values
// (seeded with ids from the demo data, so cases get past "not found" into validation) with
// hostile ones: injection-shaped text, unicode edge cases, oversized values, numbers at the
// edges, wrong types and nulls. Production code never imports this file (fast-check and vitest
// are dev dependencies); tests do, through `@etablerer/kit/fuzz`, most of them only
// `describeMutationFuzz` (at the end), a subgraph's whole fuzz suite.
import fc from 'fast-check';
import type {
  GraphQLArgument,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNamedType,
  GraphQLNonNull,
  GraphQLOutputType,
  GraphQLSchema,
  GraphQLType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxEntityRepresentations } from './entity-representations.js';
import { dataTables, type Orm } from './orm.js';
import type { SubgraphContext, SubgraphDefinition } from './subgraph.js';
import { createTestSubgraph, type TestSubgraph } from './testing.js';

// A subgraph's schema may come from graphql's CommonJS build and this file from its ES module
// build (vitest loads both), so graphql's instanceof-based predicates would refuse it: the
// types are told apart by their tag instead.
const tagOf = (type: unknown) => (type as { [Symbol.toStringTag]?: string })[Symbol.toStringTag];
const isNonNullType = (type: unknown): type is GraphQLNonNull<GraphQLInputType & GraphQLType> =>
  tagOf(type) === 'GraphQLNonNull';
const isListType = (type: unknown): type is GraphQLList<GraphQLInputType & GraphQLType> =>
  tagOf(type) === 'GraphQLList';
const isInputObjectType = (type: unknown): type is GraphQLInputObjectType => tagOf(type) === 'GraphQLInputObjectType';
const isEnumType = (type: unknown): type is GraphQLEnumType => tagOf(type) === 'GraphQLEnumType';
const isScalarType = (type: unknown): type is GraphQLNamedType => tagOf(type) === 'GraphQLScalarType';
const isLeafType = (type: unknown) => isScalarType(type) || isEnumType(type);
function getNamedType(type: GraphQLType | GraphQLOutputType): GraphQLNamedType {
  let named: unknown = type;
  while (isNonNullType(named) || isListType(named)) named = named.ofType;
  return named as GraphQLNamedType;
}

/** Hostile text: injections, markup, paths, format strings and unicode edge cases. */
export const hostileStrings: readonly string[] = [
  "'; drop table client; --",
  "' or '1'='1",
  '"; select pg_sleep(0); --',
  '\\',
  '%',
  '_%\\_',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</textarea><svg onload=alert(1)>',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection, on purpose
  '{{7*7}}${7*7}',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '%s%s%s%n',
  '\u202Egnp.exe',
  'a\u200Bb\u200Cc\u200Dd\uFEFF',
  '\u2066isolate\u2069',
  'lone \uD800 surrogate',
  'trailing \uDFFF',
  'nul\u0000byte',
  'bell\u0007 escape\u001B[31m',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  'Z̵̢̛̖̜̗̻̪͍̜̯̞̻̫̗̪̲̣̤̣̬̦̮͔̥͇̘̈́̅̂̈́̓̎͆̈̍̆͑͗̚͝͝a̸l̴g̶o̵',
  '👩‍👩‍👧‍👦🇳🇴',
  'مرحبا بالعالم',
  'שלום עולם',
  '\r\n\r\n',
  '   ',
  '',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0000-00-00',
  'x'.repeat(10_001),
  'æøå'.repeat(4_000),
  '<'.repeat(70_000),
];

/** Numbers at the edges of Int, of JavaScript and of PostgreSQL's integer columns. */
export const hostileNumbers: readonly number[] = [
  0,
  -1,
  -0,
  1.5,
  -2_147_483_648,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  -1e308,
  5e-324,
];

/** Dates the Date scalar or the database might choke on. */
export const hostileDates: readonly string[] = [
  '0000-00-00',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '20240101',
  '2024-1-1',
  '2024-01-01T00:00:00Z',
  '+275760-09-13',
  '-0001-01-01',
  '1900-01-01',
  '2999-01-01',
];

/** Values of the wrong JSON type for any input position. */
const wrongTypes: readonly unknown[] = [
  'a string',
  '',
  12,
  -3.25,
  true,
  {},
  { nested: { deeper: ['x'] } },
  [],
  ['x', 1, null],
];

/** Valid-looking values by field or argument name (`mutation.path` names win over plain names). */
export type FuzzSeeds = Record<string, readonly unknown[]>;

export interface FuzzCase {
  mutation: string;
  query: string;
  variables?: Record<string, unknown>;
  /** True when the argument values are written into the query instead of sent as variables. */
  inline: boolean;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const nearDate = fc
  .integer({ min: -3 * 365, max: 2 * 365 })
  .map((days) => isoDay(new Date(Date.now() + days * 86_400_000)));
const pastDate = fc.integer({ min: 1, max: 3 * 365 }).map((days) => isoDay(new Date(Date.now() - days * 86_400_000)));
const realisticText = fc.oneof(
  fc.constantFrom(
    'Sykkelverksted med utleie',
    'Kari Nordmann',
    'Oppfølging etter kurs',
    'Åse Øien-Ødegård',
    'Møte om budsjett',
    'Ski',
  ),
  fc.string({ minLength: 1, maxLength: 40 }),
);

/** Plausible values for common names, so that a case often passes validation and is stored. */
function validByName(name: string): fc.Arbitrary<unknown> | undefined {
  switch (name) {
    case 'email':
      return fc.oneof(
        fc
          .tuple(fc.constantFrom('kari', 'ola.nordmann', 'sara-nilsen', 'per_olsen'), fc.nat(999_999))
          .map(([local, number]) => `${local}.${number}@example.no`),
        fc.emailAddress().map((email) => email.slice(0, 254)),
      );
    case 'name':
      return fc.oneof(
        fc.constantFrom('Kari Nordmann', 'Åse Øien-Ødegård', "Ola O'Neil", 'Sara Nilsen-Øie', 'Per Olsen'),
        realisticText,
      );
    case 'phone':
      return fc.constantFrom('+47 912 34 567', '91234567', '22 33 44 55');
    case 'municipalityNumber':
      return fc.constantFrom('3020', '3021', '3005', '3025', '0000');
    case 'organisationNumber':
      return fc.constantFrom('974760673', '923609016', '123456789');
    case 'industryCode':
      return fc.constantFrom('62.010', '47', '56.101');
    case 'year':
    case 'coversYear':
      return fc.integer({ min: 2023, max: 2027 });
    case 'birthYear':
      return fc.integer({ min: 1940, max: 2008 });
    case 'score':
      return fc.integer({ min: 1, max: 6 });
    case 'version':
      return fc.integer({ min: 1, max: 3 });
    case 'hours':
      return fc.oneof(
        fc.integer({ min: 4, max: 400 }).map((quarters) => quarters / 4),
        fc.double({ min: 0, max: 40, noNaN: true }),
      );
    case 'durationMinutes':
      return fc.integer({ min: 1, max: 16 }).map((quarters) => quarters * 15);
    case 'consentToProcessing':
      return fc.constant(true);
    case 'date':
    case 'reachedOn':
    case 'answeredOn':
    case 'givenOn':
    case 'consentGivenOn':
    case 'registeredOn':
    case 'paidOn':
    case 'decidedOn':
      return pastDate;
    default:
      return undefined;
  }
}

function validScalar(scalar: string, name: string): fc.Arbitrary<unknown> {
  switch (scalar) {
    case 'ID':
      return fc.oneof(fc.uuid(), fc.constantFrom('follo', 'drammensregionen', '1'));
    case 'Int':
      return fc.integer({ min: 0, max: 50 });
    case 'Float':
      return fc.double({ min: 0, max: 100, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return nearDate;
    case 'NOK':
      return fc
        .integer({ min: 0, max: 10_000_000 })
        .map((ore) => `${Math.floor(ore / 100)}.${String(ore % 100).padStart(2, '0')}`);
    default:
      return name.toLowerCase().includes('date') ? nearDate : realisticText;
  }
}

function hostileScalar(scalar: string): fc.Arbitrary<unknown> {
  const text = fc.constantFrom(...hostileStrings);
  const numbers = fc.constantFrom(...hostileNumbers);
  const wrong = fc.constantFrom(...wrongTypes);
  switch (scalar) {
    case 'Int':
    case 'Float':
      return fc.oneof(numbers, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), wrong, text);
    case 'Date':
      return fc.oneof(fc.constantFrom(...hostileDates), text, wrong);
    case 'NOK':
      return fc.oneof(
        fc.constantFrom('9999999999999.99', '-9999999999999.99', '-0.01', '1.005', '1e9', ' 12.00 ', '12,50', '0x10'),
        numbers,
        text,
        wrong,
      );
    case 'Boolean':
      return fc.oneof(fc.constantFrom('true', 0, 1, 'yes'), wrong);
    default:
      return fc.oneof(
        { arbitrary: text, weight: 4 },
        { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 2 },
        { arbitrary: wrong, weight: 1 },
        { arbitrary: numbers, weight: 1 },
      );
  }
}

interface Context {
  mutation: string;
  seeds: FuzzSeeds;
  /** Probability (0–1, as a weight out of 100) that a leaf is hostile. */
  hostility: number;
}

function seedFor(context: Context, path: string[]): fc.Arbitrary<unknown> | undefined {
  const name = path[path.length - 1] ?? '';
  const values = context.seeds[`${context.mutation}.${path.join('.')}`] ?? context.seeds[name];
  return values && values.length > 0 ? fc.constantFrom(...values) : undefined;
}

/** A value of a nullable position is null now and then, as clients send it. */
function orNull(value: fc.Arbitrary<unknown>, nullable: boolean): fc.Arbitrary<unknown> {
  return nullable ? fc.oneof({ arbitrary: value, weight: 12 }, { arbitrary: fc.constant(null), weight: 1 }) : value;
}

/** An arbitrary of values for one input position: valid-looking mostly, hostile sometimes. */
function inputArbitrary(
  type: GraphQLInputType,
  path: string[],
  context: Context,
  nullable = true,
): fc.Arbitrary<unknown> {
  const name = path[path.length - 1] ?? '';
  const hostile = (valid: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>) =>
    context.hostility === 0
      ? valid
      : fc.oneof({ arbitrary: valid, weight: 100 - context.hostility }, { arbitrary: bad, weight: context.hostility });
  if (isNonNullType(type)) {
    const inner = inputArbitrary(type.ofType, path, context, false);
    // A null where one is required is refused by GraphQL itself: sometimes, not often.
    return context.hostility === 0
      ? inner
      : fc.oneof({ arbitrary: inner, weight: 40 }, { arbitrary: fc.constant(null), weight: 1 });
  }
  if (isListType(type)) {
    const item = inputArbitrary(type.ofType, [...path, name], { ...context, hostility: context.hostility / 2 });
    const valid = fc.array(item, { maxLength: 3 });
    const bad = fc.oneof(fc.array(item, { minLength: 500, maxLength: 1_200 }), fc.constantFrom(...wrongTypes));
    return orNull(hostile(valid, bad), nullable);
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record = fc.record(
      Object.fromEntries(
        fields.map((field) => {
          const value = inputArbitrary(field.type, [...path, field.name], context);
          // A nullable field is sometimes left out, as a client would.
          return [field.name, isNonNullType(field.type) ? value : fc.option(value, { nil: undefined, freq: 5 })];
        }),
      ),
      { noNullPrototype: true },
    );
    const bad = fc.oneof(
      fc.constantFrom(...wrongTypes),
      record.map((value) => ({ ...value, notAField: 'surprise' })),
    );
    return orNull(hostile(record, bad), nullable);
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return hostile(
      fc.constantFrom(...values),
      fc.oneof(
        fc.constantFrom(...hostileStrings),
        fc.constant(values[0]?.toLowerCase()),
        fc.constantFrom(...wrongTypes),
      ),
    );
  }
  const scalar = isScalarType(type) ? type.name : 'String';
  const valid = seedFor(context, path) ?? validByName(name) ?? validScalar(scalar, name);
  return orNull(hostile(valid, hostileScalar(scalar)), nullable);
}

/** Writes a value as a GraphQL literal, the way a hand-written query would inline it. */
export function graphqlLiteral(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const named = getNamedType(type);
  if (Array.isArray(value)) {
    const itemType = isNonNullType(type) ? type.ofType : type;
    const inner = isListType(itemType) ? itemType.ofType : itemType;
    return `[${value.map((item) => graphqlLiteral(item, inner)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries
      .map(([key, item]) => `${key}: ${graphqlLiteral(item, (fields[key]?.type ?? named) as GraphQLInputType)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string') {
    if (isEnumType(named) && named.getValue(value)) return value;
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return String(value);
}

/** The `{ ... }` to ask of a mutation's result: only `__typename`, so no field resolver hides a failure. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
}

export function mutationFields(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {});
}

/**
 * Cases for one mutation: a quarter fully valid-looking, the rest with some hostile leaves;
 * arguments sent as variables (so type errors come from GraphQL's coercion) or, one case in
 * five, inlined into the query.
 */
export function mutationCases(schema: GraphQLSchema, mutation: string, seeds: FuzzSeeds = {}): fc.Arbitrary<FuzzCase> {
  const field = schema.getMutationType()?.getFields()[mutation];
  if (!field) throw new Error(`No mutation ${mutation} in the schema`);
  const argumentsWith = (hostility: number) =>
    fc.record(
      Object.fromEntries(
        field.args.map((argument: GraphQLArgument) => [
          argument.name,
          inputArbitrary(argument.type, [argument.name], { mutation, seeds, hostility }),
        ]),
      ),
      { noNullPrototype: true },
    );
  const values = fc.oneof({ arbitrary: argumentsWith(0), weight: 1 }, { arbitrary: argumentsWith(12), weight: 3 });
  return fc.tuple(values, fc.integer({ min: 0, max: 4 })).map(([values, dice]) => {
    const inline = dice === 0 && field.args.length > 0;
    const selection = selectionOf(field);
    if (inline) {
      const argumentsText = field.args
        .map((argument) => `${argument.name}: ${graphqlLiteral(values[argument.name], argument.type)}`)
        .join(', ');
      return { mutation, inline, query: `mutation Fuzz { ${mutation}(${argumentsText})${selection} }` };
    }
    const declarations = field.args.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(', ');
    const argumentsText = field.args.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
    // Through JSON and back, as over HTTP: undefined fields vanish, -0 becomes 0.
    const variables = JSON.parse(JSON.stringify(values)) as Record<string, unknown>;
    return {
      mutation,
      inline,
      query:
        field.args.length > 0
          ? `mutation Fuzz(${declarations}) { ${mutation}(${argumentsText})${selection} }`
          : `mutation Fuzz { ${mutation}${selection} }`,
      variables,
    };
  });
}

/** An id longer than any id column (PostgreSQL refuses more than 255 characters with 22001). */
export const overlongId = 'x'.repeat(300);

/**
 * For each id position of a mutation (an `ID` argument, or an `ID` field of an input, also in a
 * list), one otherwise valid-looking case with a 300-character id there: the random cases reach a
 * given position with an overlong id too rarely to count on, and every id must be checked before
 * the database (a refusal, never PostgreSQL's "value too long" as an internal error).
 */
export function overlongIdCases(schema: GraphQLSchema, mutation: string, seeds: FuzzSeeds = {}): FuzzCase[] {
  const field = schema.getMutationType()?.getFields()[mutation];
  if (!field) throw new Error(`No mutation ${mutation} in the schema`);
  const [valid] = fc.sample(
    fc.record(
      Object.fromEntries(
        field.args.map((argument) => [
          argument.name,
          inputArbitrary(argument.type, [argument.name], { mutation, seeds, hostility: 0 }),
        ]),
      ),
      { noNullPrototype: true },
    ),
    { numRuns: 1, seed: fuzzParameters(1).seed },
  );
  const base = JSON.parse(JSON.stringify(valid ?? {})) as Record<string, unknown>;
  /** Paths (argument, then input fields) to every id position, with whether it holds a list. */
  const positions: { path: string[]; list: boolean }[] = [];
  const walk = (type: GraphQLInputType, path: string[], depth: number) => {
    const inner = isNonNullType(type) ? type.ofType : type;
    const list = isListType(inner);
    const named = getNamedType(inner);
    if (isScalarType(named) && named.name === 'ID') positions.push({ path, list });
    else if (isInputObjectType(named) && !list && depth < 3) {
      for (const child of Object.values(named.getFields())) walk(child.type, [...path, child.name], depth + 1);
    }
  };
  for (const argument of field.args) walk(argument.type, [argument.name], 0);
  const declarations = field.args.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(', ');
  const argumentsText = field.args.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  return positions.map(({ path, list }) => {
    const variables = structuredClone(base);
    let holder: Record<string, unknown> = variables;
    for (const key of path.slice(0, -1)) {
      const next = holder[key];
      holder[key] = next && typeof next === 'object' && !Array.isArray(next) ? next : {};
      holder = holder[key] as Record<string, unknown>;
    }
    holder[path[path.length - 1] as string] = list ? [overlongId] : overlongId;
    return {
      mutation,
      inline: false,
      query: `mutation Fuzz(${declarations}) { ${mutation}(${argumentsText})${selectionOf(field)} }`,
      variables,
    };
  });
}

/** Error codes a client may be told; anything else (INTERNAL_SERVER_ERROR, no code) is a bug. */
export const clientErrorCodes = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
]);

/** fast-check's settings for a fuzz run: FUZZ_SEED and FUZZ_RUNS override the fixed defaults. */
export function fuzzParameters(defaultRuns: number): { seed: number; numRuns: number } {
  return {
    seed: Number(process.env.FUZZ_SEED ?? 20_261_127),
    numRuns: Number(process.env.FUZZ_RUNS ?? defaultRuns),
  };
}

/**
 * A cheap stand-in for `tableChecksums` (which hashes every row): per table, the number of rows
 * and the newest transaction that wrote one of them. Any committed insert, update or delete
 * changes it; a rolled-back transaction leaves it as it was.
 */
export async function tableFingerprints(orm: Orm): Promise<Record<string, string>> {
  const connection = orm.em.getConnection();
  const tables = await dataTables(orm);
  const rows: { name: string; fingerprint: string }[] = await connection.execute(
    tables
      .map(
        ({ name }) =>
          `select '${name}' as name, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) as fingerprint from "${name}"`,
      )
      .join(' union all '),
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.fingerprint]));
}

/** The longest value of every text column of the tables named, by `table.column`. */
export async function longestTexts(orm: Orm, tables: string[]): Promise<Record<string, number>> {
  if (tables.length === 0) return {};
  const connection = orm.em.getConnection();
  const columns: { table: string; column: string }[] = await connection.execute(
    `select table_name as "table", column_name as "column" from information_schema.columns
      where table_schema = current_schema() and data_type in ('text', 'character varying')`,
  );
  const lengths: Record<string, number> = {};
  for (const { table, column } of columns.filter((column) => tables.includes(column.table))) {
    const [row] = await connection.execute<{ longest: number | null }[]>(
      `select max(char_length("${column}")) as longest from "${table}"`,
    );
    lengths[`${table}.${column}`] = Number(row?.longest ?? 0);
  }
  return lengths;
}

type Execute = TestSubgraph<never>['execute'];

/**
 * Runs fuzz cases against a test subgraph and checks what must hold whatever the input: every
 * error has a message and a client error code; a refused case changed no table; an accepted
 * one stored no text longer than `maxStoredText` and passes `checkStored`.
 */
export function fuzzChecker(
  subgraph: { orm: Orm; execute: Execute },
  options: {
    maxStoredText?: number;
    /** Extra checks of what an accepted case stored, given the tables it changed. */
    checkStored?: (changedTables: string[]) => Promise<void>;
  } = {},
) {
  let baseline: Record<string, string> | undefined;
  const stats = {
    cases: 0,
    accepted: 0,
    refused: 0,
    byMutation: {} as Record<string, { accepted: number; refused: number }>,
  };
  /** With FUZZ_VERBOSE set, why cases were refused, by mutation and message (to tune the seeds). */
  const reasons: Record<string, number> = {};
  return {
    stats,
    reasons,
    async check(fuzzCase: FuzzCase, as: string | null): Promise<void> {
      baseline ??= await tableFingerprints(subgraph.orm);
      stats.cases += 1;
      const result = await subgraph.execute(fuzzCase.query, fuzzCase.variables, { as });
      for (const error of result.errors ?? []) {
        const code = error.extensions?.code;
        if (typeof error.message !== 'string' || error.message.trim() === '') {
          throw new Error(`An error without a message: ${JSON.stringify(error)}`);
        }
        if (typeof code !== 'string' || !clientErrorCodes.has(code)) {
          throw new Error(`${fuzzCase.mutation} answered ${String(code)}: ${error.message}`);
        }
      }
      const after = await tableFingerprints(subgraph.orm);
      const changed = Object.keys(after).filter((table) => after[table] !== baseline?.[table]);
      baseline = after;
      const counts = stats.byMutation[fuzzCase.mutation] ?? { accepted: 0, refused: 0 };
      stats.byMutation[fuzzCase.mutation] = counts;
      if (result.errors?.length) {
        stats.refused += 1;
        counts.refused += 1;
        if (process.env.FUZZ_VERBOSE) {
          const reason = `${fuzzCase.mutation}: ${result.errors[0]?.message.slice(0, 100)}`;
          reasons[reason] = (reasons[reason] ?? 0) + 1;
        }
        if (changed.length > 0) {
          throw new Error(`${fuzzCase.mutation} was refused but changed ${changed.join(', ')}`);
        }
        return;
      }
      stats.accepted += 1;
      counts.accepted += 1;
      const longest = await longestTexts(subgraph.orm, changed);
      const limit = options.maxStoredText ?? 5_000;
      const tooLong = Object.entries(longest).filter(([, length]) => length > limit);
      if (tooLong.length > 0) {
        throw new Error(
          `${fuzzCase.mutation} stored text longer than ${limit}: ${tooLong.map(([column, length]) => `${column} (${length})`).join(', ')}`,
        );
      }
      await options.checkStored?.(changed);
    },
  };
}

/** A case of malformed `_entities` input, and whether only BAD_USER_INPUT is the right answer to it. */
export interface EntityCase {
  name: string;
  representations: unknown;
  /** True when the representations are malformed (not merely naming nothing): BAD_USER_INPUT, nothing else. */
  malformed: boolean;
}

/** The entity types a subgraph resolves (the `_Entity` union) with the fields of their first key. */
export function entityKeys(schema: GraphQLSchema): { type: string; keys: { name: string; type: string }[] }[] {
  const union = schema.getType('_Entity') as { getTypes?: () => GraphQLNamedType[] } | undefined;
  return (union?.getTypes?.() ?? []).map((type) => {
    const key = type.astNode?.directives?.find((directive) => directive.name.value === 'key');
    const argument = key?.arguments?.find((candidate) => candidate.name.value === 'fields')?.value;
    const fieldNames = argument?.kind === 'StringValue' ? argument.value.split(/\s+/).filter(Boolean) : [];
    const fields = (type as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields();
    return {
      type: type.name,
      keys: fieldNames.map((name) => ({ name, type: getNamedType(fields[name]?.type as GraphQLOutputType).name })),
    };
  });
}

/**
 * What a caller past the gateway may send as `_entities` representations: not objects, no or an unknown
 * `__typename`, a missing key, a key of the wrong JSON type, and lists too long to be a query plan's;
 * then well-formed ones with hostile key values, which may name nothing but must not break anything.
 */
export function entityCases(schema: GraphQLSchema): EntityCase[] {
  const entities = entityKeys(schema);
  const first = entities[0];
  if (!first) return [];
  const validKey = (type: string) =>
    type === 'Int' ? 1 : type === 'Boolean' ? true : '00000000-0000-4000-8000-000000000000';
  const representation = (entity: (typeof entities)[number], override: Record<string, unknown> = {}) => ({
    __typename: entity.type,
    ...Object.fromEntries(entity.keys.map((key) => [key.name, validKey(key.type)])),
    ...override,
  });
  const cases: EntityCase[] = [
    { name: 'a number', representations: [42], malformed: true },
    { name: 'a string', representations: ['Client'], malformed: true },
    { name: 'a list', representations: [[representation(first)]], malformed: true },
    { name: 'a boolean', representations: [true], malformed: true },
    { name: 'an empty object', representations: [{}], malformed: true },
    { name: 'a bare object instead of a list', representations: { id: 'x' }, malformed: true },
    { name: 'no __typename', representations: [{ ...representation(first), __typename: undefined }], malformed: true },
    { name: 'a null __typename', representations: [representation(first, { __typename: null })], malformed: true },
    { name: 'a numeric __typename', representations: [representation(first, { __typename: 7 })], malformed: true },
    { name: 'an object __typename', representations: [representation(first, { __typename: {} })], malformed: true },
    {
      name: 'an unknown __typename',
      representations: [representation(first, { __typename: 'NoSuchType' })],
      malformed: true,
    },
    { name: 'the Query type', representations: [representation(first, { __typename: 'Query' })], malformed: true },
    {
      name: 'the Mutation type',
      representations: [representation(first, { __typename: 'Mutation' })],
      malformed: true,
    },
    { name: 'a scalar type', representations: [representation(first, { __typename: 'String' })], malformed: true },
    {
      name: 'an introspection type',
      representations: [representation(first, { __typename: '__Schema' })],
      malformed: true,
    },
    { name: 'the entity union', representations: [representation(first, { __typename: '_Entity' })], malformed: true },
    {
      name: 'a list too long for any query plan',
      representations: Array.from({ length: maxEntityRepresentations + 1 }, () => representation(first)),
      malformed: true,
    },
    {
      name: 'a good representation among bad ones',
      representations: [representation(first), null, representation(first, { __typename: 'NoSuchType' })],
      malformed: true,
    },
  ];
  const wrongJson: readonly unknown[] = [null, {}, [], ['x'], { nested: 'x' }, true, 1.5];
  for (const entity of entities) {
    for (const key of entity.keys) {
      cases.push({
        name: `${entity.type} without ${key.name}`,
        representations: [representation(entity, { [key.name]: undefined })],
        malformed: true,
      });
      const wrongForKey = key.type === 'Int' ? ['1', 2 ** 31, -0.5] : [123];
      for (const value of [...wrongJson, ...wrongForKey]) {
        cases.push({
          name: `${entity.type} with ${key.name} ${JSON.stringify(value)}`,
          representations: [representation(entity, { [key.name]: value })],
          malformed: true,
        });
      }
      if (key.type === 'Int') continue;
      for (const value of [
        ...hostileStrings.filter((text) => text.length < 20_000),
        123,
        'not-a-uuid',
        'follo',
        '0301',
      ]) {
        cases.push({
          name: `${entity.type} with ${key.name} ${JSON.stringify(value).slice(0, 40)}`,
          representations: [representation(entity, { [key.name]: value })],
          malformed: false,
        });
      }
    }
  }
  return cases;
}

/**
 * Checks every case of `entityCases` on a test subgraph: malformed input is answered BAD_USER_INPUT, the rest
 * with client error codes at most; never an internal error, and never a stack trace.
 */
export async function checkEntityCases(
  execute: Execute,
  schema: GraphQLSchema,
  as: string | null = null,
): Promise<string[]> {
  const failures: string[] = [];
  for (const entityCase of entityCases(schema)) {
    const result = await execute(
      'query Entities($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }',
      { representations: JSON.parse(JSON.stringify(entityCase.representations)) as unknown },
      { as },
    );
    const codes = (result.errors ?? []).map((error) => String(error.extensions?.code));
    const acceptable = entityCase.malformed
      ? codes.length > 0 && codes.every((code) => code === 'BAD_USER_INPUT')
      : codes.every((code) => clientErrorCodes.has(code));
    if (!acceptable)
      failures.push(
        `${entityCase.name}: ${codes.join(', ') || 'no error'} ${result.errors?.[0]?.message ?? ''}`.slice(0, 300),
      );
  }
  return failures;
}

export interface MutationFuzzOptions<Context extends SubgraphContext> {
  /**
   * Which demo users run each mutation (`null`: no token, as the public website). Every mutation
   * of the schema needs an entry, and only those have one.
   */
  callers: Record<string, readonly (string | null)[]>;
  /**
   * Valid-looking values taken from the demo data, so that cases get past "not found";
   * `ids(sql)` runs a query with an `id` column and returns its values.
   */
  seeds(ids: (sql: string) => Promise<string[]>, subgraph: TestSubgraph<Context>): Promise<FuzzSeeds>;
  /** Checks of the subgraph's own on what an accepted case stored, given the tables it changed. */
  checkStored?(changedTables: string[], subgraph: TestSubgraph<Context>): Promise<void>;
  /** fast-check runs per mutation and caller, unless FUZZ_RUNS says otherwise; 40 by default. */
  runs?: number;
  /**
   * A demo user who may run none of the mutations that need a token (coordination.member unless said), or one
   * per mutation: sent the same hostile input, every answer from a resolver must be FORBIDDEN, for authorisation
   * comes before validation (else the answers tell an outsider what input would pass).
   */
  outsider?: string | Record<string, string>;
}

/**
 * The fuzz suite of a subgraph: on its seeded test database, every mutation run by each of its
 * callers with `mutationCases`, checked by `fuzzChecker`; a test that every schema mutation has
 * callers, and one that the run saw both outcomes (refused cases and stored records). Logs the
 * counts at the end, and with FUZZ_VERBOSE set the reasons cases were refused.
 */
export function describeMutationFuzz<Context extends SubgraphContext>(
  definition: SubgraphDefinition<Context>,
  options: MutationFuzzOptions<Context>,
): void {
  const { callers, checkStored } = options;
  const mutations = mutationFields(definition.schema).map((field) => field.name);
  describe(`hostile input to every ${definition.name} mutation`, () => {
    let subgraph: TestSubgraph<Context>;
    let seeds: FuzzSeeds;
    let checker: ReturnType<typeof fuzzChecker>;
    beforeAll(async () => {
      subgraph = await createTestSubgraph(definition);
      const connection = subgraph.orm.em.getConnection();
      const ids = async (sql: string) => ((await connection.execute(sql)) as { id: string }[]).map((row) => row.id);
      seeds = await options.seeds(ids, subgraph);
      checker = fuzzChecker(subgraph, checkStored ? { checkStored: (changed) => checkStored(changed, subgraph) } : {});
    }, 120_000);
    afterAll(async () => {
      console.info(`${definition.name} fuzz: ${JSON.stringify(checker?.stats)}`);
      if (process.env.FUZZ_VERBOSE) {
        const reasons = Object.entries(checker?.reasons ?? {}).sort(([a], [b]) => a.localeCompare(b));
        console.info(reasons.map(([reason, count]) => `${count}\t${reason}`).join('\n'));
      }
      await subgraph?.close();
    });

    it('covers every mutation of the schema, and only those', () => {
      expect(Object.keys(callers).sort()).toEqual([...mutations].sort());
    });

    for (const mutation of mutations) {
      for (const as of callers[mutation] ?? [undefined]) {
        it(`${mutation} as ${as === undefined ? 'nobody' : (as ?? 'anonymous')}`, async () => {
          if (as === undefined) throw new Error(`${mutation} has no fuzz coverage: add it to callers`);
          await fc.assert(
            fc.asyncProperty(mutationCases(definition.schema, mutation, seeds), (fuzzCase) =>
              checker.check(fuzzCase, as),
            ),
            fuzzParameters(options.runs ?? 40),
          );
        }, 120_000);
      }
    }

    for (const mutation of mutations) {
      // Open to the public website: its input is checked for everyone alike.
      if (callers[mutation]?.includes(null)) continue;
      const outsider =
        typeof options.outsider === 'string'
          ? options.outsider
          : (options.outsider?.[mutation] ?? 'coordination.member');
      it(`${mutation} refuses ${outsider} with FORBIDDEN whatever the input`, async () => {
        await fc.assert(
          fc.asyncProperty(mutationCases(definition.schema, mutation, seeds), async (fuzzCase) => {
            const result = await subgraph.execute(fuzzCase.query, fuzzCase.variables, { as: outsider });
            // Errors without a path are GraphQL's own (the request's shape, the variables' types), before any resolver.
            const fromResolvers = (result.errors ?? []).filter((error) => 'path' in error && error.path);
            const codes = fromResolvers.map((error) => String(error.extensions?.code));
            if (!result.errors?.length || codes.some((code) => code !== 'FORBIDDEN')) {
              throw new Error(
                `${mutation} as ${outsider} answered ${codes.join(', ') || 'without an error'}: ${result.errors?.[0]?.message ?? ''}`,
              );
            }
          }),
          fuzzParameters(options.runs ?? 40),
        );
      }, 120_000);
    }

    for (const mutation of mutations) {
      const as = callers[mutation]?.[0];
      if (as === undefined) continue;
      it(`${mutation} refuses a 300-character id in every id position with a client error, storing nothing`, async () => {
        for (const fuzzCase of overlongIdCases(definition.schema, mutation, seeds)) {
          const refused = checker.stats.refused;
          await checker.check(fuzzCase, as);
          expect(checker.stats.refused, JSON.stringify(fuzzCase.variables).slice(0, 300)).toBe(refused + 1);
        }
      }, 120_000);
    }

    it('answers malformed _entities representations with BAD_USER_INPUT, never an internal error', async () => {
      expect(await checkEntityCases(subgraph.execute, definition.schema, 'county.officer')).toEqual([]);
    }, 120_000);

    it('reached both outcomes: refused cases and stored records', () => {
      expect(checker.stats.refused).toBeGreaterThan(0);
      expect(checker.stats.accepted).toBeGreaterThan(0);
    });
  });
}
