// The cost of an operation, computed with its variables' values, and the limit on it at the gateway
// and at every subgraph. graphql-armor's cost limit is a validation rule, which runs before the
// variables are known: `clients(first: $n)` cost it nothing, so one request with n = 200 in four
// aliases stalled the service. This one runs once Apollo has resolved the operation and the
// variables are at hand, so a literal and the same value passed as a variable cost the same.
import { createRequire } from 'node:module';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, GraphQLCompositeType, GraphQLField, GraphQLSchema } from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { largestPage } from './arguments.js';

/**
 * The graphql that Apollo and graphql-query-complexity load: its CommonJS build. Node resolves a
 * plain import to the same, but Vitest resolves it to the ESM build, a second copy whose
 * `instanceof` checks reject the types of a schema the first one built.
 */
const { GraphQLError, getNamedType, getNullableType, isLeafType, isListType, isObjectType } = createRequire(
  import.meta.url,
)('graphql') as typeof import('graphql');

/** How list sizes are taken when counting an operation's cost. */
export interface CostRules {
  /** The size counted for a list of objects that takes no size argument. */
  assumedListSize: number;
  /** Arguments that set how many items a field returns (`first: 50`). */
  sizeArguments: readonly string[];
  /** The most a size argument is counted at: the page size the resolvers allow (checkPage). */
  largestSize: number;
}

/**
 * Every list of the graph without a size argument is small or bounded by its parent: a region's
 * municipalities, advisers or courses, a client's sessions. Ten is near their typical size; the
 * known long lists are paged with `first`, up to 200.
 */
export const defaultCostRules: CostRules = { assumedListSize: 10, sizeArguments: ['first'], largestSize: largestPage };

/** A page type (`ClientPage`): its `items` list is as long as the `first` of the field that returned it. */
function isPageItems(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): boolean {
  return field.name === 'items' && isObjectType(parent) && 'totalCount' in parent.getFields();
}

/**
 * Objects count, as in the GraphQL cost directives' model Apollo's demand control uses: a field of
 * an object type costs 1 and its selection's cost, times the number of items it returns; a scalar
 * or enum (`__typename` too) costs nothing, being a column of a row already fetched. The number:
 * - for a field with a size argument (`first`), as many as it asks for, at most `largestSize`
 *   (the resolver refuses more anyway); for a page (`ClientPage`), that many items;
 * - for `_entities`, one per representation sent (a plan's fetch of a list's entities);
 * - for any other list of objects, `assumedListSize`.
 */
export function listSizeEstimator(rules: CostRules = defaultCostRules): ComplexityEstimator {
  return ({ type: parent, field, args, childComplexity }) => {
    if (isLeafType(getNamedType(field.type))) return 0;
    const own = 1 + childComplexity;
    if (field.name === '_entities' && Array.isArray(args.representations)) return args.representations.length * own;
    const sizeArgument = rules.sizeArguments.find((name) => typeof args[name] === 'number');
    if (sizeArgument !== undefined) {
      const size = Math.min(Math.max(args[sizeArgument] as number, 0), rules.largestSize);
      // A list counts each item; a page its items (its totalCount and hasNextPage along with them).
      return isListType(getNullableType(field.type)) ? size * own : 1 + size * childComplexity;
    }
    const isList = isListType(getNullableType(field.type));
    if (!isList || isPageItems(parent, field)) return own;
    return rules.assumedListSize * own;
  };
}

/**
 * The cost of `operationName` in `document` with `variables` (coerced as execution would), through
 * fragments, inline fragments and aliases, leaving out what @skip/@include leave out. Throws a
 * GraphQLError when the variables do not fit their types, or when fragments spread into more than
 * 10,000 selections (graphql-query-complexity's bound on the counting itself).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  {
    operationName,
    variables = {},
    rules = defaultCostRules,
  }: { operationName?: string | null; variables?: Record<string, unknown>; rules?: CostRules } = {},
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [listSizeEstimator(rules)],
  });
}

/** A refusal before anything runs: 400, like the depth and alias limits' validation errors. */
function refused(message: string, extensions: Record<string, unknown> = {}): Error {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...extensions, http: { status: 400 } },
  });
}

/**
 * Refuses an operation whose cost, with its variables, is over `maxCost`, naming both. It runs in
 * didResolveOperation: after validation, with the variables known, before any resolver or (at
 * the gateway) any query plan runs.
 */
export function costLimitPlugin<Context extends BaseContext>({
  maxCost,
  rules = defaultCostRules,
}: {
  maxCost: number;
  rules?: CostRules;
}): ApolloServerPlugin<Context> {
  const costs = new CostCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          let cost: number;
          try {
            cost = costs.of(schema, document, operationName, request.variables ?? {}, (variables) =>
              operationCost(schema, document, { operationName, variables, rules }),
            );
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            // Variables that do not fit their types, or a fragment bomb: the operation cannot run.
            throw /nodes/.test(error.message)
              ? refused(`${error.message} Its cost cannot be counted; the cost limit is ${maxCost}.`, { maxCost })
              : new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          if (cost > maxCost) {
            throw refused(
              `Query cost limit of ${maxCost} exceeded, found ${cost}: ask for smaller pages (first) or fewer nested lists.`,
              { cost, maxCost },
            );
          }
        },
      };
    },
  };
}

/** The most variable sets whose cost is kept per document (then they are forgotten and counted anew). */
const costsKeptPerDocument = 200;

/**
 * The costs counted, per schema and parsed document (Apollo keeps one parsed document per query
 * text), by operation name and variables: a cost is a function of these alone, and counting walks the
 * whole operation (half a millisecond for the coordination overview, at the gateway and at each of
 * the subgraphs its plan fetches from). Bounded: a document's costs are forgotten past
 * `costsKeptPerDocument` variable sets; documents and schemas no longer used go with their objects.
 * Errors are not kept, so a refusal is counted (and thrown) anew each time.
 */
export class CostCache {
  readonly #costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();

  of(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
    count: (variables: Record<string, unknown>) => number,
  ): number {
    let ofSchema = this.#costs.get(schema);
    if (!ofSchema) {
      ofSchema = new WeakMap();
      this.#costs.set(schema, ofSchema);
    }
    let ofDocument = ofSchema.get(document);
    if (!ofDocument) {
      ofDocument = new Map();
      ofSchema.set(document, ofDocument);
    }
    const key = JSON.stringify([operationName ?? null, variables]);
    const known = ofDocument.get(key);
    if (known !== undefined) return known;
    const cost = count(variables);
    if (ofDocument.size >= costsKeptPerDocument) ofDocument.clear();
    ofDocument.set(key, cost);
    return cost;
  }
}
