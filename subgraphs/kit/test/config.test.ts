// A subgraph's configuration: every kind of bad value stops the start with the variable's name and
// what it wants, production refuses what has no place there, and the defaults follow NODE_ENV.
import { describe, expect, it } from 'vitest';
import { ConfigurationError, configurationReference, readConfiguration } from '../src/config.js';
import { generateDevKeys } from '../src/dev-tokens.js';
import { generateServiceKeys } from '../src/service-assertion.js';
import { subgraphConfigSchema, subgraphOptionsFromEnvironment } from '../src/subgraph-config.js';

// The regions subgraph's shape: it calls partners and erases personal data past retention.
const regions = {
  name: 'regions',
  database: 'regions',
  defaultPort: 4002,
  calls: ['partners'],
  retention: async () => ({ dryRun: false, cutoff: null }),
};
const county = { name: 'county', database: 'county', defaultPort: 4001 };

const keys = await generateServiceKeys(['gateway', 'regions', 'partners']);
const devKeys = await generateDevKeys();
const valid = {
  DATABASE_URL: 'postgres://etablerer:secret@db.internal:5432',
  SERVICE_KEYS: JSON.stringify(keys.jwks),
  SERVICE_PRIVATE_KEY: JSON.stringify(keys.privateKeys.regions),
  AUTH_JWKS_URL: 'https://login.example.no/.well-known/jwks.json',
};
/** What production needs beyond: the mail server the outbox sends through, and where e-mails' links lead. */
const mail = {
  SMTP_URL: 'smtp://outbox:hunter2@smtp.example.no:587',
  PUBLIC_SITE_URL: 'https://etablerer.example.no',
};

/** The problems a start with `env` reports, one line each. */
function problems(env: Record<string, string>, definition: typeof regions | typeof county = regions): string[] {
  try {
    readConfiguration('regions subgraph', subgraphConfigSchema(definition), env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('a subgraph configuration', () => {
  it('takes a complete environment, with the defaults of development', () => {
    const options = subgraphOptionsFromEnvironment(regions, valid);
    expect(options).toMatchObject({
      server: valid.DATABASE_URL,
      database: 'regions',
      port: 4002,
      host: '127.0.0.1',
      internal: { port: 4102, host: '127.0.0.1' },
      mode: { production: false, introspection: true, stacktraces: false },
      seedDemo: true,
      retentionSchedule: null,
      limits: { statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 60_000 },
      pool: { max: 10, acquireTimeoutMs: 5_000 },
      auth: {
        issuer: 'etablerertjenesten-dev',
        audience: 'etablerertjenesten',
        jwksUrl: valid.AUTH_JWKS_URL,
        clockToleranceSeconds: 30,
        jwksCacheMaxAgeSeconds: 600,
        jwksCooldownSeconds: 30,
      },
    });
    expect(
      subgraphOptionsFromEnvironment(regions, {
        ...valid,
        AUTH_CLOCK_TOLERANCE: '0',
        AUTH_JWKS_CACHE_MAX_AGE: '3600',
        AUTH_JWKS_COOLDOWN: '5',
      }).auth,
    ).toMatchObject({ clockToleranceSeconds: 0, jwksCacheMaxAgeSeconds: 3600, jwksCooldownSeconds: 5 });
    expect(options.serviceKeys).toEqual(keys.jwks.keys);
    expect(options.subgraphUrl?.('partners')).toBe('http://127.0.0.1:4003/graphql');
  });

  it('turns off introspection and demo data, and runs retention nightly, in production', () => {
    const options = subgraphOptionsFromEnvironment(regions, { ...valid, ...mail, NODE_ENV: 'production' });
    expect(options.mode).toEqual({ production: true, introspection: false, stacktraces: false });
    expect(options.seedDemo).toBe(false);
    expect(options.retentionSchedule).toBe('30 2 * * *');
    expect(
      subgraphOptionsFromEnvironment(regions, {
        ...valid,
        ...mail,
        NODE_ENV: 'production',
        GRAPHQL_INTROSPECTION: 'true',
        RETENTION_SCHEDULE: 'off',
      }),
    ).toMatchObject({ mode: { introspection: true }, retentionSchedule: null });
  });

  it('reports every missing variable at once, saying what each wants', () => {
    expect(problems({})).toEqual([
      'DATABASE_URL: is not set; it must be a PostgreSQL server address, postgres://user:password@host:5432',
      'SERVICE_KEYS: is not set; it must be a JSON Web Key Set with at least one key, {"keys": [...]}, each a public ES256 key with a kid',
      'SERVICE_PRIVATE_KEY: is not set; it must be a private ES256 JSON Web Key (JWK) as JSON with a kid',
      "AUTH_JWKS_URL: is not set, nor is AUTH_PUBLIC_KEY: set it to the identity provider's JWKS endpoint",
    ]);
    // Only a subgraph that calls others needs a key of its own.
    expect(problems({ ...valid, SERVICE_PRIVATE_KEY: '' }, county)).toEqual([]);
    const { SERVICE_PRIVATE_KEY: _key, AUTH_JWKS_URL: _jwks, ...withoutVerification } = valid;
    expect(problems(withoutVerification, county)).toEqual([
      "AUTH_JWKS_URL: is not set, nor is AUTH_PUBLIC_KEY: set it to the identity provider's JWKS endpoint",
    ]);
  });

  it('refuses each kind of bad value, naming the variable, and never quotes a secret', () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: '80a' }, 'PORT: must be a port number from 0 to 65535, not "80a"'],
      [{ INTERNAL_PORT: '70000' }, 'INTERNAL_PORT: must be a port number from 0 to 65535, not "70000"'],
      [{ NODE_ENV: 'prod' }, 'NODE_ENV: must be one of development, production, test, not "prod"'],
      [
        { LOG_LEVEL: 'verbose' },
        'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"',
      ],
      [{ GRAPHQL_INTROSPECTION: 'yes' }, 'GRAPHQL_INTROSPECTION: must be "true" or "false", not "yes"'],
      [
        { DATABASE_STATEMENT_TIMEOUT_MS: '30s' },
        'DATABASE_STATEMENT_TIMEOUT_MS: must be a whole number of milliseconds (0 for no limit), not "30s"',
      ],
      [
        { DATABASE_ACQUIRE_TIMEOUT_MS: '0' },
        'DATABASE_ACQUIRE_TIMEOUT_MS: must be a whole number of milliseconds above 0, not "0"',
      ],
      [{ DATABASE_POOL_MAX: '-1' }, 'DATABASE_POOL_MAX: must be a whole number above 0, not "-1"'],
      [{ PARTNERS_URL: 'partners:4003' }, 'PARTNERS_URL: must be an http(s) address, not "partners:4003"'],
      [
        { AUTH_JWKS_URL: 'ftp://x.example/jwks' },
        'AUTH_JWKS_URL: must be an http(s) address, not "ftp://x.example/jwks"',
      ],
      [
        { RETENTION_SCHEDULE: 'nightly' },
        'RETENTION_SCHEDULE: must be a cron pattern (minute hour day month weekday), e.g. "30 2 * * *", or "off", not "nightly"',
      ],
      [
        { RETENTION_SCHEDULE: '61 2 * * *' },
        expect.stringMatching(/^RETENTION_SCHEDULE: must be a cron pattern/) as never,
      ],
      [
        { DATABASE_URL: 'mysql://root:hunter2@db' },
        'DATABASE_URL: must be a PostgreSQL server address, postgres://user:password@host:5432',
      ],
      [
        { SERVICE_KEYS: '{"keys": []}' },
        'SERVICE_KEYS: must be a JSON Web Key Set with at least one key, {"keys": [...]}, each a public ES256 key with a kid',
      ],
      [
        { SERVICE_KEYS: JSON.stringify({ keys: [keys.privateKeys.gateway] }) },
        'SERVICE_KEYS: must be a JSON Web Key Set with at least one key, {"keys": [...]}, each a public ES256 key with a kid',
      ],
      [
        { SERVICE_PRIVATE_KEY: '{not json' },
        'SERVICE_PRIVATE_KEY: must be a private ES256 JSON Web Key (JWK) as JSON with a kid',
      ],
      [
        { SERVICE_PRIVATE_KEY: JSON.stringify(keys.jwks.keys[1]) },
        'SERVICE_PRIVATE_KEY: must be a private ES256 JSON Web Key (JWK) as JSON with a kid',
      ],
      [
        { SERVICE_PRIVATE_KEY: JSON.stringify(keys.privateKeys.partners) },
        'SERVICE_PRIVATE_KEY: must be the regions subgraph\'s key, kid "regions", not kid "partners"',
      ],
      [
        { AUTH_CLOCK_TOLERANCE: '301' },
        'AUTH_CLOCK_TOLERANCE: must be a whole number of seconds from 0 to 300, not "301"',
      ],
      [
        { AUTH_CLOCK_TOLERANCE: '30s' },
        'AUTH_CLOCK_TOLERANCE: must be a whole number of seconds from 0 to 300, not "30s"',
      ],
      [{ AUTH_JWKS_CACHE_MAX_AGE: '10m' }, 'AUTH_JWKS_CACHE_MAX_AGE: must be a whole number of seconds, not "10m"'],
      [{ AUTH_JWKS_COOLDOWN: '-1' }, 'AUTH_JWKS_COOLDOWN: must be a whole number of seconds, not "-1"'],
      [
        { AUTH_PUBLIC_KEY: JSON.stringify(devKeys.privateKey) },
        expect.stringMatching(/^AUTH_PUBLIC_KEY: must be a public JSON Web Key/) as never,
      ],
    ];
    for (const [change, problem] of cases)
      expect(problems({ ...valid, ...change }), JSON.stringify(change)).toEqual([problem]);
    expect(problems({ ...valid, DATABASE_URL: 'mysql://root:hunter2@db' }).join()).not.toContain('hunter2');
  });

  it('refuses in production what has no place there', () => {
    const production = { ...valid, ...mail, NODE_ENV: 'production' };
    expect(problems({ ...production, GRAPHQL_STACKTRACES: 'true' })).toEqual([
      'GRAPHQL_STACKTRACES: must not be true with NODE_ENV=production: answers there never carry stack traces',
    ]);
    expect(problems({ ...production, SEED_DEMO: 'true' })).toEqual([
      'SEED_DEMO: must not be true with NODE_ENV=production: demo data has no place in a county database',
    ]);
  });

  it("verifies tokens in production against the gateway's JWKS only, never a fixed key", () => {
    const production = { ...valid, ...mail, NODE_ENV: 'production' };
    const publicKey = JSON.stringify(devKeys.publicKey);
    const refused =
      "AUTH_PUBLIC_KEY: must not be set with NODE_ENV=production: a fixed key can be neither rotated nor withdrawn. Set AUTH_JWKS_URL to the gateway's JWKS";
    expect(problems({ ...production, AUTH_PUBLIC_KEY: publicKey })).toEqual([refused]);
    const { AUTH_JWKS_URL: _jwks, ...withoutJwks } = production;
    expect(problems({ ...withoutJwks, AUTH_PUBLIC_KEY: publicKey })).toEqual([
      refused,
      "AUTH_JWKS_URL: is not set: with NODE_ENV=production access tokens are verified against the gateway's JWKS",
    ]);
    expect(problems(withoutJwks)).toEqual([
      "AUTH_JWKS_URL: is not set, nor is AUTH_PUBLIC_KEY: set it to the identity provider's JWKS endpoint",
    ]);
    // Outside production the fixed key is how tests and the development stack verify.
    expect(problems({ ...withoutJwks, NODE_ENV: 'development', AUTH_PUBLIC_KEY: publicKey })).toEqual([]);
  });

  it('sends e-mail through SMTP_URL, required in production with PUBLIC_SITE_URL; queues it without one elsewhere', () => {
    expect(
      subgraphOptionsFromEnvironment(regions, { ...valid, ...mail, MAIL_FROM: 'Test <t@example.no>' }),
    ).toMatchObject({
      outbox: { smtp: { url: mail.SMTP_URL, from: 'Test <t@example.no>' }, pollMs: 5_000 },
      publicSiteUrl: 'https://etablerer.example.no',
    });
    const development = subgraphOptionsFromEnvironment(regions, { ...valid, OUTBOX_POLL_MS: '250' });
    expect(development.outbox).toEqual({ pollMs: 250 });
    expect(development.publicSiteUrl).toBe('http://localhost:5173');
    expect(problems({ ...valid, NODE_ENV: 'production' })).toEqual([
      'SMTP_URL: is not set: with NODE_ENV=production the outbox sends e-mail (receipts, reminders, surveys) through the county’s mail server',
      "PUBLIC_SITE_URL: is not set: with NODE_ENV=production the e-mails' links lead to the public website there",
    ]);
    // A bad address is refused without quoting it: it may hold the mail server's password.
    const refused = problems({ ...valid, SMTP_URL: 'http://outbox:hunter2@smtp.example.no' });
    expect(refused).toEqual([
      'SMTP_URL: must be an SMTP server address, smtp://user:password@host:587 (STARTTLS when the server offers it) or smtps://…:465',
    ]);
    expect(problems({ ...valid, PUBLIC_SITE_URL: 'https://etablerer.example.no/?x=1' })).toEqual([
      'PUBLIC_SITE_URL: must be the public website\'s plain http(s) address, e.g. https://etablerer.example.no, not "https://etablerer.example.no/?x=1"',
    ]);
  });

  it('stops the start with one message naming every problem and where the variables are described', () => {
    expect(() => subgraphOptionsFromEnvironment(regions, { ...valid, PORT: 'x', DATABASE_POOL_MAX: '0' })).toThrow(
      'The regions subgraph cannot start, its configuration is not valid:\n  PORT: must be a port number from 0 to 65535, not "x"\n  DATABASE_POOL_MAX: must be a whole number above 0, not "0"\nSee docs/configuration.md.',
    );
  });

  it('documents every variable it reads', () => {
    const names = configurationReference(subgraphConfigSchema(regions)).map((row) => row.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'REGIONS_DATABASE',
        'PARTNERS_URL',
        'RETENTION_SCHEDULE',
        'INTERNAL_PORT',
        'AUTH_CLOCK_TOLERANCE',
        'AUTH_JWKS_CACHE_MAX_AGE',
        'AUTH_JWKS_COOLDOWN',
        'SMTP_URL',
        'MAIL_FROM',
        'OUTBOX_POLL_MS',
        'PUBLIC_SITE_URL',
      ]),
    );
    expect(configurationReference(subgraphConfigSchema(county)).map((row) => row.name)).not.toContain(
      'SERVICE_PRIVATE_KEY',
    );
  });
});
