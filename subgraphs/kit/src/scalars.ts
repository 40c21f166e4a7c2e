// Scalars shared by the subgraphs: identical definitions so composition merges them.
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { JSONResolver, LocalDateResolver } from 'graphql-scalars';

const localDate = LocalDateResolver.toConfig();

/** The year 0000 passes the ISO format but no PostgreSQL date column: refuse it as bad input. */
function refuseYearZero<Value>(value: Value): Value {
  if (typeof value === 'string' && value.startsWith('0000')) {
    throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}: the years start at 0001.`);
  }
  return value;
}

/** A calendar date without time or zone, `YYYY-MM-DD` in and out (Norwegian dates are local dates). */
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  parseValue: (value) => refuseYearZero(localDate.parseValue?.(value) ?? value),
  parseLiteral: (ast, variables) => refuseYearZero(localDate.parseLiteral?.(ast, variables)),
  name: 'Date',
  description: 'A calendar date, `YYYY-MM-DD` (ISO 8601), with no time of day or time zone.',
});

/** Any JSON value: what a personal data export holds, as the subgraph stores it. */
export const JsonScalar = new GraphQLScalarType({
  ...JSONResolver.toConfig(),
  name: 'JSON',
  description: 'Any JSON value (an object, array, string, number, boolean or null).',
});
