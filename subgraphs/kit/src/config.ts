// The environment a service reads, as zod schemas: every variable checked once at start, a bad or
// missing value stopping the start with the variable's name and what it wants, and each variable's
// description kept beside its check, from which docs/configuration.md is written (see
// `configurationReference`), so the documentation cannot drift from the code.
import { CronPattern } from 'croner';
import type { JWK } from 'jose';
import { z } from 'zod';
import { defaultAudience, defaultClockToleranceSeconds, defaultIssuer, maxClockToleranceSeconds } from './auth.js';

/** What docs/configuration.md says of a variable. */
export interface VariableDocumentation {
  description: string;
  /** The default as an operator reads it, where it is not one fixed value (e.g. "on, off in production"). */
  defaultText?: string;
  /** Its fixed default, as the variable would be written. */
  default?: string;
  /** Holds a secret: its value never appears in an error message. */
  secret?: boolean;
}

/** Every variable's documentation, by its schema. */
export const variableDocumentation = z.registry<VariableDocumentation>();

/** The configuration could not be read: every problem, one line each, naming the variable. */
export class ConfigurationError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(
      `The ${service} cannot start, its configuration is not valid:\n${problems.map((problem) => `  ${problem}`).join('\n')}\nSee docs/configuration.md.`,
    );
    this.name = 'ConfigurationError';
  }
}

/** Reads a service's configuration from the environment, or throws a ConfigurationError naming every bad variable. */
export function readConfiguration<Schema extends z.ZodType>(
  service: string,
  schema: Schema,
  env: NodeJS.ProcessEnv = process.env,
): z.output<Schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigurationError(
    service,
    parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(environment)'}: ${issue.message}`),
  );
}

/** The value as an error message may quote it: never a secret, never very long. */
function quoted(input: unknown, documentation: VariableDocumentation): string {
  if (documentation.secret) return '';
  const text = String(input);
  return `, not "${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

/**
 * One variable: `parse` checks and converts its text; unset (or empty) takes `default` when there
 * is one, else is undefined when `optional`, else is refused with `missing`.
 */
function variable<Output>(
  parse: z.ZodType<Output, string>,
  documentation: VariableDocumentation & { missing?: string },
) {
  const { missing, ...described } = documentation;
  const present = z.string({ error: missing ?? 'is not set' }).pipe(parse);
  const schema = z.preprocess(
    (value) => (value === '' ? undefined : value),
    documentation.default === undefined ? present : present.prefault(documentation.default),
  );
  return schema.register(variableDocumentation, described);
}

function optionalVariable<Output>(parse: z.ZodType<Output, string>, documentation: VariableDocumentation) {
  const schema = z.preprocess((value) => (value === '' ? undefined : value), parse.optional());
  return schema.register(variableDocumentation, documentation);
}

/** A rule for a variable's text: `wants` completes "must …" in the error message. */
function rule<Output>(
  check: (text: string) => Output | undefined,
  wants: string,
  documentation: VariableDocumentation,
): z.ZodType<Output, string> {
  return z.string().transform((text, context) => {
    const value = check(text.trim());
    if (value === undefined) {
      context.issues.push({ code: 'custom', input: text, message: `must be ${wants}${quoted(text, documentation)}` });
      return z.NEVER;
    }
    return value;
  });
}

const wholeNumber = (text: string, minimum: number, maximum = Number.MAX_SAFE_INTEGER) =>
  /^\d+$/.test(text) && Number(text) >= minimum && Number(text) <= maximum ? Number(text) : undefined;

export function portVariable(defaultPort: number, description: string) {
  const documentation = { description, default: String(defaultPort) };
  return variable(
    rule((text) => wholeNumber(text, 0, 65_535), 'a port number from 0 to 65535', documentation),
    {
      ...documentation,
    },
  );
}

export function hostVariable(description: string, defaultHost = '127.0.0.1') {
  const documentation = { description, default: defaultHost };
  return variable(
    rule((text) => (/^[\w.:-]+$/.test(text) ? text : undefined), 'a host name or an IP address', documentation),
    documentation,
  );
}

/** Milliseconds: above 0, or from 0 when `zeroMeansNone`. */
export function millisecondsVariable(description: string, defaultValue: number, { zeroMeansNone = false } = {}) {
  const documentation = { description, default: String(defaultValue) };
  return variable(
    rule(
      (text) => wholeNumber(text, zeroMeansNone ? 0 : 1),
      zeroMeansNone ? 'a whole number of milliseconds (0 for no limit)' : 'a whole number of milliseconds above 0',
      documentation,
    ),
    documentation,
  );
}

/** Whole seconds, from 0 up to `maximum`. */
export function secondsVariable(description: string, defaultValue: number, { maximum }: { maximum?: number } = {}) {
  const documentation = { description, default: String(defaultValue) };
  return variable(
    rule(
      (text) => wholeNumber(text, 0, maximum),
      maximum === undefined ? 'a whole number of seconds' : `a whole number of seconds from 0 to ${maximum}`,
      documentation,
    ),
    documentation,
  );
}

export function countVariable(description: string, defaultValue: number) {
  const documentation = { description, default: String(defaultValue) };
  return variable(
    rule((text) => wholeNumber(text, 1), 'a whole number above 0', documentation),
    documentation,
  );
}

/** Whole numbers of days, comma-separated (e.g. `30,7,1`): each from 0 to 366, at least one, no repeats; largest first. */
export function daysListVariable(description: string, defaultValue: readonly number[]) {
  const documentation = { description, default: defaultValue.join(',') };
  return variable(
    rule(
      (text) => {
        const days = text.split(',').map((part) => wholeNumber(part.trim(), 0, 366));
        if (days.length === 0 || days.some((day) => day === undefined)) return undefined;
        const distinct = [...new Set(days as number[])];
        return distinct.length === days.length ? distinct.sort((a, b) => b - a) : undefined;
      },
      'whole numbers of days from 0 to 366, comma-separated and each once, e.g. "30,7,1"',
      documentation,
    ),
    documentation,
  );
}

/** `true` or `false`, nothing else: a typo ("yes", "ture") is refused rather than read as off. */
function flagRule(documentation: VariableDocumentation) {
  return rule(
    (text) => (text === 'true' ? true : text === 'false' ? false : undefined),
    '"true" or "false"',
    documentation,
  );
}

export function flagVariable(description: string, defaultValue: boolean) {
  const documentation = { description, default: String(defaultValue) };
  return variable(flagRule(documentation), documentation);
}

/** A flag whose default depends on other variables (NODE_ENV): undefined when unset. */
export function optionalFlagVariable(description: string, defaultText: string) {
  const documentation = { description, defaultText };
  return optionalVariable(flagRule(documentation), documentation);
}

function httpUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    return ['http:', 'https:'].includes(url.protocol) && !url.username && !url.password ? text : undefined;
  } catch {
    return undefined;
  }
}

/** An optional variable with a check of its own; `wants` completes "must be …". Empty is unset unless `emptyIsValue`. */
export function optionalVariableOf<Output>(
  check: (text: string) => Output | undefined,
  wants: string,
  description: string,
  defaultText?: string,
  { emptyIsValue = false, secret = false } = {},
) {
  const documentation = { description, secret, ...(defaultText ? { defaultText } : {}) };
  const parse = rule(check, wants, documentation).optional();
  const schema = emptyIsValue ? parse : z.preprocess((value) => (value === '' ? undefined : value), parse);
  return schema.register(variableDocumentation, documentation);
}

export function urlVariable(description: string, defaultText?: string) {
  const documentation = { description, ...(defaultText ? { defaultText } : {}) };
  return optionalVariable(rule(httpUrl, 'an http(s) address', documentation), documentation);
}

export function textVariable(description: string, defaultValue: string) {
  const documentation = { description, default: defaultValue };
  return variable(z.string().trim().min(1), documentation);
}

export function enumVariable<const Values extends readonly [string, ...string[]]>(
  values: Values,
  description: string,
  defaultValue: Values[number],
) {
  const documentation = { description, default: defaultValue };
  return variable(
    rule(
      (text) => (values.includes(text) ? (text as Values[number]) : undefined),
      `one of ${values.join(', ')}`,
      documentation,
    ),
    documentation,
  );
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A public ES256 key: what signs service assertions. */
const isPublicEs256 = (key: Record<string, unknown>) =>
  key.kty === 'EC' && key.crv === 'P-256' && typeof key.x === 'string' && typeof key.y === 'string' && !('d' in key);

interface KeyOptions {
  private: boolean;
  es256?: boolean;
  required?: boolean;
}

/** A JWK as JSON: a public one (any asymmetric kind a token verifier accepts), or a private one. */
export function jsonWebKeyVariable(
  description: string,
  options: KeyOptions & { required: true },
): z.ZodType<JWK, unknown>;
export function jsonWebKeyVariable(description: string, options: KeyOptions): z.ZodType<JWK | undefined, unknown>;
export function jsonWebKeyVariable(
  description: string,
  { private: isPrivate, es256 = false, required = false }: KeyOptions,
): z.ZodType<JWK | undefined, unknown> {
  const documentation = { description, secret: isPrivate };
  const wants = `a ${isPrivate ? 'private' : 'public'} ${es256 ? 'ES256 ' : ''}JSON Web Key (JWK) as JSON${isPrivate ? ' with a kid' : ''}`;
  const parse = rule(
    (text) => {
      const key = parsedJson(text);
      if (!isObject(key) || typeof key.kty !== 'string') return undefined;
      if (isPrivate !== (typeof key.d === 'string')) return undefined;
      if (isPrivate && typeof key.kid !== 'string') return undefined;
      if (es256 && (key.kty !== 'EC' || key.crv !== 'P-256')) return undefined;
      return key as JWK;
    },
    wants,
    documentation,
  );
  return required
    ? variable(parse, { ...documentation, missing: `is not set; it must be ${wants}` })
    : optionalVariable(parse, documentation);
}

/** SERVICE_KEYS: the public keys of the services a subgraph trusts. */
export function serviceKeysVariable() {
  const documentation = {
    description:
      'The public keys of the services a subgraph accepts requests from (the gateway, and the subgraphs that call it), as a JSON Web Key Set `{"keys": [...]}`: ES256 keys whose kid is the service\'s name. A subgraph refuses every request not signed by one of them.',
  };
  const wants = 'a JSON Web Key Set with at least one key, {"keys": [...]}, each a public ES256 key with a kid';
  return variable(
    rule(
      (text) => {
        const set = parsedJson(text);
        const keys = isObject(set) ? set.keys : undefined;
        if (!Array.isArray(keys) || keys.length === 0) return undefined;
        const valid = keys.every((key) => isObject(key) && typeof key.kid === 'string' && isPublicEs256(key));
        return valid ? (keys as JWK[]) : undefined;
      },
      wants,
      { ...documentation, secret: true },
    ),
    { ...documentation, missing: `is not set; it must be ${wants}` },
  );
}

/** A cron pattern (minute hour day month weekday, Norwegian time) or `off`; null for off. */
export function cronVariable(description: string, defaultText: string) {
  const documentation = { description, defaultText };
  return optionalVariable(
    rule(
      (text) => {
        if (text === 'off') return null;
        try {
          new CronPattern(text, 'Europe/Oslo');
          return text;
        } catch {
          return undefined;
        }
      },
      'a cron pattern (minute hour day month weekday), e.g. "30 2 * * *", or "off"',
      documentation,
    ),
    documentation,
  );
}

/** What a PostgreSQL server variable wants, completing "must be …". */
export const postgresUrlWants = 'a PostgreSQL server address, postgres://user:password@host:5432';

/** The text when it is a postgres:// (or postgresql://) address, else undefined. */
export function postgresUrl(text: string): string | undefined {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(text).protocol) ? text : undefined;
  } catch {
    return undefined;
  }
}

export function postgresUrlVariable(description: string) {
  const documentation = { description, secret: true };
  return variable(rule(postgresUrl, postgresUrlWants, documentation), {
    ...documentation,
    missing: `is not set; it must be ${postgresUrlWants}`,
  });
}

export const nodeEnvironments = ['development', 'production', 'test'] as const;
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** What every service reads: its mode, its log, where it listens, and how it verifies tokens. */
export function serviceVariables({ port, internalPort }: { port: number; internalPort: number }) {
  return {
    NODE_ENV: enumVariable(
      nodeEnvironments,
      '`production` for a deployment: errors carry no stack traces nor internal messages, introspection is off unless asked for, the development sign-in cannot be turned on, the retention task runs nightly, and no demo data is seeded.',
      'development',
    ),
    LOG_LEVEL: optionalVariableOf(
      (text) => logLevels.find((level) => level === text),
      `one of ${logLevels.join(', ')}`,
      'How much the JSON log on standard output says.',
      '`info` (`silent` under Vitest)',
    ),
    SERVICE_NAME: textVariable(
      "The `service` field of every log line (the development stack sets it to the service's name).",
      'etablerer',
    ),
    PORT: portVariable(port, 'The public port: /graphql, and /health/live for a liveness probe.'),
    HOST: hostVariable(
      'The address the public port listens on; `0.0.0.0` to take requests from other machines (a container).',
    ),
    INTERNAL_PORT: portVariable(
      internalPort,
      'The internal port: /metrics (Prometheus), /health (the detailed health), /health/ready and /health/live. Never expose it to the internet.',
    ),
    INTERNAL_HOST: hostVariable(
      'The address the internal port listens on: loopback by default, so only this machine reaches it; in a container `0.0.0.0`, for the probes and the metrics scraper of the cluster, not published.',
    ),
    AUTH_ISSUER: textVariable('The `iss` every access token must carry (the identity provider).', defaultIssuer),
    AUTH_AUDIENCE: textVariable('The `aud` every access token must carry.', defaultAudience),
    AUTH_JWKS_URL: urlVariable(
      "The identity provider's JWKS endpoint, which access tokens are verified against. This or AUTH_PUBLIC_KEY is required.",
    ),
    AUTH_PUBLIC_KEY: jsonWebKeyVariable(
      'One public key (a JWK as JSON) that access tokens are verified against, in place of AUTH_JWKS_URL (the development stack uses its own).',
      { private: false },
    ),
    AUTH_CLOCK_TOLERANCE: secondsVariable(
      `How far an access token's exp, nbf and iat may be off this server's clock, in seconds (at most ${maxClockToleranceSeconds}): a token expired that long ago is still taken.`,
      defaultClockToleranceSeconds,
      { maximum: maxClockToleranceSeconds },
    ),
    GRAPHQL_INTROSPECTION: optionalFlagVariable(
      "Answers schema introspection (the console's playground and its documentation pane need it on the gateway).",
      '`true`, `false` with NODE_ENV=production',
    ),
    GRAPHQL_STACKTRACES: flagVariable(
      'Errors carry their stack trace, for a developer. Refused with NODE_ENV=production.',
      false,
    ),
  };
}

type ServiceVariables = z.output<z.ZodObject<ReturnType<typeof serviceVariables>>>;

/**
 * A check across variables, made whenever those it reads are valid, even when others are not: a
 * start refused for a bad port also says that the development sign-in is refused in production.
 * (zod skips an object's refinements once any of its fields has failed, unless told when to run.)
 */
export function across<Schema extends z.ZodObject>(
  schema: Schema,
  reads: string[],
  check: (config: z.output<Schema>, context: z.RefinementCtx) => void,
): Schema {
  return schema.superRefine(check as never, {
    when: (payload) => !payload.issues.some((issue) => reads.includes(String(issue.path?.[0]))),
  });
}

/** The checks across variables that every service makes. */
export function withServiceRules<Schema extends z.ZodObject>(schema: Schema): Schema {
  const withAuth = across(schema, ['AUTH_JWKS_URL', 'AUTH_PUBLIC_KEY'], (config, context) => {
    const { AUTH_JWKS_URL, AUTH_PUBLIC_KEY } = config as ServiceVariables;
    if (!AUTH_JWKS_URL && !AUTH_PUBLIC_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['AUTH_JWKS_URL'],
        message: "is not set, nor is AUTH_PUBLIC_KEY: set it to the identity provider's JWKS endpoint",
      });
    }
  });
  return across(withAuth, ['GRAPHQL_STACKTRACES', 'NODE_ENV'], (config, context) => {
    const { GRAPHQL_STACKTRACES, NODE_ENV } = config as ServiceVariables;
    if (GRAPHQL_STACKTRACES === true && NODE_ENV === 'production') {
      context.addIssue({
        code: 'custom',
        path: ['GRAPHQL_STACKTRACES'],
        message: 'must not be true with NODE_ENV=production: answers there never carry stack traces',
      });
    }
  });
}

/** The production mode a service runs in, from its configuration. */
export interface ServiceMode {
  production: boolean;
  introspection: boolean;
  stacktraces: boolean;
}

export function serviceModeOf(config: ServiceVariables): ServiceMode {
  const production = config.NODE_ENV === 'production';
  return {
    production,
    introspection: config.GRAPHQL_INTROSPECTION ?? !production,
    stacktraces: config.GRAPHQL_STACKTRACES && !production,
  };
}

/** One row of docs/configuration.md. */
export interface VariableReference {
  name: string;
  description: string;
  default: string;
}

/** The variables a schema reads, in order, with their documentation; throws for one that has none. */
export function configurationReference(schema: z.ZodObject): VariableReference[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const documentation = variableDocumentation.get(field as z.ZodType);
    if (!documentation) throw new Error(`${name} has no documentation: declare it with the helpers in config.ts`);
    return {
      name,
      description: documentation.description,
      default:
        documentation.default !== undefined
          ? `\`${documentation.default}\``
          : (documentation.defaultText ?? (isRequired(field) ? 'required' : 'unset')),
    };
  });
}

function isRequired(field: unknown): boolean {
  return !(field as z.ZodType).safeParse(undefined).success;
}

/** One service's part of docs/configuration.md. */
export interface ConfigurationSection {
  title: string;
  /** What is particular to this service, in a sentence or two. */
  intro: string;
  schema: z.ZodObject;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** docs/configuration.md, from the services' schemas: what `pnpm docs:configuration` writes and a test compares. */
export function renderConfigurationReference(sections: ConfigurationSection[]): string {
  const lines = [
    '# Configuration',
    '',
    "<!-- Written by `pnpm docs:configuration` from the services' configuration schemas; a test fails when it",
    'differs from them. Edit the descriptions in the schemas (subgraphs/kit/src/config.ts,',
    'subgraphs/kit/src/subgraph-config.ts, gateway/src/config.ts), not here. -->',
    '',
    'Every service reads its configuration from environment variables, once, as it starts, and checks',
    'every one of them: a missing or bad value stops the start with a message that names each bad',
    'variable and says what it wants, e.g.',
    '',
    '```text',
    'The regions subgraph cannot start, its configuration is not valid:',
    '  SERVICE_KEYS: must be a JSON Web Key Set with at least one key, {"keys": [...]}, each a public ES256 key with a kid',
    '  DATABASE_POOL_MAX: must be a whole number above 0, not "0"',
    'See docs/configuration.md.',
    '```',
    '',
    'An empty variable counts as unset. Secrets (private keys, the database address) are never quoted',
    'in these messages.',
    '',
    'With `NODE_ENV=production` answers carry no stack traces nor internal messages (an unexpected error',
    'is "Internal server error." with code `INTERNAL_SERVER_ERROR`; its details go to the log only),',
    'introspection is off unless `GRAPHQL_INTROSPECTION=true`, the development sign-in and',
    '`GRAPHQL_STACKTRACES` are refused, no demo data is seeded, and the retention task runs nightly.',
    '',
    'Each service listens on two ports: the public one (`PORT`: `/graphql`, and `/health/live` for a',
    'liveness probe) and the internal one (`INTERNAL_PORT`, on loopback unless `INTERNAL_HOST` says',
    'otherwise: `/metrics` for Prometheus, `/health` with the details, `/health/ready`, `/health/live`).',
    'See [operations.md](operations.md).',
    '',
    "The development tools read a few more, which no deployed service reads: `pnpm start`'s launcher",
    '`STACK_PORTS=0` (any free ports), `STACK_CONSOLE=false`, `EMBEDDED_POSTGRES_DIR` and',
    '`EMBEDDED_POSTGRES_PORT`; the command-line tasks (`pnpm migrate`, `pnpm seed`, …) `DATABASE_URL`',
    'and `<NAME>_DATABASE`, else the embedded PostgreSQL; the property tests `FUZZ_SEED`, `FUZZ_RUNS`',
    'and `FUZZ_VERBOSE`.',
  ];
  for (const section of sections) {
    lines.push(
      '',
      `## ${section.title}`,
      '',
      section.intro,
      '',
      '| Variable | Default | What it is |',
      '| --- | --- | --- |',
    );
    for (const row of configurationReference(section.schema)) {
      lines.push(`| \`${row.name}\` | ${cell(row.default)} | ${cell(row.description)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
