// The gateway's configuration: each kind of bad value stops the start naming the variable and what
// it wants, the development sign-in cannot be turned on in production, production's defaults, and
// docs/configuration.md as the schemas describe the variables.
import { readFileSync } from 'node:fs';
import { ConfigurationError, generateServiceKeys } from '@etablerer/kit';
import { describe, expect, it } from 'vitest';
import { gatewayOptionsFromEnvironment } from '../src/server.js';
import { configurationDocs, configurationDocsPath, withoutTablePadding } from './support/configuration-docs.js';

const keys = await generateServiceKeys(['gateway', 'partners']);
const server = 'postgres://gateway:secret@db.example:5432';
const valid = {
  SERVICE_PRIVATE_KEY: JSON.stringify(keys.privateKeys.gateway),
};
/** What production adds: the database, the public origin, the platform's issuer and the identity provider. */
const production = {
  ...valid,
  NODE_ENV: 'production',
  DATABASE_URL: server,
  PUBLIC_URL: 'https://etablerer.example.no',
  AUTH_ISSUER: 'https://etablerer.example.no',
  OIDC_ISSUER: 'https://login.example.no/tenant/v2.0',
  OIDC_CLIENT_ID: 'etablerer',
  OIDC_CLIENT_SECRET: 'a-client-secret',
};

function problems(env: Record<string, string>): string[] {
  try {
    gatewayOptionsFromEnvironment(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe("the gateway's configuration", () => {
  it('takes a complete environment, with the defaults of development', () => {
    expect(gatewayOptionsFromEnvironment(valid)).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      internal: { port: 4100, host: '127.0.0.1' },
      mode: { production: false, introspection: true, stacktraces: false },
      introspection: true,
      subgraphUrls: {},
      subgraphTimeoutMs: 10_000,
      publicSiteUrl: 'http://localhost:5173',
      auth: { issuer: 'etablerertjenesten-dev', audience: 'etablerertjenesten' },
      signIn: { devSignIn: false },
    });
    expect(gatewayOptionsFromEnvironment(valid).signIn?.oidc).toBeUndefined();
    expect(gatewayOptionsFromEnvironment(valid).signIn?.publicUrl).toBeUndefined();
  });

  it('turns introspection off in production unless asked for', () => {
    expect(gatewayOptionsFromEnvironment(production)).toMatchObject({
      mode: { production: true, introspection: false, stacktraces: false },
      introspection: false,
    });
    expect(gatewayOptionsFromEnvironment(production).publicSiteUrl).toBeUndefined();
    expect(gatewayOptionsFromEnvironment({ ...production, GRAPHQL_INTROSPECTION: 'true' }).mode?.introspection).toBe(
      true,
    );
  });

  it('refuses the development sign-in in production, saying why, rather than ignoring it', () => {
    const signIn = { AUTH_DEV_SIGN_IN: 'true' };
    expect(gatewayOptionsFromEnvironment({ ...valid, ...signIn }).signIn?.devSignIn).toBe(true);
    expect(problems({ ...production, ...signIn })).toEqual([
      'AUTH_DEV_SIGN_IN: must not be true with NODE_ENV=production: the development sign-in lets anyone act as any user. Unset AUTH_DEV_SIGN_IN.',
    ]);
    expect(() => gatewayOptionsFromEnvironment({ ...production, ...signIn })).toThrow(
      /^The gateway cannot start, its configuration is not valid:\n {2}AUTH_DEV_SIGN_IN: must not be true/,
    );
    // Named with the other problems, not only once they are fixed.
    expect(problems({ ...signIn, NODE_ENV: 'production', PORT: 'x' })).toEqual([
      'PORT: must be a port number from 0 to 65535, not "x"',
      'SERVICE_PRIVATE_KEY: is not set; it must be a private ES256 JSON Web Key (JWK) as JSON with a kid',
      'PUBLIC_URL: must be set to an https origin with NODE_ENV=production: the sign-in redirects and its cookie need it',
      'AUTH_ISSUER: must be set with NODE_ENV=production (e.g. the PUBLIC_URL), not the development "etablerertjenesten-dev"',
      'OIDC_ISSUER: is not set: in production people sign in with an OpenID Connect identity provider',
      "OIDC_CLIENT_ID: is not set: the gateway's client id at the identity provider (OIDC_ISSUER)",
      "OIDC_CLIENT_SECRET: is not set: the gateway's client secret at the identity provider (OIDC_ISSUER)",
      'AUTH_DEV_SIGN_IN: must not be true with NODE_ENV=production: the development sign-in lets anyone act as any user. Unset AUTH_DEV_SIGN_IN.',
      'DATABASE_URL: is not set: in production the gateway keeps the public rate limits in PostgreSQL, shared by every instance (see docs/operations.md)',
    ]);
    expect(problems({ ...valid, AUTH_DEV_SIGN_IN: 'yes' })).toEqual([
      'AUTH_DEV_SIGN_IN: must be "true" or "false", not "yes"',
    ]);
  });

  it('requires in production an identity provider, an https PUBLIC_URL and the platform issuer; no AUTH_PUBLIC_KEY', () => {
    expect(problems(production)).toEqual([]);
    expect(gatewayOptionsFromEnvironment(production).signIn).toMatchObject({
      publicUrl: 'https://etablerer.example.no',
      oidc: {
        issuer: 'https://login.example.no/tenant/v2.0',
        clientId: 'etablerer',
        clientSecret: 'a-client-secret',
        scopes: 'openid profile email offline_access',
        roleClaim: 'roles',
        roleMap: {},
        trustEmail: false,
        allowHttp: false,
      },
    });
    expect(problems({ ...production, PUBLIC_URL: 'http://etablerer.example.no' })).toEqual([
      'PUBLIC_URL: must be set to an https origin with NODE_ENV=production: the sign-in redirects and its cookie need it',
    ]);
    const { AUTH_ISSUER: _issuer, OIDC_CLIENT_SECRET: _secret, ...incomplete } = production;
    expect(problems(incomplete)).toEqual([
      'AUTH_ISSUER: must be set with NODE_ENV=production (e.g. the PUBLIC_URL), not the development "etablerertjenesten-dev"',
      "OIDC_CLIENT_SECRET: is not set: the gateway's client secret at the identity provider (OIDC_ISSUER)",
    ]);
    expect(problems({ ...production, AUTH_PUBLIC_KEY: JSON.stringify(keys.jwks.keys[0]) })).toEqual([
      'AUTH_PUBLIC_KEY: must not be set with NODE_ENV=production: the gateway accepts only the tokens it signs itself',
    ]);
    // Outside production an identity provider is optional, but never without its client.
    expect(problems({ ...valid, OIDC_ISSUER: 'http://localhost:4004' })).toEqual([
      "OIDC_CLIENT_ID: is not set: the gateway's client id at the identity provider (OIDC_ISSUER)",
      "OIDC_CLIENT_SECRET: is not set: the gateway's client secret at the identity provider (OIDC_ISSUER)",
    ]);
  });

  it('reads the sign-in’s durations and its role map', () => {
    const options = gatewayOptionsFromEnvironment({
      ...valid,
      SESSION_MAX_AGE: '8h',
      SESSION_IDLE_TIMEOUT: '30m',
      ACCESS_TOKEN_TTL: '90s',
      TOKEN_KEY_ROTATION: '7d',
      TOKEN_KEY_PUBLISH_DELAY: '15m',
      OIDC_ISSUER: 'http://localhost:4004',
      OIDC_CLIENT_ID: 'etablerer',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_ROLE_MAP: JSON.stringify({
        'Etablerer.Nav': { role: 'NAV', organisation: { id: 'nav', kind: 'NAV', name: 'NAV Viken' } },
      }),
    });
    expect(options.signIn).toMatchObject({
      sessionMaxAgeMs: 8 * 3_600_000,
      sessionIdleTimeoutMs: 30 * 60_000,
      accessTokenTtlSeconds: 90,
      keyRotationMs: 7 * 86_400_000,
      keyPublishDelayMs: 15 * 60_000,
      oidc: { allowHttp: true, roleMap: { 'Etablerer.Nav': { role: 'NAV' } } },
    });
    expect(problems({ ...valid, SESSION_MAX_AGE: '10' })).toEqual([
      'SESSION_MAX_AGE: must be a duration above 0 such as `90s`, `5m`, `10h` or `30d`, not "10"',
    ]);
    expect(problems({ ...valid, TOKEN_KEY_ROTATION: '1h', TOKEN_KEY_PUBLISH_DELAY: '2h' })).toEqual([
      'TOKEN_KEY_PUBLISH_DELAY: must be shorter than TOKEN_KEY_ROTATION: a new key is published that long before it signs',
    ]);
    expect(problems({ ...valid, OIDC_ROLE_MAP: '{"x": {"role": "API_CLIENT"}}' })[0]).toMatch(
      /^OIDC_ROLE_MAP: must be a JSON object/,
    );
  });

  it('requires its own service key, and the gateway’s', () => {
    const { SERVICE_PRIVATE_KEY: _key, ...withoutKey } = valid;
    expect(problems(withoutKey)).toEqual([
      'SERVICE_PRIVATE_KEY: is not set; it must be a private ES256 JSON Web Key (JWK) as JSON with a kid',
    ]);
    expect(problems({ ...valid, SERVICE_PRIVATE_KEY: '{not json' })).toEqual([
      'SERVICE_PRIVATE_KEY: must be a private ES256 JSON Web Key (JWK) as JSON with a kid',
    ]);
    expect(problems({ ...valid, SERVICE_PRIVATE_KEY: JSON.stringify(keys.jwks.keys[0]) })).toEqual([
      'SERVICE_PRIVATE_KEY: must be a private ES256 JSON Web Key (JWK) as JSON with a kid',
    ]);
    expect(problems({ ...valid, SERVICE_PRIVATE_KEY: JSON.stringify(keys.privateKeys.partners) })).toEqual([
      'SERVICE_PRIVATE_KEY: must be the gateway\'s key, kid "gateway", not kid "partners"',
    ]);
  });

  it('refuses each kind of bad value, naming the variable and what it wants', () => {
    const cases: [Record<string, string>, string][] = [
      [
        { SUBGRAPH_TIMEOUT_MS: '10s' },
        'SUBGRAPH_TIMEOUT_MS: must be a whole number of milliseconds above 0, not "10s"',
      ],
      [{ SUBGRAPH_TIMEOUT_MS: '0' }, 'SUBGRAPH_TIMEOUT_MS: must be a whole number of milliseconds above 0, not "0"'],
      [{ SUBGRAPH_TIMEOUT_MS: '-5' }, 'SUBGRAPH_TIMEOUT_MS: must be a whole number of milliseconds above 0, not "-5"'],
      [{ REGIONS_URL: 'regions:4002' }, 'REGIONS_URL: must be an http(s) address, not "regions:4002"'],
      [{ COUNTY_HEALTH_URL: 'not a url' }, 'COUNTY_HEALTH_URL: must be an http(s) address, not "not a url"'],
      [
        { PUBLIC_SITE_URL: 'https://x.example/?next=evil' },
        'PUBLIC_SITE_URL: must be the public website\'s plain http(s) address, e.g. https://etablerer.example.no, not "https://x.example/?next=evil"',
      ],
      [
        { TRUST_PROXY: 'everyone!' },
        'TRUST_PROXY: must be `true`, `false`, a number of hops, or addresses and subnets (e.g. `loopback`, `10.0.0.0/8`), not "everyone!"',
      ],
      [{ HOST: 'my host' }, 'HOST: must be a host name or an IP address, not "my host"'],
      [{ AUTH_PUBLIC_KEY: '{}' }, 'AUTH_PUBLIC_KEY: must be a public JSON Web Key (JWK) as JSON, not "{}"'],
      [
        { DATABASE_URL: 'mysql://db.example' },
        // A secret: its value is never repeated in the message.
        'DATABASE_URL: must be a PostgreSQL server address, postgres://user:password@host:5432',
      ],
      [
        { ...production, GRAPHQL_STACKTRACES: 'true' },
        'GRAPHQL_STACKTRACES: must not be true with NODE_ENV=production: answers there never carry stack traces',
      ],
    ];
    for (const [change, problem] of cases)
      expect(problems({ ...valid, ...change }), JSON.stringify(change)).toEqual([problem]);
  });

  it('reads the values it is given', () => {
    expect(
      gatewayOptionsFromEnvironment({
        ...valid,
        PORT: '8080',
        HOST: '0.0.0.0',
        INTERNAL_PORT: '9090',
        INTERNAL_HOST: '0.0.0.0',
        SUBGRAPH_TIMEOUT_MS: '2500',
        TRUST_PROXY: 'loopback, 10.0.0.0/8',
        REGIONS_URL: 'http://regions:4002/graphql',
        REGIONS_HEALTH_URL: 'http://regions:4102/health/ready',
        PUBLIC_SITE_URL: 'https://etablerer.example.no/',
      }),
    ).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      internal: { port: 9090, host: '0.0.0.0' },
      subgraphTimeoutMs: 2500,
      trustProxy: 'loopback, 10.0.0.0/8',
      subgraphUrls: { regions: 'http://regions:4002/graphql' },
      subgraphHealthUrls: { regions: 'http://regions:4102/health/ready' },
      publicSiteUrl: 'https://etablerer.example.no',
    });
    expect(gatewayOptionsFromEnvironment({ ...valid, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(gatewayOptionsFromEnvironment({ ...valid, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });
});

describe('docs/configuration.md', () => {
  it('describes every variable of every service as their schemas do (`pnpm docs:configuration` writes it)', () => {
    expect(withoutTablePadding(readFileSync(configurationDocsPath, 'utf8'))).toBe(
      withoutTablePadding(configurationDocs()),
    );
  });
});
