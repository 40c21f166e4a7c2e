// What the personal-data audit tests of every subgraph share: the fields that look personal, the
// fields that lead to a personal record, and an operation reading one field through one path.
import type {
  GraphQLArgument,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLType,
} from 'graphql';
import { isObjectTypeOf as isObjectType, personalDataFields } from './personal-data-audit.js';

// Tag checks, not graphql-js's `instanceof` ones: the schema may come from graphql's other build.
const tagOf = (value: unknown) => Object.prototype.toString.call(value);
const getNamedType = (type: GraphQLType): GraphQLNamedType =>
  'ofType' in type && tagOf(type) !== '[object GraphQLObjectType]'
    ? getNamedType(type.ofType as GraphQLType)
    : (type as GraphQLNamedType);
const isRequiredArgument = (arg: GraphQLArgument) =>
  tagOf(arg.type) === '[object GraphQLNonNull]' && arg.defaultValue === undefined;

/** Names that usually hold someone's personal data; a field so named must be marked or explained. */
export const personalLookingName = /name|e-?mail|phone|address|birth|gender|note|message|question|idea|person/i;

/**
 * Fields whose name looks personal but that carry no `@personalData` marker (on the field or its
 * type) and are not in `explained` (`Type.field` → why it is not a client's personal data).
 */
export function unexplainedPersonalLookingFields(schema: GraphQLSchema, explained: Record<string, string>): string[] {
  const marked = new Set(personalDataFields(schema).map(({ typeName, field }) => `${typeName}.${field.name}`));
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('_') && type.name !== 'Mutation')
    .flatMap((type) => Object.keys(type.getFields()).map((name) => `${type.name}.${name}`))
    .filter((name) => personalLookingName.test(name.split('.')[1] as string))
    .filter((name) => !marked.has(name) && !(name in explained));
}

/** Every field, outside Mutation, whose value is an object of one of the types: the paths that lead to them. */
export function fieldsLeadingTo(schema: GraphQLSchema, typeNames: string[]): string[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('__') && type.name !== 'Mutation')
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => typeNames.includes(getNamedType(field.type).name))
        .map((field) => `${type.name}.${field.name}`),
    )
    .sort();
}

/**
 * The selection that reads `field` of an object (with `__typename` and `id`, so the read can be
 * found in the response) and the variable definitions its required arguments need, taken from
 * `values` by argument name.
 */
export function readingSelection(
  parentType: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  values: Record<string, unknown>,
): { selection: string; variableDefinitions: string; variables: Record<string, unknown> } {
  const required = field.args.filter(isRequiredArgument);
  const variables = Object.fromEntries(required.map((arg) => [`arg_${arg.name}`, values[arg.name]]));
  const args = required.length ? `(${required.map((arg) => `${arg.name}: $arg_${arg.name}`).join(', ')})` : '';
  const type = getNamedType(field.type);
  const sub = isObjectType(type) ? ` { __typename${'id' in type.getFields() ? ' id' : ''} }` : '';
  return {
    selection: `__typename${'id' in parentType.getFields() ? ' id' : ''} ${field.name}${args}${sub}`,
    variableDefinitions: required.map((arg) => `$arg_${arg.name}: ${String(arg.type)}`).join(' '),
    variables,
  };
}

/**
 * The ids of the records read in a response: of each object of `typeName` that carries
 * `fieldName`, its own id, or (for a type without one, like a referral's shared data) the id of
 * the nearest object around it that has one.
 */
export function recordsRead(data: unknown, typeName: string, fieldName: string): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, aroundId: string | undefined) => {
    if (Array.isArray(value)) for (const item of value) walk(item, aroundId);
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      const id = typeof object.id === 'string' ? object.id : aroundId;
      if (object.__typename === typeName && fieldName in object && id) found.add(id);
      for (const child of Object.values(object)) walk(child, id);
    }
  };
  walk(data, undefined);
  return [...found];
}
