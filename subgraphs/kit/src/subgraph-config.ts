// The configuration of a subgraph process: every variable it reads, checked once at start (see
// config.ts), and the start options made of it. The variables follow from the subgraph's
// definition: the subgraphs it calls, whether it keeps personal data past retention.
import type { JWK } from 'jose';
import { z } from 'zod';
import { defaultJwksCacheMaxAgeSeconds, defaultJwksCooldownSeconds } from './auth.js';
import {
  across,
  countVariable,
  cronVariable,
  jsonWebKeyVariable,
  millisecondsVariable,
  optionalFlagVariable,
  optionalVariableOf,
  postgresUrlVariable,
  readConfiguration,
  secondsVariable,
  serviceKeysVariable,
  serviceModeOf,
  serviceVariables,
  textVariable,
  urlVariable,
  withServiceRules,
} from './config.js';
import { defaultDatabaseLimits, defaultDatabasePool } from './orm.js';
import { defaultMailFrom, defaultOutboxPollMs } from './outbox-dispatcher.js';
import { defaultRetentionSchedule } from './retention-task.js';
import {
  defaultSubgraphUrl,
  developmentSiteUrl,
  type StartSubgraphOptions,
  type SubgraphContext,
  type SubgraphDefinition,
} from './subgraph.js';

type Described = Pick<
  SubgraphDefinition<SubgraphContext>,
  'name' | 'database' | 'defaultPort' | 'calls' | 'retention' | 'variables'
>;

/** Each service's internal port is its public one plus this: 4100 for the gateway, 4101 for county, … */
export const internalPortOffset = 100;

/** An SMTP server's address: smtp:// or smtps://, a host, perhaps credentials and a port; nothing else. */
export function smtpUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname || url.hash) return undefined;
    return text;
  } catch {
    return undefined;
  }
}

/** The public website's plain http(s) origin, without its trailing slash. */
function siteUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
      return undefined;
    }
    return text.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** The schema of a subgraph's environment. */
export function subgraphConfigSchema(definition: Described) {
  const calls = definition.calls ?? [];
  const upper = definition.name.toUpperCase();
  // The GraphQL switches after the subgraph's own AUTH_* variables, so the reference lists those together.
  const { GRAPHQL_INTROSPECTION, GRAPHQL_STACKTRACES, ...service } = serviceVariables({
    port: definition.defaultPort,
    internalPort: definition.defaultPort + internalPortOffset,
  });
  const schema = z.object({
    ...service,
    // The subgraphs verify the tokens the gateway issues, against the keys it publishes.
    AUTH_JWKS_URL: urlVariable(
      "The JWKS of the access tokens' issuer, the gateway: its `/.well-known/jwks.json` (in the stack on the gateway's internal port). This or AUTH_PUBLIC_KEY is required; with NODE_ENV=production this one.",
    ),
    AUTH_PUBLIC_KEY: jsonWebKeyVariable(
      'One public key (a JWK as JSON, with its kid) that access tokens are verified against, in place of AUTH_JWKS_URL: for tests and development only, refused with NODE_ENV=production (a fixed key can be neither rotated nor withdrawn).',
      { private: false },
    ),
    AUTH_JWKS_CACHE_MAX_AGE: secondsVariable(
      'How long the fetched JWKS is used before it is fetched again, in seconds.',
      defaultJwksCacheMaxAgeSeconds,
    ),
    AUTH_JWKS_COOLDOWN: secondsVariable(
      'How long after a fetch of the JWKS a token whose kid it does not hold is refused without fetching it again, in seconds (a new signing key is learnt by such a fetch; the cooldown keeps unknown kids from making the subgraph fetch on every request).',
      defaultJwksCooldownSeconds,
    ),
    GRAPHQL_INTROSPECTION,
    GRAPHQL_STACKTRACES,
    DATABASE_URL: postgresUrlVariable(
      'The PostgreSQL server, without a database name, e.g. `postgres://etablerer:secret@db.internal:5432`.',
    ),
    [`${upper}_DATABASE`]: textVariable(
      `The ${definition.name} subgraph's database on that server; created and migrated at start when missing.`,
      definition.database,
    ),
    DATABASE_POOL_MAX: countVariable('Database connections at most, per process.', defaultDatabasePool.max),
    DATABASE_ACQUIRE_TIMEOUT_MS: millisecondsVariable(
      'How long a request waits for a database connection before it is answered SERVICE_UNAVAILABLE.',
      defaultDatabasePool.acquireTimeoutMs,
    ),
    DATABASE_STATEMENT_TIMEOUT_MS: millisecondsVariable(
      'The longest a statement may run before the server stops it (a lock waited on included).',
      defaultDatabaseLimits.statementTimeoutMs,
      { zeroMeansNone: true },
    ),
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: millisecondsVariable(
      'The longest a transaction may sit idle before the server ends it and gives its locks back.',
      defaultDatabaseLimits.idleInTransactionTimeoutMs,
      { zeroMeansNone: true },
    ),
    SERVICE_KEYS: serviceKeysVariable(),
    ...(calls.length
      ? {
          SERVICE_PRIVATE_KEY: jsonWebKeyVariable(
            `This subgraph's own private key (an ES256 JWK as JSON, kid "${definition.name}"): it signs its calls to ${calls.join(', ')}.`,
            { private: true, es256: true, required: true },
          ),
        }
      : {}),
    ...Object.fromEntries(
      calls.map((other) => [
        `${other.toUpperCase()}_URL`,
        urlVariable(
          `Where the ${other} subgraph's /graphql is, for this subgraph's calls to it.`,
          `\`${defaultSubgraphUrl(other)}\``,
        ),
      ]),
    ),
    ...(definition.retention
      ? {
          RETENTION_SCHEDULE: cronVariable(
            'When the personal data past retention is erased: a cron pattern (minute hour day month weekday, Norwegian time), or `off`.',
            `\`${defaultRetentionSchedule}\` with NODE_ENV=production, \`off\` otherwise`,
          ),
        }
      : {}),
    SMTP_URL: optionalVariableOf(
      smtpUrl,
      'an SMTP server address, smtp://user:password@host:587 (STARTTLS when the server offers it) or smtps://…:465',
      "The mail server the outbox sends e-mail through (kit outbox-dispatcher.ts). Without it e-mail stays queued in the outbox until it is set; required with NODE_ENV=production. `pnpm start` gives the development mail catcher's.",
      'none (e-mail stays queued)',
      { secret: true },
    ),
    MAIL_FROM: textVariable('The sender of every e-mail the platform sends.', defaultMailFrom),
    OUTBOX_POLL_MS: millisecondsVariable(
      'How often the outbox looks for messages due when nothing woke it (a commit that enqueued wakes it at once).',
      defaultOutboxPollMs,
    ),
    PUBLIC_SITE_URL: optionalVariableOf(
      siteUrl,
      "the public website's plain http(s) address, e.g. https://etablerer.example.no",
      'Where the public website is, for the links in e-mails (cancel a sign-up, answer a survey, unsubscribe); required with NODE_ENV=production.',
      `\`${developmentSiteUrl}\``,
    ),
    // The subgraph's own (e.g. the county's REMINDER_SCHEDULE), after the common ones.
    ...(definition.variables ?? {}),
    SEED_DEMO: optionalFlagVariable(
      'Seeds the demo data into an empty database at start.',
      '`true`, `false` with NODE_ENV=production',
    ),
  });
  const checked = across(withServiceRules(schema), ['SERVICE_PRIVATE_KEY'], (config, context) => {
    const key = (config as { SERVICE_PRIVATE_KEY?: JWK }).SERVICE_PRIVATE_KEY;
    if (key && key.kid !== definition.name) {
      context.addIssue({
        code: 'custom',
        path: ['SERVICE_PRIVATE_KEY'],
        message: `must be the ${definition.name} subgraph's key, kid "${definition.name}", not kid "${key.kid}"`,
      });
    }
  });
  // In production e-mail must leave, and its links must lead somewhere.
  const withMailRule = across(checked, ['SMTP_URL', 'PUBLIC_SITE_URL', 'NODE_ENV'], (config, context) => {
    if (config.NODE_ENV !== 'production') return;
    if (!config.SMTP_URL) {
      context.addIssue({
        code: 'custom',
        path: ['SMTP_URL'],
        message:
          'is not set: with NODE_ENV=production the outbox sends e-mail (receipts, reminders, surveys) through the county’s mail server',
      });
    }
    if (!config.PUBLIC_SITE_URL) {
      context.addIssue({
        code: 'custom',
        path: ['PUBLIC_SITE_URL'],
        message: "is not set: with NODE_ENV=production the e-mails' links lead to the public website there",
      });
    }
  });
  const withDemoRule = across(withMailRule, ['SEED_DEMO', 'NODE_ENV'], (config, context) => {
    if (config.SEED_DEMO === true && config.NODE_ENV === 'production') {
      context.addIssue({
        code: 'custom',
        path: ['SEED_DEMO'],
        message: 'must not be true with NODE_ENV=production: demo data has no place in a county database',
      });
    }
  });
  // Neither set is told already, by every service's rule (config.ts).
  return across(withDemoRule, ['AUTH_JWKS_URL', 'AUTH_PUBLIC_KEY', 'NODE_ENV'], (config, context) => {
    if (config.NODE_ENV !== 'production' || !config.AUTH_PUBLIC_KEY) return;
    context.addIssue({
      code: 'custom',
      path: ['AUTH_PUBLIC_KEY'],
      message:
        "must not be set with NODE_ENV=production: a fixed key can be neither rotated nor withdrawn. Set AUTH_JWKS_URL to the gateway's JWKS",
    });
    if (!config.AUTH_JWKS_URL) {
      context.addIssue({
        code: 'custom',
        path: ['AUTH_JWKS_URL'],
        message: "is not set: with NODE_ENV=production access tokens are verified against the gateway's JWKS",
      });
    }
  });
}

export type SubgraphConfig = z.output<ReturnType<typeof subgraphConfigSchema>>;

/** The subgraph's start options from the environment; a bad or missing variable stops the start, naming it. */
export function subgraphOptionsFromEnvironment(
  definition: Described,
  env: NodeJS.ProcessEnv = process.env,
): StartSubgraphOptions {
  const config = readConfiguration(`${definition.name} subgraph`, subgraphConfigSchema(definition), env);
  const mode = serviceModeOf(config);
  const dynamic = config as Record<string, unknown>;
  const urls = Object.fromEntries(
    (definition.calls ?? []).map((other) => [other, dynamic[`${other.toUpperCase()}_URL`] as string | undefined]),
  );
  const retention = dynamic.RETENTION_SCHEDULE as string | null | undefined;
  return {
    server: config.DATABASE_URL,
    database: dynamic[`${definition.name.toUpperCase()}_DATABASE`] as string,
    port: config.PORT,
    host: config.HOST,
    internal: { port: config.INTERNAL_PORT, host: config.INTERNAL_HOST },
    mode,
    logLevel: config.LOG_LEVEL,
    seedDemo: config.SEED_DEMO ?? !mode.production,
    auth: {
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      ...(config.AUTH_JWKS_URL ? { jwksUrl: config.AUTH_JWKS_URL } : {}),
      ...(config.AUTH_PUBLIC_KEY ? { publicKey: config.AUTH_PUBLIC_KEY } : {}),
      clockToleranceSeconds: config.AUTH_CLOCK_TOLERANCE,
      jwksCacheMaxAgeSeconds: config.AUTH_JWKS_CACHE_MAX_AGE,
      jwksCooldownSeconds: config.AUTH_JWKS_COOLDOWN,
      // A token verified is taken for up to a minute without checking its signature again (each of a
      // page's requests brings the same one), never longer than the JWKS is kept: a key withdrawn
      // stops letting tokens in no later than it did.
      verifiedTokenSeconds: Math.min(60, config.AUTH_JWKS_CACHE_MAX_AGE),
    },
    serviceKeys: config.SERVICE_KEYS,
    ...(dynamic.SERVICE_PRIVATE_KEY ? { servicePrivateKey: dynamic.SERVICE_PRIVATE_KEY as JWK } : {}),
    subgraphUrl: (other) => urls[other] ?? defaultSubgraphUrl(other),
    retentionSchedule: retention === undefined ? (mode.production ? defaultRetentionSchedule : null) : retention,
    settings: Object.fromEntries(Object.keys(definition.variables ?? {}).map((name) => [name, dynamic[name]])),
    limits: {
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    pool: { max: config.DATABASE_POOL_MAX, acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT_MS },
    outbox: {
      ...(config.SMTP_URL ? { smtp: { url: config.SMTP_URL, from: config.MAIL_FROM } } : {}),
      pollMs: config.OUTBOX_POLL_MS,
    },
    publicSiteUrl: config.PUBLIC_SITE_URL ?? developmentSiteUrl,
  };
}
