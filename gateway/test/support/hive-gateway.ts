// Hive Gateway (@graphql-hive/gateway-runtime, The Guild's federation router) over the test platform's
// subgraphs, from the committed supergraph: so a partner system may run either router in front of the
// subgraphs (issue 24). It does what the subgraphs ask of any router: it passes the caller's token on,
// and signs each subgraph request as the gateway (the kit's service assertion over exactly that body).
import { readFileSync } from 'node:fs';
import { createServiceSigner, withServiceAssertion } from '@etablerer/kit';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { JWK } from 'jose';
import type { SubgraphName } from '../../src/composition.js';

/** The committed supergraph, with each subgraph's address as the test platform runs it. */
export function supergraphAt(subgraphUrls: Record<SubgraphName, string>): string {
  const committed = readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8');
  return committed.replace(
    /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
    (whole, name: string) => `@join__graph(name: "${name}", url: "${subgraphUrls[name as SubgraphName] ?? whole}")`,
  );
}

export async function startHiveGateway({
  subgraphUrls,
  gatewayKey,
}: {
  subgraphUrls: Record<SubgraphName, string>;
  /** The gateway's private service key: the subgraphs trust requests it signed. */
  gatewayKey: JWK;
}): Promise<GatewayRuntime> {
  const signer = await createServiceSigner(gatewayKey);
  const audienceOf = new Map(Object.entries(subgraphUrls).map(([name, url]) => [url, name]));
  return createGatewayRuntime({
    supergraph: supergraphAt(subgraphUrls),
    logging: false,
    // A test's failure should say what went wrong in the router.
    maskedErrors: false,
    // As the Apollo gateway: no dedupe of identical requests in flight, so the audit log counts each; neither
    // of the callers' requests nor of the subgraph requests (which its HTTP executor merges by default:
    // eight concurrent reads of a client page by one adviser reached the regions subgraph, and its audit log, as one).
    inboundInflightRequestDeduplication: false,
    transportEntries: { '*': { options: { deduplicateInflightRequests: false } } },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
    },
    plugins: () => [
      {
        async onFetch({ url, options, setOptions }) {
          const audience = audienceOf.get(url);
          if (!audience || typeof options.body !== 'string') return;
          const headers = Object.fromEntries(new Headers(options.headers as HeadersInit).entries());
          setOptions({ ...options, headers: await withServiceAssertion(signer, audience, options.body, headers) });
        },
      },
    ],
  });
}
