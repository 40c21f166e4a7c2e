// A write the gateway has given up on is not stored afterwards: the regions subgraph runs as a real
// child process, frozen (SIGSTOP) while a mutation is on its way, or held up inside the mutation's
// transaction by a row lock; the gateway answers SUBGRAPH_UNAVAILABLE after its timeout, and once
// the subgraph goes on it must neither start that request nor commit its transaction.
import { withDatabaseClient } from '@etablerer/kit';
import { testServerUrl } from '@etablerer/kit/testing';
import { describe, expect, it } from 'vitest';
import { subgraphUnavailableCode } from '../src/subgraph-faults.js';
import { useTestPlatform } from './support/platform.js';

const platform = useTestPlatform({
  processes: ['regions'],
  // Only regions is frozen here: the others keep the default time, however busy the machine.
  gateway: { subgraphTimeoutMs: { regions: 2_000 } },
  timeoutMs: 180_000,
});

const logSession = `mutation LogSessionPastDeadline($input: LogCounsellingSessionInput!) {
  logCounsellingSession(input: $input) { id }
}`;

/** The sessions stored with `topic` in the regions database. */
async function sessionsWith(topic: string): Promise<number> {
  return withDatabaseClient(testServerUrl(), platform.databases.regions, async (client) => {
    const { rows } = await client.query<{ count: string }>(
      'select count(*) as count from counselling_session where topic = $1',
      [topic],
    );
    return Number(rows[0]?.count);
  });
}

/**
 * Resolves once the regions process has dealt with the request the gateway gave up on: it logged
 * that it refused or rolled back a request past its deadline, or the session was stored after all
 * (what happened before deadlines were propagated). Polls the log it writes and the database.
 */
async function outcomeOf(topic: string, log: () => string): Promise<void> {
  await expect
    .poll(async () => /deadline has passed/.test(log()) || (await sessionsWith(topic)) > 0, {
      timeout: 60_000,
      interval: 50,
    })
    .toBe(true);
}

/** Collects what the regions process writes to stdout from now on. */
function regionsLog(): () => string {
  const child = platform.processes.regions?.child;
  if (!child?.stdout) throw new Error('regions runs as a process with its output piped');
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

async function followClientId(token: string): Promise<string> {
  const { body } = await platform.post<{ clients: { items: { id: string }[] } }>(
    'query C { clients(regionId: "follo", first: 1) { items { id } } }',
    undefined,
    { token },
  );
  const id = body.data?.clients.items[0]?.id;
  if (!id) throw new Error('the demo data has no client in Follo');
  return id;
}

function sessionInput(clientId: string, topic: string) {
  return { input: { clientId, date: '2024-04-10', durationMinutes: 45, form: 'VIDEO', topic } };
}

describe('a mutation the gateway gave up on', () => {
  it('is not started by a subgraph that was frozen while the request waited in its socket', async () => {
    const token = await platform.tokenFor('follo.adviser');
    const clientId = await followClientId(token);
    const topic = `frozen-${Date.now()}`;
    const regions = platform.processes.regions?.child;
    if (!regions) throw new Error('regions runs as a process');
    const log = regionsLog();

    regions.kill('SIGSTOP');
    let answer: Awaited<ReturnType<typeof platform.post>>;
    try {
      answer = await platform.post(logSession, sessionInput(clientId, topic), { token });
    } finally {
      regions.kill('SIGCONT');
    }
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: subgraphUnavailableCode, service: 'regions' } }),
    ]);

    await outcomeOf(topic, log);
    expect(await sessionsWith(topic)).toBe(0);
  });

  it('rolls back the transaction of a request that was started in time but would commit too late', async () => {
    const token = await platform.tokenFor('follo.adviser');
    const clientId = await followClientId(token);
    const topic = `late-commit-${Date.now()}`;
    const log = regionsLog();

    // The mutation locks its client (FOR SHARE) inside its transaction: holding that row here keeps
    // the transaction open past the gateway's timeout, then lets it run on to its commit.
    await withDatabaseClient(testServerUrl(), platform.databases.regions, async (blocker) => {
      await blocker.query('begin');
      await blocker.query('select id from client where id = $1 for update', [clientId]);
      let answer: Awaited<ReturnType<typeof platform.post>>;
      try {
        answer = await platform.post(logSession, sessionInput(clientId, topic), { token });
      } finally {
        await blocker.query('rollback');
      }
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ extensions: { code: subgraphUnavailableCode, service: 'regions' } }),
      ]);
    });

    await outcomeOf(topic, log);
    expect(await sessionsWith(topic)).toBe(0);
  });

  it('is carried out as before when the subgraph answers in time', async () => {
    const token = await platform.tokenFor('follo.adviser');
    const clientId = await followClientId(token);
    const topic = `in-time-${Date.now()}`;
    const { body } = await platform.post(logSession, sessionInput(clientId, topic), { token });
    expect(body.errors).toBeUndefined();
    expect(await sessionsWith(topic)).toBe(1);
  });
});
