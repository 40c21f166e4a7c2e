// The agreements' rows a request reads, kept in this process while the data they come from is unchanged.
// The coordination overview reads every region's agreements, notices, funding, payments, submissions and
// parties: ten statements and most of the county subgraph's time per overview, for data that changes a
// few times a year. Each request reads the data's generation instead (entities/data-generation.ts; one
// statement), which the database's triggers renew in the same transaction as any change to those tables,
// and takes a kept row only when it was read under that generation. The generation is read before the
// rows, so a change committed in between leaves the rows kept under the older generation: the next request
// reads them again. Each process keeps its own; the database says to all of them what changed.
//
// Only the request's own loaders keep rows: a transaction's (createLoaders(tx)) read through it, and what
// is kept is plain data, never an entity of another request's EntityManager. Nothing here depends on the
// day or on who asks: statuses are judged from the rows against `today`, and access is checked by the
// resolvers, on every request.

import type { Orm } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

interface Kept {
  generation: string;
  value: unknown;
}

/** Kept values per database (one ORM's driver), by `loader:key`. */
const keptOf = new WeakMap<object, Map<string, Kept>>();
/** At most this many values kept per database; the oldest kept go first. */
const maxKept = 20_000;

/** Transactions this process has committed: a request reads the generation again after one (its own write). */
let commits = 0;
const counting = new WeakSet<object>();

/** Counts the ORM's commits (once per ORM), so a request that wrote reads the generation it made. */
export function countCommits(orm: Orm): void {
  if (counting.has(orm)) return;
  counting.add(orm);
  orm.em.getEventManager().registerSubscriber({
    afterTransactionCommit() {
      commits += 1;
    },
  });
}

/** The agreements' data generation, read once per request (and again after a commit in this process). */
export function generationReader(em: EntityManager): () => Promise<string | undefined> {
  let read: { commits: number; generation: Promise<string | undefined> } | undefined;
  return () => {
    if (!read || read.commits !== commits) {
      read = {
        commits,
        generation: em
          .execute<{ generation: string }[]>(
            `select generation::text as generation from data_generation where name = 'agreements'`,
          )
          .then((rows) => rows[0]?.generation),
      };
    }
    return read.generation;
  };
}

/**
 * A loader that answers from the values kept under the current generation and loads the others through
 * `inner` (in one batch), keeping them as `copy` makes them: plain data that outlives the request.
 */
export function keptLoader<Key, Value>(
  em: EntityManager,
  generation: () => Promise<string | undefined>,
  name: string,
  inner: DataLoader<Key, Value, string>,
  keyOf: (key: Key) => string,
  copy: (value: Value) => Value = (value) => value,
): DataLoader<Key, Value, string> {
  return new DataLoader<Key, Value, string>(
    async (keys) => {
      const driver = em.getDriver();
      const kept = keptOf.get(driver) ?? new Map<string, Kept>();
      keptOf.set(driver, kept);
      const current = await generation();
      const answer: (Value | Error)[] = new Array(keys.length);
      const missing: number[] = [];
      keys.forEach((key, index) => {
        const entry = kept.get(`${name}:${keyOf(key)}`);
        if (current !== undefined && entry?.generation === current) answer[index] = entry.value as Value;
        else missing.push(index);
      });
      if (missing.length === 0) return answer;
      const loaded = await inner.loadMany(missing.map((index) => keys[index] as Key));
      missing.forEach((index, position) => {
        const value = loaded[position] as Value | Error;
        if (value instanceof Error || current === undefined) {
          answer[index] = value;
          return;
        }
        const plain = copy(value);
        answer[index] = plain;
        const cacheKey = `${name}:${keyOf(keys[index] as Key)}`;
        kept.delete(cacheKey);
        kept.set(cacheKey, { generation: current, value: plain });
        if (kept.size > maxKept) kept.delete(kept.keys().next().value as string);
      });
      return answer;
    },
    { cacheKeyFn: keyOf },
  );
}
