// Scalars shared by the subgraphs: identical definitions so composition merges them.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { JSONResolver, LocalDateResolver } from 'graphql-scalars';
import { serviceYears } from './arguments.js';

const localDate = LocalDateResolver.toConfig();

/**
 * A date sent in that is no date, or one outside the years the service has data for. Thrown while
 * a variable or an inline value is read; formatError (errors.ts) tells both as BAD_USER_INPUT, so
 * an inline date gets the same answer as the same date in a variable.
 */
export class DateInputError extends GraphQLError {}

/**
 * Every date sent in lies within the service's years (arguments.ts: 2000–2100): year 9999 is a
 * typing error, and no meeting, evaluation or event here lies outside them. Dates read back are
 * not checked: what is stored is told as it is.
 */
function withinServiceYears(value: unknown): string {
  const date = value as string;
  const year = Number(date.slice(0, 4));
  if (year < serviceYears.first || year > serviceYears.last) {
    throw new DateInputError(
      `Date must lie in the years ${serviceYears.first}–${serviceYears.last}, not ${JSON.stringify(date)}.`,
    );
  }
  return date;
}

/** The parse of graphql-scalars' LocalDate, its refusals as DateInputError. */
function parsedDate(parse: () => unknown): string {
  try {
    return withinServiceYears(parse());
  } catch (error) {
    if (error instanceof DateInputError) throw error;
    throw new DateInputError(error instanceof Error ? error.message : String(error));
  }
}

/** A calendar date without time or zone, `YYYY-MM-DD` in and out (Norwegian dates are local dates). */
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  parseValue: (value) => parsedDate(() => localDate.parseValue?.(value) ?? value),
  parseLiteral: (ast, variables) => parsedDate(() => localDate.parseLiteral?.(ast, variables)),
  name: 'Date',
  description: 'A calendar date, `YYYY-MM-DD` (ISO 8601), with no time of day or time zone.',
});

/** Any JSON value: what a personal data export holds, as the subgraph stores it. */
export const JsonScalar = new GraphQLScalarType({
  ...JSONResolver.toConfig(),
  name: 'JSON',
  description: 'Any JSON value (an object, array, string, number, boolean or null).',
});

/** A moment sent in that is no ISO 8601 date and time with its time zone. */
function parsedDateTime(value: unknown): Date {
  // A zone is required: a local time means another moment on every server it reaches.
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/i.test(value)) {
    throw new DateInputError(
      `DateTime must be an ISO 8601 date and time with its time zone, e.g. 2026-12-07T10:15:00Z, not ${JSON.stringify(value)}.`,
    );
  }
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) throw new DateInputError(`DateTime ${JSON.stringify(value)} is no moment.`);
  return moment;
}

/**
 * A moment in time, told in UTC (`2026-12-07T10:15:00.000Z`, ISO 8601); taken in with any time
 * zone. Stored moments (timestamptz) come out of the database as Date objects.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'A moment in time as an ISO 8601 date and time with its time zone, e.g. `2026-12-07T10:15:00.000Z` (answers are in UTC).',
  serialize: (value) => {
    const moment = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(moment.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}`);
    return moment.toISOString();
  },
  parseValue: parsedDateTime,
  parseLiteral: (ast) => parsedDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
