// docs/configuration.md from the four services' configuration schemas: `pnpm docs:configuration`
// writes it, and configuration.test.ts fails when the committed file differs.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countySubgraph } from '@etablerer/county';
import { renderConfigurationReference, subgraphConfigSchema } from '@etablerer/kit';
import { partnersSubgraph } from '@etablerer/partners';
import { regionsSubgraph } from '@etablerer/regions';
import { configurationSchema } from '../../src/config.js';

export const configurationDocsPath = fileURLToPath(new URL('../../../docs/configuration.md', import.meta.url));

export function configurationDocs(): string {
  return renderConfigurationReference([
    {
      title: 'Gateway (`gateway/src/config.ts`)',
      intro:
        "The one public endpoint, and the platform's sign-in: it issues the access tokens every service verifies (its signing keys in its database), for people signed in at the OpenID Connect provider and for partner systems with client credentials. It needs its own service key; the subgraphs are where the README runs them unless told otherwise.",
      schema: configurationSchema,
    },
    ...[countySubgraph, regionsSubgraph, partnersSubgraph].map((definition) => ({
      title: `The ${definition.name} subgraph (\`subgraphs/${definition.name}/src/config.ts\`)`,
      intro: `Needs its database server (\`DATABASE_URL\`), the keys of the services it trusts (\`SERVICE_KEYS\`)${definition.calls?.length ? `, its own signing key for its calls to ${definition.calls.join(', ')}` : ''} and the way to verify access tokens.`,
      schema: subgraphConfigSchema(definition),
    })),
  ]);
}

/**
 * The text as a reader compares it: table cells without the padding and the separator dashes the
 * formatter (`pnpm format`, Biome) aligns the tables with.
 */
export function withoutTablePadding(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^-{3,}$/, '---'))
            .join('|')
        : line,
    )
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(configurationDocsPath, configurationDocs());
  // Aligned as `pnpm format` would, so that the lint passes on the file as written.
  execFileSync('pnpm', ['exec', 'biome', 'format', '--write', configurationDocsPath], { stdio: 'inherit' });
  console.log(`written: ${configurationDocsPath}`);
}
