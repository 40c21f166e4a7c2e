// Scalars shared by the subgraphs: identical definitions so composition merges them.
import { GraphQLScalarType } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

/** A calendar date without time or zone, `YYYY-MM-DD` in and out (Norwegian dates are local dates). */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date, `YYYY-MM-DD` (ISO 8601), with no time of day or time zone.',
});
