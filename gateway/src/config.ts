// The gateway's configuration: every variable it reads, checked once at start (the kit's
// config.ts), so a bad or missing value stops the start naming the variable and what it wants.
import {
  across,
  countVariable,
  defaultAudience,
  defaultIssuer,
  flagVariable,
  jsonWebKeyVariable,
  millisecondsVariable,
  optionalVariableOf,
  postgresUrl,
  postgresUrlWants,
  serviceVariables,
  textVariable,
  urlVariable,
} from '@etablerer/kit';
import { z } from 'zod';
import { roleMapSchema } from './auth/access.js';
import { signInDefaults } from './auth/routes.js';
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

const durationUnits: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration as `90s`, `5m`, `10h`, `30d`, in milliseconds. */
function duration(text: string): number | undefined {
  const match = /^(\d+)\s*([smhd])$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]) * (durationUnits[match[2] as string] as number);
  return value > 0 ? value : undefined;
}

const durationWants = 'a duration above 0 such as `90s`, `5m`, `10h` or `30d`';

function durationVariable(description: string, defaultText: string) {
  return optionalVariableOf(duration, durationWants, description, `\`${defaultText}\``);
}

/** PUBLIC_URL: an origin, http(s), without path, query nor credentials. */
function origin(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (!['http:', 'https:'].includes(url.protocol) || url.username || url.search || url.hash) return undefined;
    if (url.pathname !== '/' && url.pathname !== '') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

function roleMap(text: string) {
  try {
    const parsed = roleMapSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
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

// The gateway verifies the tokens it issues itself, from its own signing keys: AUTH_JWKS_URL is the subgraphs'.
const { AUTH_JWKS_URL: _subgraphsOnly, ...commonVariables } = serviceVariables({ port: 4000, internalPort: 4100 });

const variables = z.object({
  ...commonVariables,
  AUTH_ISSUER: textVariable(
    'The `iss` of the platform access tokens the gateway issues and every service verifies; required with NODE_ENV=production (e.g. the PUBLIC_URL).',
    defaultIssuer,
  ),
  AUTH_AUDIENCE: textVariable('The `aud` of the platform access tokens the gateway issues.', defaultAudience),
  AUTH_PUBLIC_KEY: jsonWebKeyVariable(
    'One more public key (a JWK as JSON) whose tokens the gateway accepts beside its own: tests and development only, refused with NODE_ENV=production.',
    { private: false },
  ),
  PUBLIC_URL: optionalVariableOf(
    origin,
    'an http(s) origin without a path, e.g. https://etablerer.example.no',
    'The origin people reach the console and `/auth/*` on: the OpenID Connect redirect URI is `<PUBLIC_URL>/auth/callback`, after sign-out `<PUBLIC_URL>/signed-out`, and client assertions may name `<PUBLIC_URL>/auth/token` as their audience. Required (https) with NODE_ENV=production.',
    `\`${signInDefaults.publicUrl}\`, required with NODE_ENV=production`,
  ),
  OIDC_ISSUER: urlVariable(
    'The OpenID Connect identity provider people sign in with (its issuer; the metadata is discovered from it). Unset, the OIDC sign-in is off (`/auth/login` answers 404). Required with NODE_ENV=production.',
  ),
  OIDC_CLIENT_ID: optionalVariableOf(
    (text) => text,
    'a client id',
    "The gateway's client id at the identity provider; required with OIDC_ISSUER.",
  ),
  OIDC_CLIENT_SECRET: optionalVariableOf(
    (text) => text,
    'a client secret',
    "The gateway's client secret at the identity provider (sent as client_secret_basic); required with OIDC_ISSUER.",
    undefined,
    { secret: true },
  ),
  OIDC_SCOPES: textVariable('The scopes asked of the identity provider, space separated.', signInDefaults.oidcScopes),
  OIDC_ROLE_CLAIM: textVariable(
    'The ID token claim whose values OIDC_ROLE_MAP maps to a role, for people without a role assignment held by the county.',
    signInDefaults.roleClaim,
  ),
  OIDC_ROLE_MAP: optionalVariableOf(
    roleMap,
    'a JSON object: claim value → {"role", "organisation": {"id", "kind", "name"}, "region"?, "municipality"?}',
    'What a value of the OIDC_ROLE_CLAIM claim gives a person without a role assignment: e.g. `{"Etablerer.Nav": {"role": "NAV", "organisation": {"id": "nav-viken", "kind": "NAV", "name": "NAV Viken"}}}`.',
    '`{}`',
  ),
  OIDC_TRUST_EMAIL: flagVariable(
    "Treat the ID token's `email` as verified without `email_verified` (identity providers such as Entra ID do not send it), so a role assigned by e-mail finds the person.",
    false,
  ),
  SESSION_MAX_AGE: durationVariable('How long a sign-in lasts at most.', '10h'),
  SESSION_IDLE_TIMEOUT: durationVariable(
    'A session ends when the console has asked for no access token for this long.',
    '1h',
  ),
  ACCESS_TOKEN_TTL: durationVariable('How long a platform access token is valid.', '5m'),
  TOKEN_KEY_ROTATION: durationVariable(
    "How long one of the gateway's signing keys signs before the next takes over.",
    '30d',
  ),
  TOKEN_KEY_PUBLISH_DELAY: durationVariable(
    'How long a new signing key is in the JWKS before it signs, so verifiers holding a cached JWKS know it by then.',
    '10m',
  ),
  ...subgraphUrlVariables,
  ...subgraphHealthVariables,
  SERVICE_PRIVATE_KEY: jsonWebKeyVariable(
    'The gateway\'s own private key (an ES256 JWK as JSON, kid "gateway"): it signs every request to a subgraph, which accepts nothing else (see docs/operations.md).',
    { private: true, es256: true, required: true },
  ),
  AUTH_DEV_SIGN_IN: flagVariable(
    "The development sign-in (`/auth/dev/token`, signing with the gateway's signing keys): anyone may act as any demo user. For `pnpm start` only; refused with NODE_ENV=production.",
    false,
  ),
  MAIL_CATCHER_URL: urlVariable(
    'The development mail catcher\'s HTTP API (tools/mail-catcher), whose messages `GET /dev/mail/messages` shows the console\'s "Sendt e-post (utvikling)" page; `pnpm start` sets it. Refused with NODE_ENV=production.',
    'unset (`/dev/mail/messages` answers 404)',
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
    "The PostgreSQL server of the gateway's own database, where every instance keeps the public rate limits' counts, the platform's signing keys, the sign-in sessions and the client assertions used (a database name in it is ignored). Required with NODE_ENV=production; unset elsewhere, each process keeps them in its own memory (a restart signs everyone out).",
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

const withStacktraceRule = across(variables, ['GRAPHQL_STACKTRACES', 'NODE_ENV'], (config, context) => {
  if (config.GRAPHQL_STACKTRACES === true && config.NODE_ENV === 'production') {
    context.addIssue({
      code: 'custom',
      path: ['GRAPHQL_STACKTRACES'],
      message: 'must not be true with NODE_ENV=production: answers there never carry stack traces',
    });
  }
});

const signInReads = [
  'NODE_ENV',
  'PUBLIC_URL',
  'AUTH_ISSUER',
  'AUTH_PUBLIC_KEY',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
];

const withSignInRules = across(withStacktraceRule, signInReads, (config, context) => {
  const production = config.NODE_ENV === 'production';
  const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
  if (production && !config.PUBLIC_URL?.startsWith('https://')) {
    problem(
      'PUBLIC_URL',
      'must be set to an https origin with NODE_ENV=production: the sign-in redirects and its cookie need it',
    );
  }
  if (production && config.AUTH_ISSUER === defaultIssuer) {
    problem(
      'AUTH_ISSUER',
      `must be set with NODE_ENV=production (e.g. the PUBLIC_URL), not the development "${defaultIssuer}"`,
    );
  }
  if (production && config.AUTH_PUBLIC_KEY) {
    problem(
      'AUTH_PUBLIC_KEY',
      'must not be set with NODE_ENV=production: the gateway accepts only the tokens it signs itself',
    );
  }
  if (production && !config.OIDC_ISSUER) {
    problem('OIDC_ISSUER', 'is not set: in production people sign in with an OpenID Connect identity provider');
  }
  if ((production || config.OIDC_ISSUER) && !config.OIDC_CLIENT_ID) {
    problem('OIDC_CLIENT_ID', "is not set: the gateway's client id at the identity provider (OIDC_ISSUER)");
  }
  if ((production || config.OIDC_ISSUER) && !config.OIDC_CLIENT_SECRET) {
    problem('OIDC_CLIENT_SECRET', "is not set: the gateway's client secret at the identity provider (OIDC_ISSUER)");
  }
});

const withKeyTimingRule = across(
  withSignInRules,
  ['TOKEN_KEY_ROTATION', 'TOKEN_KEY_PUBLISH_DELAY'],
  (config, context) => {
    const rotation = config.TOKEN_KEY_ROTATION ?? signInDefaults.keyRotationMs;
    const delay = config.TOKEN_KEY_PUBLISH_DELAY ?? signInDefaults.keyPublishDelayMs;
    if (delay >= rotation) {
      context.addIssue({
        code: 'custom',
        path: ['TOKEN_KEY_PUBLISH_DELAY'],
        message: 'must be shorter than TOKEN_KEY_ROTATION: a new key is published that long before it signs',
      });
    }
  },
);

const withDevSignInRules = across(withKeyTimingRule, ['AUTH_DEV_SIGN_IN', 'NODE_ENV'], (config, context) => {
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

const withDevMailRule = across(withDevSignInRules, ['MAIL_CATCHER_URL', 'NODE_ENV'], (config, context) => {
  // The catcher keeps every e-mail it is given: production mail goes to the county's mail server.
  if (config.MAIL_CATCHER_URL && config.NODE_ENV === 'production') {
    context.addIssue({
      code: 'custom',
      path: ['MAIL_CATCHER_URL'],
      message: 'must not be set with NODE_ENV=production: the mail catcher is for development only',
    });
  }
});

const withDatabaseRule = across(withDevMailRule, ['DATABASE_URL', 'NODE_ENV'], (config, context) => {
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

export const configurationSchema = across(withDatabaseRule, ['SERVICE_PRIVATE_KEY'], (config, context) => {
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
