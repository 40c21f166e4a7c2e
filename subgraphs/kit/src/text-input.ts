// Refuses text that PostgreSQL cannot hold, anywhere in a request: a NUL character in a string
// variable or inline argument. Left through, it cut the statement short on the wire, the server
// dropped the connection, and the caller got an outage answer for what is bad input.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type DocumentNode, GraphQLError, visit } from 'graphql';

/** Where the first string holding a NUL character is in `value`, e.g. `input.person.name`. */
export function pathOfNulCharacter(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = pathOfNulCharacter(item, `${path}.${index}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = pathOfNulCharacter(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/** What inlineNulCharacter found in each parsed document (Apollo Server reuses a document it parsed before). */
const inlineNulCharacters = new WeakMap<DocumentNode, string | undefined>();

/** The argument (and field within it) of the first inline string literal holding a NUL character. */
function inlineNulCharacter(document: DocumentNode): string | undefined {
  if (inlineNulCharacters.has(document)) return inlineNulCharacters.get(document);
  let found: string | undefined;
  const path: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    StringValue(node) {
      if (!found && node.value.includes('\u0000')) found = path.join('.') || 'query';
    },
  });
  inlineNulCharacters.set(document, found);
  return found;
}

export function nulCharacterPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const field = pathOfNulCharacter(request.variables ?? {}, '') ?? inlineNulCharacter(document);
          if (!field) return;
          throw new GraphQLError(`${field}: contains a NUL character (\\u0000), which is not text`, {
            extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
          });
        },
      };
    },
  };
}
