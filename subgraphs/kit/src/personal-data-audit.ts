// Reads of personal data audited at the field, so that no path can skip it: every field marked
// `@personalData` in a subgraph's SDL (or every field but `id` of a type marked so) writes an audit
// entry for the record it belongs to when it is resolved, whether the record came from a root
// field, a list, another record's field or `_entities`. The entries go through the request's
// audit batcher: one insert per tick, one entry per record and request.
import { defaultFieldResolver, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { readsFromOutside } from './access.js';
import type { SubgraphContext } from './subgraph.js';

/** The marker's name; each subgraph that holds personal data declares it in its SDL. */
export const personalDataDirective = 'personalData';

/** The record a personal-data field belongs to, and the region whose client it is about. */
export interface PersonalRecord {
  recordType: string;
  recordId: string;
  /** The client's region; null when no region owns it, so every read is audited. */
  regionId: string | null;
}

/** How to find the record of an object of one type; null when the object holds no one's data. */
export type PersonalRecordOf<Context> = (
  // biome-ignore lint/suspicious/noExplicitAny: resolvers' parents are of every shape
  parent: any,
  context: Context,
) => PersonalRecord | null | Promise<PersonalRecord | null>;

/**
 * graphql-js's `isObjectType` checks `instanceof`, and a schema that `@apollo/subgraph` built comes
 * from graphql's CommonJS build while this module may load its ES one: the type's tag works for both.
 */
export const isObjectTypeOf = (type: unknown): type is GraphQLObjectType =>
  Object.prototype.toString.call(type) === '[object GraphQLObjectType]';

const isMarked = (node: { directives?: readonly { name: { value: string } }[] } | null | undefined) =>
  !!node?.directives?.some((directive) => directive.name.value === personalDataDirective);

/** The fields of the schema that hold personal data, by the marker on them or on their type. */
export function personalDataFields(
  schema: GraphQLSchema,
): { typeName: string; field: GraphQLField<unknown, unknown> }[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectTypeOf)
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => {
      const wholeType = isMarked(type.astNode) || (type.extensionASTNodes ?? []).some(isMarked);
      return Object.values(type.getFields())
        .filter((field) => (wholeType ? field.name !== 'id' : isMarked(field.astNode)))
        .map((field) => ({ typeName: type.name, field }));
    });
}

/** "clients.items.possibleDuplicates.email": where in the response the read happened, without list indices. */
function pathText(path: { prev: unknown; key: string | number } | undefined): string {
  const keys: string[] = [];
  for (let at = path; at; at = at.prev as typeof path) if (typeof at.key === 'string') keys.unshift(at.key);
  return keys.join('.');
}

/**
 * Wraps the resolver of every personal-data field so that reading it audits its record when the
 * caller reads from outside the client's region (§11; the region's own advisers and officers are
 * not logged). A type with a marked field but no way to find its record stops the start.
 */
export function auditPersonalDataReads<Context extends SubgraphContext>(
  schema: GraphQLSchema,
  recordOf: Record<string, PersonalRecordOf<Context>>,
): GraphQLSchema {
  for (const { typeName, field } of personalDataFields(schema)) {
    const describe = recordOf[typeName];
    if (!describe) throw new Error(`${typeName}.${field.name} is personal data, but nothing says whose record it is`);
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (parent, args, contextValue, info) => {
      const context = contextValue as Context;
      const value = await resolve(parent, args, context, info);
      const record = await describe(parent, context);
      if (record && (record.regionId === null || readsFromOutside(context.caller, record.regionId))) {
        await context.audit([
          {
            operation: 'READ',
            recordType: record.recordType,
            recordId: record.recordId,
            detail: `read ${pathText(info.path)}`,
          },
        ]);
      }
      return value;
    };
  }
  return schema;
}
