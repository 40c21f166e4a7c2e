// The operations the platform's clients send: the console's (and the public website's) documents as
// graphql-codegen wrote them, and those promised to partners in schema/operations/.
import { readdirSync, readFileSync } from 'node:fs';

/** The console's documents (fragments included), as [operation name, text]. */
export function consoleOperations(): [string, string][] {
  const generated = readFileSync(
    new URL('../../../admin-ui/src/graphql/generated/graphql.ts', import.meta.url),
    'utf8',
  );
  return [...generated.matchAll(/export const (\w+)Document = new TypedDocumentString\(`([\s\S]*?)`\)/g)].map(
    ([, name, text]) => [name as string, text as string],
  );
}

/** One console document by its operation name. */
export function consoleOperation(name: string): string {
  const found = consoleOperations().find(([operationName]) => operationName === name);
  if (!found) throw new Error(`the console has no operation ${name}`);
  return found[1];
}

/** The operations partners are promised (schema/operations/*.graphql), as [file name, text]. */
export function sharedOperations(): [string, string][] {
  const folder = new URL('../../../schema/operations/', import.meta.url);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => [file, readFileSync(new URL(file, folder), 'utf8')]);
}
