// The gateway's configuration: every variable it reads, checked once at start (the kit's
// config.ts), so a bad or missing value stops the start naming the variable and what it wants.
import {
  across,
  countVariable,
  flagVariable,
  jsonWebKeyVariable,
  millisecondsVariable,
  optionalVariableOf,
  postgresUrl,
  postgresUrlWants,
  serviceVariables,
  textVariable,
  urlVariable,
  withServiceRules,
} from '@etablerer/kit';
import { z } from 'zod';
import { defaultSubgraphUrls, type SubgraphName, subgraphNames } from './composition.js';
import { defaultGatewayDatabase } from './gateway-database.js';
import { defaultSubgraphTimeoutMs } from './subgraph-faults.js';

/** The console's address in development (README, `pnpm start`), where the feeds' links lead without PUBLIC_SITE_URL. */
export const developmentSiteUrl = 'http://localhost:5173';

/**
 * A plain http(s) address without query, fragment nor credentials, without its trailing slash; empty
 * for none. Never taken from a request's Host header: the feeds are cached publicly.
 */
function siteUrl(text: string): string | undefined {
  if (text === '') return '';
  try {
    const url = new URL(text);
    if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) return undefined;
    return `${url.origin}${url.pathname}`.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/** TRUST_PROXY as Express reads it: true/false, a hop count, or addresses and subnets. */
function trustProxy(text: string): boolean | number | string | undefined {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d+$/.test(text)) return Number(text);
  return /^[\w.:/, -]+$/.test(text) ? text : undefined;
}

const subgraphUrlVariables = Object.fromEntries(
  subgraphNames.map((name) => [
    `${name.toUpperCase()}_URL`,
    urlVariable(`Where the ${name} subgraph's /graphql is.`, `\`${defaultSubgraphUrls[name]}\``),
  ]),
) as Record<`${Uppercase<SubgraphName>}_URL`, ReturnType<typeof urlVariable>>;

const subgraphHealthVariables = Object.fromEntries(
  subgraphNames.map((name) => [
    `${name.toUpperCase()}_HEALTH_URL`,
    urlVariable(
      `The ${name} subgraph's readiness on its internal port, e.g. \`http://127.0.0.1:${Number(new URL(defaultSubgraphUrls[name]).port) + 100}/health/ready\`: the gateway's detailed health reports it (its database included). Unset, the gateway asks the subgraph's public /health/live, whether it runs.`,
    ),
  ]),
) as Record<`${Uppercase<SubgraphName>}_HEALTH_URL`, ReturnType<typeof urlVariable>>;

const variables = z.object({
  ...serviceVariables({ port: 4000, internalPort: 4100 }),
  ...subgraphUrlVariables,
  ...subgraphHealthVariables,
  SERVICE_PRIVATE_KEY: jsonWebKeyVariable(
    'The gateway\'s own private key (an ES256 JWK as JSON, kid "gateway"): it signs every request to a subgraph, which accepts nothing else (see docs/operations.md).',
    { private: true, es256: true, required: true },
  ),
  AUTH_DEV_SIGN_IN: flagVariable(
    'The development sign-in (`/auth/dev/token`): anyone may act as any demo user. For `pnpm start` only; refused with NODE_ENV=production.',
    false,
  ),
  AUTH_DEV_PRIVATE_KEY: jsonWebKeyVariable(
    'The private key (a JWK as JSON) the development sign-in signs with; required with AUTH_DEV_SIGN_IN=true.',
    { private: true },
  ),
  TRUST_PROXY: optionalVariableOf(
    trustProxy,
    '`true`, `false`, a number of hops, or addresses and subnets (e.g. `loopback`, `10.0.0.0/8`)',
    "The proxies in front of the gateway whose X-Forwarded-For it believes (Express's `trust proxy`), so rate limits count the real client's address. Name exactly those proxies.",
    'unset (no proxy is believed)',
  ),
  PUBLIC_SITE_URL: optionalVariableOf(
    siteUrl,
    "the public website's plain http(s) address, e.g. https://etablerer.example.no",
    "Where the public website is, for the links in the course feeds; empty for no links. Never taken from a request's Host header.",
    `\`${developmentSiteUrl}\`, none with NODE_ENV=production`,
    { emptyIsValue: true },
  ),
  DATABASE_URL: optionalVariableOf(
    postgresUrl,
    postgresUrlWants,
    "The PostgreSQL server of the gateway's own database, where every instance keeps the public rate limits' counts (a database name in it is ignored). Required with NODE_ENV=production; unset elsewhere, each process counts in its own memory.",
    'unset (counted in memory; refused in production)',
    { secret: true },
  ),
  GATEWAY_DATABASE: textVariable(
    "The gateway's database on that server; created at start when missing.",
    defaultGatewayDatabase,
  ),
  DATABASE_POOL_MAX: countVariable("Connections to the gateway's database at most, per process.", 5),
  CONSOLE_DIR: optionalVariableOf(
    (text) => text,
    'a folder',
    "The built console (`admin-ui/dist`) to serve on the gateway's own origin, as `pnpm start` does; unset, the gateway serves no console.",
  ),
  SUBGRAPH_TIMEOUT_MS: millisecondsVariable(
    'How long the gateway waits for a subgraph before it answers without its fields (SUBGRAPH_UNAVAILABLE).',
    defaultSubgraphTimeoutMs,
  ),
});

const withDevSignInRules = across(withServiceRules(variables), ['AUTH_DEV_SIGN_IN', 'NODE_ENV'], (config, context) => {
  // The development sign-in lets anyone act as any demo user: a production start with it on is a mistake.
  if (config.AUTH_DEV_SIGN_IN === true && config.NODE_ENV === 'production') {
    context.addIssue({
      code: 'custom',
      path: ['AUTH_DEV_SIGN_IN'],
      message:
        'must not be true with NODE_ENV=production: the development sign-in lets anyone act as any user. Unset AUTH_DEV_SIGN_IN.',
    });
  }
});

const withDatabaseRule = across(withDevSignInRules, ['DATABASE_URL', 'NODE_ENV'], (config, context) => {
  // Instances that each counted the public limits in their own memory would let a client through
  // as many times over as there are instances.
  if (!config.DATABASE_URL && config.NODE_ENV === 'production') {
    context.addIssue({
      code: 'custom',
      path: ['DATABASE_URL'],
      message:
        'is not set: in production the gateway keeps the public rate limits in PostgreSQL, shared by every instance (see docs/operations.md)',
    });
  }
});

const withDevKeyRule = across(withDatabaseRule, ['AUTH_DEV_SIGN_IN', 'AUTH_DEV_PRIVATE_KEY'], (config, context) => {
  if (config.AUTH_DEV_SIGN_IN === true && !config.AUTH_DEV_PRIVATE_KEY) {
    context.addIssue({
      code: 'custom',
      path: ['AUTH_DEV_PRIVATE_KEY'],
      message: 'is not set: AUTH_DEV_SIGN_IN=true needs the private key the development sign-in signs with',
    });
  }
});

export const configurationSchema = across(withDevKeyRule, ['SERVICE_PRIVATE_KEY'], (config, context) => {
  const key = config.SERVICE_PRIVATE_KEY;
  if (key && key.kid !== 'gateway') {
    context.addIssue({
      code: 'custom',
      path: ['SERVICE_PRIVATE_KEY'],
      message: `must be the gateway's key, kid "gateway", not kid "${key.kid}"`,
    });
  }
});

export type GatewayConfig = z.output<typeof configurationSchema>;
