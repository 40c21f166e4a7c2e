// Money in Norwegian kroner: integer øre inside, an exact decimal string with two decimals in
// the graph ("142450.00"). No floating point anywhere on the money path.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const nokPattern = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "1234.5" → 123450 øre; throws on anything that is not an exact amount. */
export function parseNok(text: string): number {
  const match = nokPattern.exec(text.trim());
  if (!match) throw new TypeError(`Not an amount in NOK with at most two decimals: ${JSON.stringify(text)}`);
  const [, minus, kroner, decimals = ''] = match;
  const ore = Number(kroner) * 100 + Number(decimals.padEnd(2, '0'));
  return minus ? -ore : ore;
}

/** 123450 øre → "1234.50". */
export function formatNok(ore: number | bigint | string): string {
  const value = BigInt(ore);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  return `${negative ? '-' : ''}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

export const NokScalar = new GraphQLScalarType({
  name: 'NOK',
  description:
    'An amount in Norwegian kroner as an exact decimal string with two decimals, e.g. "142450.00". Never a float.',
  serialize: (value) => {
    if (typeof value === 'number' && !Number.isInteger(value))
      throw new TypeError(`NOK amounts are whole øre, not ${value}`);
    return formatNok(value as number | bigint | string);
  },
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('A NOK amount is a string such as "500.00"');
    try {
      return parseNok(value);
    } catch (error) {
      throw new GraphQLError((error as Error).message);
    }
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('A NOK amount is a string such as "500.00"', { nodes: ast });
    try {
      return parseNok(ast.value);
    } catch (error) {
      throw new GraphQLError((error as Error).message, { nodes: ast });
    }
  },
});
