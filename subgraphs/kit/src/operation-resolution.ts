// Which operation of the document to run, settled before any other plugin looks at it. Apollo
// Server answers a subgraph's unknown operationName with 400 OPERATION_RESOLUTION_FAILURE, but
// only after executing; behind @apollo/gateway the executor throws instead, which Apollo answers
// 500 INTERNAL_SERVER_ERROR (issue 17). Refused here, every service answers the caller's mistake
// alike, as a 400 with a code, and no plugin after this one sees a request without an operation.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind } from 'graphql';

/** Apollo's code for a document whose operation to run cannot be told (ApolloServerErrorCode). */
export const operationResolutionFailureCode = 'OPERATION_RESOLUTION_FAILURE';

/** Why no operation was chosen, worded as graphql-js words it when it executes. */
function unresolvedOperation(document: DocumentNode, operationName: string | undefined | null): string {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return `Unknown operation named "${operationName}".`;
  return operations.length === 0
    ? 'Must provide an operation.'
    : 'Must provide operation name if query contains multiple operations.';
}

/**
 * Refuses, with status 400, a request whose operation cannot be chosen (an unknown operationName,
 * several operations and no name, only fragments) and an operation of a type the schema has no root
 * for (a subscription: nothing here serves them). Listed first, so its refusal is the one given.
 */
export function operationResolutionPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) {
            throw new GraphQLError(unresolvedOperation(document, request.operationName), {
              extensions: { code: operationResolutionFailureCode, http: { status: 400 } },
            });
          }
          if (!schema.getRootType(operation.operation)) {
            throw new GraphQLError(`This service has no ${operation.operation} operations.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
