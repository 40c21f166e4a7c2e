// What the end-to-end and fault tests need of the stack `pnpm start` runs: the launcher itself
// (imported here only, so moving it is a change of this one import), an embedded PostgreSQL of the
// test's own to kill, and requests through the gateway as a signed-in demo user.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { freePort, queryRows, repositoryDataDir, withDatabaseClient } from '@etablerer/kit';
import { type RunningStack, type ServiceName, type StackOptions, startStack } from '@etablerer/stack';

export type { RunningStack, ServiceName, StackOptions };
export { startStack };

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; service?: string; [key: string]: unknown };
}

export interface GraphQLAnswer<Data> {
  status: number;
  body: { data?: Data | null; errors?: GraphQLError[] };
}

/** A token for a demo user from the gateway's development sign-in, as a person trying the platform gets one. */
export async function devToken(gatewayUrl: string, username: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (response.status !== 200) throw new Error(`no token for ${username}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** POSTs an operation to the gateway as a demo user (the coordination member by default). */
export async function queryAs(
  gatewayUrl: string,
  body: { query: string; variables?: Record<string, unknown> },
  username = 'coordination.member',
): Promise<{ status: number; json: { data?: unknown; errors?: unknown } }> {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await devToken(gatewayUrl, username)}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { data?: unknown; errors?: unknown } };
}

/** The stack with an embedded PostgreSQL of the test's own, and what a test does with it. */
export interface OwnStack {
  stack: RunningStack;
  /** The embedded cluster's folder (its postmaster.pid names the server's process). */
  dataDir: string;
  /** Signs in on the gateway's development sign-in; each user's token is kept for the run. */
  tokenFor(username: string): Promise<string>;
  /** POSTs an operation to the gateway as `username`, with extra headers (e.g. an Idempotency-Key). */
  post<Data>(
    username: string,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLAnswer<Data>>;
  /** Rows from one subgraph's database on the stack's PostgreSQL. */
  rows<Row>(database: string, sql: string, values?: unknown[]): Promise<Row[]>;
  /** Whether the stack's PostgreSQL takes a new connection and answers a query now. */
  postgresAnswers(): Promise<boolean>;
  /** SIGKILLs the PostgreSQL server, its postmaster and every process it started, as a crash would. */
  killPostgres(): number[];
  stop(): Promise<void>;
}

/**
 * The stack on ports the system picks, without the console, on an embedded PostgreSQL in
 * `.data/<folder>` on a free port (never the machine's server: a test may kill this one). The
 * folder is made afresh and removed at the stop.
 */
export async function startOwnStack(folder: string, options: Omit<StackOptions, 'database'> = {}): Promise<OwnStack> {
  const dataDir = `${repositoryDataDir}${folder}`;
  rmSync(dataDir, { recursive: true, force: true });
  const stack = await startStack({
    ports: {
      gateway: 0,
      county: 0,
      regions: 0,
      partners: 0,
      console: 0,
      identityProvider: 0,
      mailCatcher: 0,
      mailCatcherSmtp: 0,
    },
    console: false,
    ...options,
    database: { dataDir, port: await freePort() },
  });
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (username: string) => {
    let token = tokens.get(username);
    if (!token) {
      token = devToken(stack.gatewayUrl, username);
      tokens.set(username, token);
    }
    return token;
  };
  return {
    stack,
    dataDir,
    tokenFor,
    async post(username, query, variables, headers = {}) {
      const response = await fetch(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await tokenFor(username)}`,
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLAnswer<never>['body'] };
    },
    rows: (database, sql, values = []) => queryRows(stack.databaseUrl, database, sql, values),
    async postgresAnswers() {
      try {
        await withDatabaseClient(stack.databaseUrl, 'postgres', (client) => client.query('select 1'), {
          connectionTimeoutMillis: 1_000,
        });
        return true;
      } catch {
        return false;
      }
    },
    killPostgres() {
      const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
      const victims = [...childrenOf(postmaster), postmaster];
      for (const pid of victims) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      return victims;
    },
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The processes whose parent is `pid` (Linux, from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      // The fourth field of /proc/<pid>/stat, after the command in parentheses, is the parent's id.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return parent === pid ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}
