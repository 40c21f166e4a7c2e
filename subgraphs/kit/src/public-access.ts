// The public part of the graph: the few root fields the common website calls without signing in
// (agreement §4, §5.2.1). Everything else needs a token, at the gateway and at every subgraph, so
// the list below is the whole of what an anonymous request can reach.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Caller } from './auth.js';
import { unauthenticated } from './errors.js';

/** Root fields open without a token, by operation type; every other root field needs one. */
export const publicRootFields = {
  query: [
    'publicCourses',
    'publicCourse',
    'publicMunicipalities',
    'publicRegions',
    'publicPartnerCourses',
    'publicResponsibleParties',
    'publicLink',
    // Appointments (issue 22): the times a person can book.
    'availableAppointmentSlots',
  ],
  // answerSurvey, unsubscribeFromSurveys and cancelWebsiteRequest act on one-time links from
  // e-mails (issue 21); so does confirmImpact (a client confirms an impact figure; issue 22).
  mutation: [
    'signUpForCourse',
    'requestCounselling',
    'answerSurvey',
    'unsubscribeFromSurveys',
    'cancelWebsiteRequest',
    // Appointments (issue 22): booking a time; it is cancelled with cancelWebsiteRequest.
    'bookAppointment',
    'confirmImpact',
  ],
} as const;

/**
 * The mutations the website sends on a person's behalf: rate-limited per field, at the gateway
 * and in the regions subgraph, which stores what they send (one limit for all of them together).
 */
export const publicMutations: readonly string[] = publicRootFields.mutation;

const signInFirst = () => unauthenticated('Sign in first: this request carries no access token.');

/**
 * The caller of a request without a token. It has no role, organisation or region: reading any
 * of them throws UNAUTHENTICATED, so a resolver that checks the caller fails closed even if an
 * anonymous request ever reached it.
 */
export const anonymousCaller: Caller = new Proxy({} as Caller, {
  get(_target, property) {
    // Symbols are asked for by inspection and promise resolution, never by an access check.
    if (typeof property === 'symbol') return undefined;
    throw signInFirst();
  },
});

export function isAnonymous(caller: Caller | null | undefined): boolean {
  return caller === anonymousCaller || caller === null || caller === undefined;
}

/** The fragments a document defines, by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** The root fields an operation selects, through fragments and inline fragments. */
function rootFields(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode> = {},
): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        fields.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        // An unknown fragment fails validation before this runs; a cycle is visited once.
        if (fragment && !seen.has(name)) visit(fragment.selectionSet, new Set([...seen, name]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return fields;
}

/** The root field names an operation selects, through fragments; `__typename` is left out. */
export function rootFieldNames(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode> = {},
): string[] {
  const names = new Set(rootFields(operation, fragments).map((field) => field.name.value));
  names.delete('__typename');
  return [...names];
}

/**
 * How many public mutation fields the operation runs: each alias counts, and so does each field a
 * fragment adds, as one sign-up or request stored. Fields with one response key are merged into
 * one by GraphQL (same arguments, run once), so they count once. Rate limits take this many
 * points for the operation, not one for the request.
 */
export function publicMutationFieldCount(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode> = {},
): number {
  if (operation.operation !== 'mutation') return 0;
  const responseKeys = rootFields(operation, fragments)
    .filter((field) => publicMutations.includes(field.name.value))
    .map((field) => field.alias?.value ?? field.name.value);
  return new Set(responseKeys).size;
}

/** True when every root field the operation selects is open without a token. */
export function isPublicOperation(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode> = {},
): boolean {
  const allowed: readonly string[] =
    operation.operation === 'query'
      ? publicRootFields.query
      : operation.operation === 'mutation'
        ? publicRootFields.mutation
        : [];
  return rootFieldNames(operation, fragments).every((name) => allowed.includes(name));
}

/**
 * Refuses, before anything is resolved, an operation without a token that reaches beyond the
 * public fields: UNAUTHENTICATED, as for any other request that needs a sign-in.
 */
export function publicAccessPlugin<Context extends BaseContext>(
  isAnonymousRequest: (context: Context) => boolean,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          // Without an operation Apollo has already refused the request.
          if (!operation || !isAnonymousRequest(contextValue)) return;
          if (!isPublicOperation(operation, fragmentsOf(document))) throw signInFirst();
        },
      };
    },
  };
}
