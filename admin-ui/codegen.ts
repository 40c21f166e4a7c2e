// graphql-codegen config: types and typed documents for the console's operations, from the committed supergraph.
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config: CodegenConfig = {
  schema: fromHere('../schema/supergraph.graphql'),
  documents: [fromHere('src/**/*.{ts,vue}'), `!${fromHere('src/graphql/generated/**')}`],
  ignoreNoDocuments: false,
  generates: {
    [fromHere('src/graphql/generated/')]: {
      preset: 'client',
      presetConfig: {
        // The console reads whole results; fragment masking would only add unwrapping calls.
        fragmentMasking: false,
      },
      config: {
        // Documents as plain strings: the thin fetch client sends them as they are, so the bundle needs no `graphql` runtime.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        // NOK arrives as an exact decimal string ("142450.00"); kept a string so no float ever touches money.
        scalars: { Date: 'string', DateTime: 'string', NOK: 'string' },
        // A scalar added to the graph later stays `unknown` until it is mapped here, rather than an unchecked `any`.
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
