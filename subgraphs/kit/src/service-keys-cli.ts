// `pnpm --filter @etablerer/kit run service-keys`: new key pairs for the services that sign their
// calls to subgraphs, printed as environment lines (compose's --env-file, or the values of a
// Kubernetes Secret). Private keys: keep the output secret, and give each service only its own.
import { generateServiceKeys } from './service-assertion.js';

const keys = await generateServiceKeys();
const lines = [
  '# Every subgraph trusts these public keys (SERVICE_KEYS); each caller signs with its own private key.',
  `SERVICE_KEYS='${JSON.stringify(keys.jwks)}'`,
  ...Object.entries(keys.privateKeys).map(
    ([service, key]) => `${service.toUpperCase()}_SERVICE_PRIVATE_KEY='${JSON.stringify(key)}'`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
