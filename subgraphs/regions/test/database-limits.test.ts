// A request stuck behind a lock, and a transaction left open: the server stops each at its time
// limit, the caller is told so, nothing is half-written, and the pooled connection serves again.
import { setTimeout as delay } from 'node:timers/promises';
import {
  databaseTooSlowMessage,
  dropDatabase,
  isDatabaseTooSlow,
  isDatabaseUnavailable,
  openSubgraphDatabase,
  queryRows,
  seedInTransaction,
  withDatabaseClient,
} from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph, testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { regionsSubgraph } from '../src/server.js';

let subgraph: TestSubgraph<Context>;
let database: string;
beforeAll(async () => {
  // Short limits (DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS), so the
  // test need not wait half a minute; migrating and seeding are exempt.
  subgraph = await createTestSubgraph(regionsSubgraph, {
    limits: { statementTimeoutMs: 300, idleInTransactionTimeoutMs: 500 },
  });
  database = subgraph.orm.config.get('dbName');
});
afterAll(() => subgraph?.close());

const adviser = { as: 'follo.adviser' };
const updateClient = `mutation Update($id: ID!, $version: Int!, $input: UpdateClientInput!) {
  updateClient(id: $id, version: $version, input: $input) { name version }
}`;

describe('a statement waiting on a lock past DATABASE_STATEMENT_TIMEOUT_MS', () => {
  it('is stopped and answered SERVICE_UNAVAILABLE, saves nothing, and the same edit works afterwards', async () => {
    const registered = await subgraph.execute<{ registerClient: { id: string; version: number } }>(
      `mutation R($input: RegisterClientInput!) { registerClient(input: $input) { id version } }`,
      {
        input: {
          regionId: 'follo',
          municipalityNumber: '3020',
          name: 'Låst Klient',
          immigrantBackground: 'NO',
          surveyConsent: false,
          confirmedNotDuplicate: true,
        },
      },
      adviser,
    );
    const client = registered.data?.registerClient;
    if (!client) throw new Error(JSON.stringify(registered.errors));

    // Another session (a long report, a stuck job) holds the client's row; ending it rolls back.
    await withDatabaseClient(testServerUrl(), database, async (holder) => {
      await holder.query('begin');
      await holder.query('select id from client where id = $1 for update', [client.id]);
      // Without the limit this would wait for the lock until the test times out; the message says
      // it was the statement limit that stopped it, whatever the machine's load.
      const stopped = await subgraph.execute(updateClient, { ...client, input: { name: 'Ny Låst' } }, adviser);
      expect(stopped.errors).toEqual([
        expect.objectContaining({ message: databaseTooSlowMessage, extensions: { code: 'SERVICE_UNAVAILABLE' } }),
      ]);
    });
    const stored = await queryRows<{ name: string; version: number; audited: number }>(
      testServerUrl(),
      database,
      `select name, version, (select count(*)::int from audit_entry where record_id = client.id::text
          and detail = 'updateClient') as audited from client where id = $1`,
      [client.id],
    );
    expect(stored).toEqual([{ name: 'Låst Klient', version: client.version, audited: 0 }]);

    const retried = await subgraph.execute(updateClient, { ...client, input: { name: 'Ny Låst' } }, adviser);
    expect(retried).toEqual({ data: { updateClient: { name: 'Ny Låst', version: client.version + 1 } } });
  });
});

describe('a transaction left idle past DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', () => {
  it('is ended by the server (its locks given back), is told as the database stopping it, and the pool serves on', async () => {
    const idle = subgraph.orm.em.fork().transactional(async (em) => {
      await em.execute("select id from region where id = 'follo' for update");
      // Until the server has ended it: without the limit, never (the test then times out).
      await waitWhileIdleInTransaction(database, Number.POSITIVE_INFINITY);
      await em.execute('select 1');
    });
    const error = await idle.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).not.toBeNull();
    expect(isDatabaseTooSlow(error) || isDatabaseUnavailable(error)).toBe(true);
    // The region's row is free again: another transaction takes its lock at once.
    const [free] = await queryRows<{ id: string }>(
      testServerUrl(),
      database,
      "select id from region where id = 'follo' for update nowait",
    );
    expect(free).toEqual({ id: 'follo' });
    for (let request = 0; request < 12; request++) {
      expect(await subgraph.execute('{ regions { id } }', {}, adviser)).toMatchObject({
        data: { regions: expect.any(Array) },
      });
    }
  });
});

describe('seeding, which builds its rows between statements', () => {
  it('may idle in its transaction past the limit and still commits everything', async () => {
    // A loaded machine's seeder spends longer in JavaScript between two inserts than a request may idle.
    const idleSeeder = {
      async run(em: { execute(sql: string): Promise<unknown> }) {
        await em.execute("update region set name = name where id = 'follo'");
        await waitWhileIdleInTransaction(database, 2 * 500);
        await em.execute(
          "insert into network_event (id, region_id, date, title, participant_count) values ('6b0e3c1e-0000-4000-8000-000000000001', 'follo', '2024-03-01', 'Seeded while idle', 12)",
        );
      },
    };
    await seedInTransaction(subgraph.orm, idleSeeder as never);
    const [seeded] = await queryRows<{ title: string }>(
      testServerUrl(),
      database,
      "select title from network_event where id = '6b0e3c1e-0000-4000-8000-000000000001'",
    );
    expect(seeded).toEqual({ title: 'Seeded while idle' });
  });
});

/**
 * Waits while a transaction of `database` sits idle: until it has been idle `ms` by the server's
 * clock, or until there is none (the server ended it). A process stalled mid-transaction, as a
 * loaded machine stalls it, without depending on how loaded this one is.
 */
async function waitWhileIdleInTransaction(database: string, ms: number): Promise<void> {
  await withDatabaseClient(testServerUrl(), database, async (observer) => {
    for (;;) {
      const { rows } = await observer.query<{ idle_ms: number }>(
        `select extract(epoch from now() - state_change) * 1000 as idle_ms from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and state = 'idle in transaction'`,
      );
      if (rows.length === 0 || rows.some((row) => row.idle_ms >= ms)) return;
      await delay(5);
    }
  });
}

describe('migrating and seeding under limits of a few milliseconds', () => {
  it('are exempt from their first moment: the demo seeding survives a stall right after BEGIN', async () => {
    const limits = { statementTimeoutMs: 5, idleInTransactionTimeoutMs: 5 };
    const tiny = uniqueDatabaseName('regions');
    const orm = await openSubgraphDatabase(regionsSubgraph, testServerUrl(), tiny, { limits });
    try {
      // A loaded machine may run nothing of this process between BEGIN and the next statement: here
      // every transaction stalls there until the server has seen it idle ten times the limit. With
      // the limits lifted only by SET LOCAL after BEGIN, the server ended the seeding right there.
      let stalls = 0;
      orm.em.getEventManager().registerSubscriber({
        async afterTransactionStart() {
          stalls += 1;
          await waitWhileIdleInTransaction(tiny, 10 * limits.idleInTransactionTimeoutMs);
        },
      });
      await seedInTransaction(orm, regionsSubgraph.demoSeeder);
      expect(stalls).toBeGreaterThan(0);
      const [counts] = await queryRows<{ regions: number; clients: number }>(
        testServerUrl(),
        tiny,
        'select (select count(*)::int from region) as regions, (select count(*)::int from client) as clients',
      );
      expect(counts?.regions).toBe(13);
      expect(counts?.clients).toBeGreaterThan(1_000);
      // The serving connections keep their limits: a request's statement is still stopped.
      await expect(orm.em.fork().execute('select pg_sleep(0.2)')).rejects.toSatisfy(isDatabaseTooSlow);
    } finally {
      await orm.close();
      await dropDatabase(testServerUrl(), tiny);
    }
  });
});
