// The gateway's configuration: each kind of bad value stops the start naming the variable and what
// it wants, the development sign-in cannot be turned on in production, production's defaults, and
// docs/configuration.md as the schemas describe the variables.
import { readFileSync } from 'node:fs';
import { ConfigurationError, generateServiceKeys } from '@etablerer/kit';
import { generateDevKeys } from '@etablerer/kit/demo';
import { describe, expect, it } from 'vitest';
import { gatewayOptionsFromEnvironment } from '../src/server.js';
import { configurationDocs, configurationDocsPath, withoutTablePadding } from './support/configuration-docs.js';

const keys = await generateServiceKeys(['gateway', 'partners']);
const devKeys = await generateDevKeys();
const valid = {
  AUTH_JWKS_URL: 'https://login.example.no/.well-known/jwks.json',
  SERVICE_PRIVATE_KEY: JSON.stringify(keys.privateKeys.gateway),
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
      auth: { jwksUrl: valid.AUTH_JWKS_URL },
    });
    expect(gatewayOptionsFromEnvironment(valid).devSignInKey).toBeUndefined();
  });

  it('turns introspection off in production unless asked for', () => {
    const production = { ...valid, NODE_ENV: 'production' };
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
    const signIn = { AUTH_DEV_SIGN_IN: 'true', AUTH_DEV_PRIVATE_KEY: JSON.stringify(devKeys.privateKey) };
    expect(gatewayOptionsFromEnvironment({ ...valid, ...signIn }).devSignInKey).toEqual(devKeys.privateKey);
    expect(problems({ ...valid, ...signIn, NODE_ENV: 'production' })).toEqual([
      'AUTH_DEV_SIGN_IN: must not be true with NODE_ENV=production: the development sign-in lets anyone act as any user. Unset AUTH_DEV_SIGN_IN.',
    ]);
    expect(() => gatewayOptionsFromEnvironment({ ...valid, ...signIn, NODE_ENV: 'production' })).toThrow(
      /^The gateway cannot start, its configuration is not valid:\n {2}AUTH_DEV_SIGN_IN: must not be true/,
    );
    // Named with the other problems, not only once they are fixed.
    expect(problems({ ...signIn, NODE_ENV: 'production', PORT: 'x' })).toEqual([
      'PORT: must be a port number from 0 to 65535, not "x"',
      'SERVICE_PRIVATE_KEY: is not set; it must be a private ES256 JSON Web Key (JWK) as JSON with a kid',
      "AUTH_JWKS_URL: is not set, nor is AUTH_PUBLIC_KEY: set it to the identity provider's JWKS endpoint",
      'AUTH_DEV_SIGN_IN: must not be true with NODE_ENV=production: the development sign-in lets anyone act as any user. Unset AUTH_DEV_SIGN_IN.',
    ]);
    expect(problems({ ...valid, AUTH_DEV_SIGN_IN: 'true' })).toEqual([
      'AUTH_DEV_PRIVATE_KEY: is not set: AUTH_DEV_SIGN_IN=true needs the private key the development sign-in signs with',
    ]);
    expect(problems({ ...valid, AUTH_DEV_SIGN_IN: 'yes' })).toEqual([
      'AUTH_DEV_SIGN_IN: must be "true" or "false", not "yes"',
    ]);
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
        { NODE_ENV: 'production', GRAPHQL_STACKTRACES: 'true' },
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
