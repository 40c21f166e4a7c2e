// Checks the representations of `_entities` before any reference resolver sees them: the gateway
// sends well-formed ones, but anyone who reaches a subgraph can send anything, and @apollo/subgraph
// answers a missing or unknown __typename (or a key of the wrong type) with an internal error.
import { type GraphQLFieldResolver, type GraphQLSchema, parse, type SelectionSetNode } from 'graphql';
import { badUserInput } from './errors.js';

/**
 * The most representations one `_entities` call takes. A query plan's fetch carries one per distinct
 * entity of the results before it, which the gateway's cost limit keeps far below this.
 */
export const maxEntityRepresentations = 10_000;

/** One way to name an entity: each key field with its leaf type, or the key fields of its own object. */
type KeyShape = { [field: string]: string | KeyShape };

// A schema may come from graphql's CommonJS build and this file from its ES module build (vitest loads both), so
// types are told apart by their tag and shape, not graphql's instanceof-based predicates.
const tagOf = (type: unknown) => (type as { [Symbol.toStringTag]?: string })[Symbol.toStringTag];
interface DirectiveNode {
  name: { value: string };
  arguments?: readonly { name: { value: string }; value: { kind: string; value?: unknown } }[];
}
interface AnyType {
  name?: string;
  ofType?: AnyType;
  getFields?: () => Record<string, { type: AnyType }>;
  getValue?: (name: string) => unknown;
  getTypes?: () => AnyType[];
  astNode?: { directives?: readonly DirectiveNode[] } | null;
  extensionASTNodes?: readonly { directives?: readonly DirectiveNode[] }[];
}
const namedType = (type: AnyType): AnyType => (type.ofType ? namedType(type.ofType) : type);

function keyShape(type: AnyType, selections: SelectionSetNode): KeyShape {
  const fields = type.getFields?.() ?? {};
  const shape: KeyShape = {};
  for (const selection of selections.selections) {
    if (selection.kind !== 'Field') continue;
    const fieldType = fields[selection.name.value]?.type;
    const named = fieldType ? namedType(fieldType) : undefined;
    shape[selection.name.value] =
      selection.selectionSet && named ? keyShape(named, selection.selectionSet) : (named?.name ?? 'String');
  }
  return shape;
}

/** Every entity type of the schema (the `_Entity` union) with the shapes of its keys. */
function entityKeyShapes(schema: GraphQLSchema): Map<string, { type: AnyType; keys: KeyShape[] }> {
  const union = schema.getType('_Entity') as AnyType | undefined;
  const entities = new Map<string, { type: AnyType; keys: KeyShape[] }>();
  for (const type of union?.getTypes?.() ?? []) {
    const directives = [type.astNode, ...(type.extensionASTNodes ?? [])].flatMap((node) => node?.directives ?? []);
    const keys = directives
      .filter((directive) => directive.name.value === 'key')
      .flatMap((directive) => {
        const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
        if (fields?.kind !== 'StringValue' || typeof fields.value !== 'string') return [];
        const operation = parse(`{ ${fields.value} }`).definitions[0];
        return operation?.kind === 'OperationDefinition' ? [keyShape(type, operation.selectionSet)] : [];
      });
    if (type.name) entities.set(type.name, { type, keys });
  }
  return entities;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a key's value has the JSON type its GraphQL type is sent as (IDs as strings, as the gateway does). */
function leafFits(schema: GraphQLSchema, typeName: string, value: unknown): boolean {
  switch (typeName) {
    case 'Int':
      return Number.isInteger(value) && Math.abs(value as number) <= 2_147_483_647;
    case 'Float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'Boolean':
      return typeof value === 'boolean';
    default: {
      if (typeof value !== 'string') return false;
      const type = schema.getType(typeName) as AnyType | undefined;
      return tagOf(type) === 'GraphQLEnumType' ? Boolean(type?.getValue?.(value)) : true;
    }
  }
}

function fitsKey(schema: GraphQLSchema, shape: KeyShape, value: Record<string, unknown>): boolean {
  return Object.entries(shape).every(([field, fieldShape]) => {
    const fieldValue = value[field];
    return typeof fieldShape === 'string'
      ? leafFits(schema, fieldShape, fieldValue)
      : isPlainObject(fieldValue) && fitsKey(schema, fieldShape, fieldValue);
  });
}

const guarded = new WeakSet<object>();

/**
 * Makes the schema's `_entities` refuse malformed representations with BAD_USER_INPUT: not an object, no
 * `__typename` or one that is no entity of this subgraph, no key of that entity with values of the right
 * types, or more than `maxEntityRepresentations` of them. Changes the schema in place, once; returns it.
 */
export function checkEntityRepresentations(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve || guarded.has(field)) return schema;
  const entities = entityKeyShapes(schema);
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve;
  field.resolve = (source, args: { representations?: unknown }, context, info) => {
    const { representations } = args;
    if (!Array.isArray(representations)) throw badUserInput('representations must be a list of objects.');
    if (representations.length > maxEntityRepresentations) {
      throw badUserInput(`At most ${maxEntityRepresentations} representations in one request.`);
    }
    for (const [index, representation] of representations.entries()) {
      const where = `representations[${index}]`;
      if (!isPlainObject(representation)) throw badUserInput(`${where} must be an object.`);
      const typename = representation.__typename;
      const entity = typeof typename === 'string' ? entities.get(typename) : undefined;
      if (!entity) throw badUserInput(`${where}.__typename must name an entity type of this service.`);
      if (!entity.keys.some((key) => fitsKey(schema, key, representation))) {
        throw badUserInput(`${where} does not hold a key of ${typename} with values of the right types.`);
      }
    }
    return resolve(source, args, context, info);
  };
  guarded.add(field);
  return schema;
}
