// Faults injected into the stack `pnpm start` runs (its supervisor on, an embedded PostgreSQL of
// this test's own), under load through the gateway: PostgreSQL killed with SIGKILL under writes, a
// subgraph killed under reads, a subgraph frozen with mutations in flight, a subgraph restarted
// under reads and writes. What the users were told is checked against what the databases hold, and
// the figures are printed at the end. FAULT_WRITES (300 by default) scales the writes up.

import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLAnswer, type OwnStack, startOwnStack } from '../support/stack.js';

const plannedWrites = Number(process.env.FAULT_WRITES ?? 300);
if (!Number.isInteger(plannedWrites) || plannedWrites < 30) throw new Error('FAULT_WRITES is a whole number from 30');
/** No run sends more than this, whatever happens: the load loops end by themselves. */
const maxRequests = plannedWrites * 5 + 2_000;
/** The gateway's time limit on a subgraph call, low so the frozen subgraph is given up on soon. */
const subgraphTimeoutMs = 5_000;
/** Each fault's time limit, for the run's size: the load loops end by themselves well before it. */
const faultTimeoutMs = 120_000 + plannedWrites * 300;
/** A writer or reader that was refused waits this long before its next request, so an outage does not use up the run. */
const pauseAfterFailureMs = 100;

const overview = readFileSync(
  new URL('../../schema/operations/coordination-overview.graphql', import.meta.url),
  'utf8',
);
const logSession = `mutation FaultLogSession($input: LogCounsellingSessionInput!) {
  logCounsellingSession(input: $input) { id topic }
}`;
const listRegions = 'query FaultRegions { regions { id name } }';

let own: OwnStack;
let clientId: string;
/** What each service wrote, by service (LOG_LEVEL warn). */
const output: Record<string, string> = {};
/** One line per fault, printed at the end. */
const figures: string[] = [];

beforeAll(async () => {
  own = await startOwnStack('postgres-faults-test', {
    output: 'pipe',
    env: { LOG_LEVEL: 'warn', SUBGRAPH_TIMEOUT_MS: String(subgraphTimeoutMs) },
  });
  own.stack.events.on('output', (name, text) => {
    output[name] = (output[name] ?? '') + text;
  });
  const { body } = await own.post<{ clients: { items: { id: string }[] } }>(
    'follo.adviser',
    'query FaultClient { clients(regionId: "follo", first: 1) { items { id } } }',
  );
  const id = body.data?.clients.items[0]?.id;
  if (!id) throw new Error('the demo data has no client in Follo');
  clientId = id;
  // A steady state, as in production: without it, each crash recovery would replay the WAL of
  // the whole demo seeding, and the kill's figures would measure the seeding.
  await own.rows('postgres', 'checkpoint');
}, 300_000);

afterAll(async () => {
  await own?.stop();
  // FAULT_LOG_DIR keeps what each service logged, for a failure's post-mortem.
  const logDir = process.env.FAULT_LOG_DIR;
  if (logDir) {
    mkdirSync(logDir, { recursive: true });
    for (const [name, text] of Object.entries(output)) writeFileSync(`${logDir}/${name}.log`, text);
  }
  if (figures.length > 0) {
    console.log(
      `\nFault injection (FAULT_WRITES=${plannedWrites}):\n${figures.map((line) => `  ${line}`).join('\n')}\n`,
    );
  }
}, 120_000);

/** One counselling session logged through the gateway, with a topic and an Idempotency-Key of its own. */
interface Write {
  topic: string;
  key: string;
  /** 'OK' when acknowledged (HTTP 200, the session in the answer, no error), else the error's code. */
  outcome?: string;
  /** The first error's message, when there was one. */
  message?: string;
  startedAt?: number;
  endedAt?: number;
}

let writeCount = 0;
function newWrite(fault: string): Write {
  writeCount += 1;
  const topic = `fault-${fault}-${writeCount}`;
  return { topic, key: `key-${topic}` };
}

/** The outcome of an answer: 'OK' when it has data and no error, else its first error's code. */
function outcomeOf({ status, body }: GraphQLAnswer<unknown>, ok: boolean): string {
  if (status === 200 && ok && !body.errors) return 'OK';
  return body.errors?.[0]?.extensions?.code ?? `HTTP ${status}`;
}

async function sendWrite(write: Write): Promise<string> {
  write.message = undefined;
  try {
    const answer = await own.post<{ logCounsellingSession: { id: string; topic: string } }>(
      'follo.adviser',
      logSession,
      { input: { clientId, date: '2025-03-04', durationMinutes: 30, form: 'PHONE', topic: write.topic } },
      { 'idempotency-key': write.key },
    );
    write.message = answer.body.errors?.[0]?.message;
    return outcomeOf(answer, answer.body.data?.logCounsellingSession?.topic === write.topic);
  } catch (error) {
    return `FETCH ${(error as Error).message}`;
  }
}

/** Runs `workers` loops, each taking the next task until `next` gives none. */
async function runLoad<Task>(workers: number, next: () => Task | undefined, work: (task: Task) => Promise<void>) {
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let task = next(); task !== undefined; task = next()) await work(task);
    }),
  );
}

/** Counts of each value. */
function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const show = (counts: Record<string, number>) =>
  Object.keys(counts).length === 0
    ? 'none'
    : Object.entries(counts)
        .map(([code, count]) => `${count} ${code}`)
        .join(', ');

/** How often each topic of `writes` is stored, and whether its key was claimed (same transaction). */
async function storedState(writes: Write[]) {
  const sessions = await own.rows<{ topic: string; count: number }>(
    'regions',
    'select topic, count(*)::int as count from counselling_session where topic = any($1) group by topic',
    [writes.map((write) => write.topic)],
  );
  const keys = await own.rows<{ key: string }>('regions', 'select key from idempotency_key where key = any($1)', [
    writes.map((write) => write.key),
  ]);
  const stored = new Map(sessions.map((row) => [row.topic, row.count]));
  const claimed = new Set(keys.map((row) => row.key));
  return {
    count: (write: Write) => stored.get(write.topic) ?? 0,
    claimed: (write: Write) => claimed.has(write.key),
    total: sessions.reduce((sum, row) => sum + row.count, 0),
  };
}

/** The audit entries logCounsellingSession writes, one per session in the session's transaction. */
async function sessionAuditEntries(): Promise<number> {
  const [row] = await own.rows<{ count: number }>(
    'regions',
    `select count(*)::int as count from audit_entry where detail = 'logCounsellingSession'`,
  );
  return row?.count ?? 0;
}

/**
 * What the users were told against what is stored: every acknowledged write stored once, none twice,
 * none half-written (the session, its audit entry and its idempotency key are one transaction).
 */
async function checkWrites(writes: Write[], auditBefore: number) {
  const state = await storedState(writes);
  const acked = writes.filter((write) => write.outcome === 'OK');
  const lost = acked.filter((write) => state.count(write) !== 1);
  const twice = writes.filter((write) => state.count(write) > 1);
  const halfWritten = writes.filter((write) => state.count(write) > 0 !== state.claimed(write));
  const auditWritten = (await sessionAuditEntries()) - auditBefore;
  expect(lost.map((write) => write.topic)).toEqual([]);
  expect(twice.map((write) => write.topic)).toEqual([]);
  expect(halfWritten.map((write) => write.topic)).toEqual([]);
  expect(auditWritten).toBe(state.total);
  return {
    acked: acked.length,
    stored: state.total,
    halfWritten: halfWritten.length + Math.abs(auditWritten - state.total),
    storedUnacked: writes.filter((write) => write.outcome !== 'OK' && state.count(write) > 0).length,
    failures: tally(writes.flatMap((write) => (write.outcome === 'OK' ? [] : [write.outcome ?? 'not sent']))),
  };
}

/** Where each service's output stands now. */
const logMark = () => Object.fromEntries(Object.entries(output).map(([name, text]) => [name, text.length]));

/** Lines the services logged since `mark` that report a bug rather than a fault of the surroundings. */
const bugsLoggedSince = (mark: Record<string, number>) =>
  Object.entries(output).flatMap(([name, text]) =>
    text
      .slice(mark[name] ?? 0)
      .split('\n')
      .filter((line) => /unexpected error/i.test(line))
      .map((line) => `${name}: ${line.slice(0, 300)}`),
  );

/** The writes that failed otherwise than because a service or the database was away, with their messages. */
const unexpectedFailures = (writes: Write[]) =>
  writes.flatMap(({ outcome, message }) =>
    outcome === 'OK' || /^(SERVICE|SUBGRAPH)_UNAVAILABLE$/.test(outcome ?? '') ? [] : [`${outcome}: ${message}`],
  );

/**
 * Sends every write that was not acknowledged again with its own Idempotency-Key until it is: a
 * repeat of one stored meanwhile gets its first answer; one still "being carried out" (its key
 * claimed, its answer not stored) is asked again a few times and then counted as answer lost.
 */
async function retryFailed(writes: Write[]) {
  let answersLost = 0;
  const failed = writes.filter((write) => write.outcome !== 'OK');
  const pending = [...failed];
  await runLoad(
    8,
    () => pending.shift(),
    async (write) => {
      for (let attempt = 1; ; attempt += 1) {
        write.outcome = await sendWrite(write);
        if (write.outcome === 'OK') return;
        // A service still slow after the fault is asked again, as a client would.
        expect(['CONFLICT', 'SERVICE_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE']).toContain(write.outcome);
        if (attempt === 20) {
          expect(write.outcome).toBe('CONFLICT');
          answersLost += 1;
          return;
        }
        await sleep(pauseAfterFailureMs);
      }
    },
  );
  return { retried: failed.length, answersLost };
}

describe('faults injected into the running stack', () => {
  it(
    'PostgreSQL killed with SIGKILL under concurrent writes: every acknowledged write is stored, whole',
    async () => {
      const auditBefore = await sessionAuditEntries();
      const logged = logMark();
      const writes: Write[] = [];
      let acked = 0;
      let killedAt: number | undefined;
      let backAt: number | undefined;
      let firstAckAfterKill: number | undefined;
      let watching: Promise<void> | undefined;

      const kill = () => {
        killedAt = performance.now();
        own.killPostgres();
        // When PostgreSQL takes connections again: first gone, then back (the stack restarts it).
        watching = (async () => {
          while (await own.postgresAnswers()) await sleep(10);
          while (!(await own.postgresAnswers())) await sleep(10);
          backAt = performance.now();
        })();
      };
      const next = () => {
        if (writes.length >= maxRequests) return undefined;
        if (writes.length >= plannedWrites && firstAckAfterKill !== undefined) return undefined;
        const write = newWrite('pg-kill');
        writes.push(write);
        return write;
      };
      await runLoad(8, next, async (write) => {
        write.startedAt = performance.now();
        write.outcome = await sendWrite(write);
        write.endedAt = performance.now();
        if (write.outcome !== 'OK') return void (await sleep(pauseAfterFailureMs));
        acked += 1;
        if (killedAt === undefined && acked >= plannedWrites / 3) kill();
        else if (killedAt !== undefined && firstAckAfterKill === undefined && write.startedAt > killedAt) {
          firstAckAfterKill = write.endedAt;
        }
      });
      await watching;
      expect(killedAt).toBeDefined();
      expect(firstAckAfterKill).toBeDefined();

      const result = await checkWrites(writes, auditBefore);
      // A write failed only because the database was away, and was told so by regions, which ran on.
      expect(Object.keys(result.failures).filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
      expect(unexpectedFailures(writes)).toEqual([]);
      expect(bugsLoggedSince(logged)).toEqual([]);
      const retry = await retryFailed(writes);
      const afterRetry = await storedState(writes);
      expect(writes.filter((write) => afterRetry.count(write) !== 1).map((write) => write.topic)).toEqual([]);

      const recoveredMs = Math.max(0, (firstAckAfterKill ?? 0) - (backAt ?? 0));
      figures.push(
        `postgres kill -9: ${writes.length} writes, ${result.acked} acked, ${result.stored} stored ` +
          `(${result.storedUnacked} stored though reported failed), ${result.halfWritten} half-written; ` +
          `failed: ${show(result.failures)}; PostgreSQL back ${Math.round((backAt ?? 0) - (killedAt ?? 0))} ms ` +
          `after the kill, writes acknowledged again ${Math.round(recoveredMs)} ms after it was back; ` +
          `${retry.retried} retried with their keys: each stored exactly once (${retry.answersLost} answers lost)`,
      );
    },
    faultTimeoutMs,
  );

  it(
    'a subgraph killed with SIGKILL under reads: partial answers naming it, restarted, complete again',
    async () => {
      const pid = own.stack.pids.partners;
      if (!pid) throw new Error('partners has no process');
      const answers: string[] = [];
      let restarted = false;
      let afterRestart = 0;
      const readOverview = async () => {
        const { status, body } = await own.post<{ regions: unknown[]; gatherings: unknown[] | null }>(
          'coordination.member',
          overview,
          { year: 2024 },
        );
        const errors = body.errors ?? [];
        if (status === 200 && errors.length === 0 && body.data?.regions.length === 13 && body.data.gatherings) {
          return 'complete';
        }
        // Partners' fields are null where its fetches failed (all of them while it is down; the
        // first ones only when it came back during the query plan), and one error names it.
        const partial =
          status === 200 &&
          body.data?.regions.length === 13 &&
          errors.length === 1 &&
          errors[0]?.extensions?.code === 'SUBGRAPH_UNAVAILABLE' &&
          errors[0].extensions.service === 'partners';
        return partial ? 'partial' : `other: ${JSON.stringify(errors.map((error) => error.extensions))}`;
      };

      const exited = once(own.stack.events, 'exited');
      const back = once(own.stack.events, 'restarted');
      const readers = runLoad(
        3,
        () => (answers.length < maxRequests && afterRestart < 20 ? true : undefined),
        async () => {
          const kind = await readOverview();
          answers.push(kind);
          if (restarted) afterRestart += 1;
          if (kind !== 'complete') await sleep(pauseAfterFailureMs);
        },
      );
      while (answers.length < 8) await sleep(10);
      const killedAt = performance.now();
      process.kill(pid, 'SIGKILL');
      const [exitedName, exit] = await exited;
      expect([exitedName, exit.signal]).toEqual(['partners', 'SIGKILL']);
      // Dead and not yet back: the answer is partial, with one error naming partners.
      expect(await readOverview()).toBe('partial');
      const [restartedName] = await back;
      const restartMs = performance.now() - killedAt;
      restarted = true;
      expect(restartedName).toBe('partners');
      await readers;
      expect(await readOverview()).toBe('complete');

      const counts = tally(answers);
      expect(Object.keys(counts).filter((kind) => kind !== 'complete' && kind !== 'partial')).toEqual([]);
      figures.push(
        `partners SIGKILL under 3 readers: ${answers.length} overviews, ${counts.complete ?? 0} complete, ` +
          `${counts.partial ?? 0} partial with one SUBGRAPH_UNAVAILABLE (partners), 0 other; ` +
          `restarted by the supervisor ${Math.round(restartMs)} ms after the kill, complete again`,
      );
    },
    faultTimeoutMs,
  );

  it(
    'a subgraph frozen with mutations in flight: given up on, not stored after SIGCONT, stored once on retry',
    async () => {
      const pid = own.stack.pids.regions;
      if (!pid) throw new Error('regions has no process');
      const auditBefore = await sessionAuditEntries();
      const writes = Array.from({ length: 5 }, () => newWrite('freeze'));
      const refusedBefore = (output.regions?.match(/deadline has passed/g) ?? []).length;
      // As many requests at once as will be in flight: the gateway then has a connection to regions
      // open for each (accepted before the freeze), and the writes wait in those sockets. A write on
      // a connection still in the frozen process's accept queue may be dropped when the gateway gives
      // up, never to reach regions at all, and then nothing would log its refusal.
      await Promise.all(writes.map(() => own.post('coordination.member', listRegions)));

      process.kill(pid, 'SIGSTOP');
      const startedAt = performance.now();
      try {
        for (const [index, outcome] of (await Promise.all(writes.map(sendWrite))).entries()) {
          (writes[index] as Write).outcome = outcome;
        }
      } finally {
        process.kill(pid, 'SIGCONT');
      }
      const gaveUpMs = performance.now() - startedAt;
      expect(writes.map((write) => write.outcome)).toEqual(writes.map(() => 'SUBGRAPH_UNAVAILABLE'));

      // Regions, running again, deals with the requests that waited in its socket: it logs each one
      // it refuses or rolls back past its deadline; a session stored instead ends the wait too.
      await expect
        .poll(
          async () =>
            (output.regions?.match(/deadline has passed/g) ?? []).length - refusedBefore >= writes.length ||
            (await storedState(writes)).total > 0,
          { timeout: 60_000, interval: 50 },
        )
        .toBe(true);
      const afterThaw = await checkWrites(writes, auditBefore);
      expect(afterThaw.stored).toBe(0);

      const retry = await retryFailed(writes);
      const again = await Promise.all(writes.map(sendWrite));
      expect(again).toEqual(writes.map(() => 'OK'));
      const afterRetry = await checkWrites(writes, auditBefore);
      expect(afterRetry.stored).toBe(writes.length);
      figures.push(
        `regions SIGSTOP with ${writes.length} mutations in flight: ${writes.length} SUBGRAPH_UNAVAILABLE after ` +
          `${Math.round(gaveUpMs)} ms (limit ${subgraphTimeoutMs} ms), ${afterThaw.stored} stored after SIGCONT; ` +
          `${retry.retried} retried with the same keys and sent once more: ${afterRetry.stored} stored`,
      );
    },
    faultTimeoutMs,
  );

  it(
    'a subgraph restarted under reads and writes: errors counted by code, no acknowledged write lost',
    async () => {
      const auditBefore = await sessionAuditEntries();
      const writes: Write[] = [];
      const reads: string[] = [];
      const unexpectedReads: string[] = [];
      let acked = 0;
      let restart: Promise<void> | undefined;
      let upAt: number | undefined;
      let downMs = 0;
      let ackAfterRestart = false;
      const done = () =>
        writes.length + reads.length >= maxRequests || (writes.length >= plannedWrites && ackAfterRestart);

      const restartRegions = async () => {
        const stoppingAt = performance.now();
        await own.stack.stopSubgraph('regions');
        await own.stack.startSubgraph('regions');
        upAt = performance.now();
        downMs = upAt - stoppingAt;
      };
      const writers = runLoad(
        4,
        () => {
          if (done()) return undefined;
          const write = newWrite('restart');
          writes.push(write);
          return write;
        },
        async (write) => {
          const startedAt = performance.now();
          write.outcome = await sendWrite(write);
          if (write.outcome !== 'OK') return void (await sleep(pauseAfterFailureMs));
          acked += 1;
          if (upAt !== undefined && startedAt > upAt) ackAfterRestart = true;
          if (!restart && acked >= plannedWrites / 3) restart = restartRegions();
        },
      );
      const readers = runLoad(
        2,
        () => (done() ? undefined : true),
        async () => {
          const answer: GraphQLAnswer<{ regions: unknown[] }> = await own
            .post<{ regions: unknown[] }>('coordination.member', listRegions)
            .catch((error: Error) => ({ status: 0, body: { errors: [{ message: `FETCH ${error.message}` }] } }));
          const outcome = outcomeOf(answer, answer.body.data?.regions.length === 13);
          reads.push(outcome);
          if (!/^(OK|SERVICE_UNAVAILABLE|SUBGRAPH_UNAVAILABLE)$/.test(outcome)) {
            unexpectedReads.push(`${outcome}: ${answer.body.errors?.[0]?.message}`);
          }
          if (outcome !== 'OK') await sleep(pauseAfterFailureMs);
        },
      );
      await Promise.all([writers, readers]);
      await restart;

      const result = await checkWrites(writes, auditBefore);
      const readErrors = tally(reads.filter((outcome) => outcome !== 'OK'));
      expect(unexpectedFailures(writes)).toEqual([]);
      expect(unexpectedReads).toEqual([]);
      figures.push(
        `regions restart (SIGTERM, start) under 4 writers and 2 readers: down ${Math.round(downMs)} ms; ` +
          `${writes.length} writes, ${result.acked} acked, ${result.stored} stored ` +
          `(${result.storedUnacked} stored though reported failed), ${result.halfWritten} half-written, ` +
          `failed: ${show(result.failures)}; ${reads.length} reads, failed: ${show(readErrors)}`,
      );
    },
    faultTimeoutMs,
  );
});
