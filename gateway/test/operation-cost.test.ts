// The cost every operation the console, the public website and the partners send would be counted
// at, with realistic variables and the largest page they may ask for: each must stay within the
// gateway's cost limit, so a console change that would be refused fails here first.

import { createRequire } from 'node:module';
import { defaultCostRules, largestPage, operationCost } from '@etablerer/kit';
import type { DocumentNode, GraphQLInputType, GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedSupergraph } from '../src/composition.js';
import { createApolloGateway, operationLimits } from '../src/server.js';
import { consoleOperations, sharedOperations } from './support/operations.js';

/**
 * graphql's CommonJS build, the one the gateway built its schema with: under Vitest a plain import
 * is the ESM build, whose `instanceof` checks reject that schema's types (see operation-cost.ts).
 */
const {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  typeFromAST,
} = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** The schema the gateway serves (the supergraph's API schema), as its cost limit sees it. */
let schema: GraphQLSchema;
const gateway = createApolloGateway({ supergraphSdl: committedSupergraph() });
beforeAll(async () => {
  ({ schema } = await gateway.load());
});
afterAll(() => gateway.stop());

/**
 * A value of `type` as the console sends it: the largest page for `first` (the most it may ask),
 * true for a Boolean (so every @include counts), a year, a day, an id; input objects with their
 * required fields. Only sizes and @include/@skip change a cost; the rest must merely coerce.
 */
function realisticValue(type: GraphQLInputType, name: string): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [realisticValue(nullable.ofType, name)];
  if (isEnumType(nullable)) return nullable.getValues()[0]?.value;
  if (isInputObjectType(nullable)) {
    return Object.fromEntries(
      Object.values(nullable.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, realisticValue(field.type, field.name)]),
    );
  }
  const values: Record<string, unknown> = { Boolean: true, Date: '2025-03-01', NOK: '1500.00', Float: 1 };
  if (nullable.name === 'Int') return name === 'first' ? largestPage : name === 'offset' ? 0 : 2025;
  return values[nullable.name] ?? '1';
}

function realisticVariables(document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return Object.fromEntries(
    (operation?.variableDefinitions ?? []).map((definition) => {
      const type = typeFromAST(schema, definition.type) as GraphQLInputType;
      return [definition.variable.name.value, realisticValue(type, definition.variable.name.value)];
    }),
  );
}

describe('the cost of the operations the console and partners send', () => {
  const operations = [...consoleOperations(), ...sharedOperations()];

  it('finds the console documents (the pattern still matches what codegen writes)', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.map(([name]) => name)).toEqual(expect.arrayContaining(['ClientList', 'ReferralInbox']));
  });

  it.each(operations)('%s stays within the gateway cost limit at the largest page', (_name, text) => {
    const document = parse(text);
    const cost = operationCost(schema, document, { variables: realisticVariables(document) });
    expect(cost).toBeGreaterThanOrEqual(0);
    expect(cost).toBeLessThanOrEqual(operationLimits.maxCost);
  });
});

describe('how the cost is counted', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}) =>
    operationCost(schema, parse(query), { variables });
  const items = 'items { id name counsellingSessions { id adviser { name } } municipality { name } }';

  it('counts a page size passed as a variable as the same size written literally', () => {
    const literal = cost(`query { clients(first: 120) { ${items} } }`);
    expect(literal).toBe(cost(`query ($n: Int!) { clients(first: $n) { ${items} } }`, { n: 120 }));
    // 120 clients, each with its municipality and ten sessions (the assumed size) with an adviser.
    expect(literal).toBe(1 + 120 * (1 + 1 + 10 * 2));
  });

  it('counts a size above the largest page at the largest page, and an argument left out at its default', () => {
    const query = `query ($n: Int!) { clients(first: $n) { ${items} } }`;
    expect(cost(query, { n: 1_000_000 })).toBe(cost(query, { n: largestPage }));
    expect(cost(`query { clients { ${items} } }`)).toBe(cost(query, { n: 50 }));
  });

  it('counts fragments, inline fragments and aliases like the fields they stand for', () => {
    const plain = cost(`query { a: clients(first: 100) { ${items} } b: clients(first: 100) { ${items} } }`);
    expect(plain).toBe(2 * cost(`query { clients(first: 100) { ${items} } }`));
    expect(
      cost(
        `query ($n: Int!) { a: clients(first: $n) { ...Page } b: clients(first: $n) { ... on ClientPage { ${items} } } }
         fragment Page on ClientPage { ${items} }`,
        { n: 100 },
      ),
    ).toBe(plain);
  });

  it('counts a list without a size argument at the assumed size, nested lists multiplied', () => {
    expect(cost('query { regions { municipalities { region { municipalities { name } } } } }')).toBe(
      10 * (1 + 10 * (1 + 1 + 10)),
    );
  });
});

describe('the size arguments of the graph', () => {
  it('are all counted: every page size argument is `first`, described as 1–200 as the cost caps it', () => {
    const sized: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args) {
          if (!/^(first|last|limit|take|top|size|pageSize|count|max)$/i.test(argument.name)) continue;
          sized.push(`${type.name}.${field.name}(${argument.name})`);
          expect(defaultCostRules.sizeArguments).toContain(argument.name);
          expect(argument.description).toContain(`1–${defaultCostRules.largestSize}`);
        }
      }
    }
    expect(sized).toEqual(expect.arrayContaining(['Query.clients(first)', 'Query.businessAssessments(first)']));
  });
});
