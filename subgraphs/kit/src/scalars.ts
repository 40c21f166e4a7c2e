// Scalars shared by the subgraphs: identical definitions so composition merges them.
import { GraphQLError, GraphQLScalarType } from 'graphql';
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
