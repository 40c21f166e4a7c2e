// The limit on what the public website's mutations store, held where they store it: per client
// address (as the gateway reports it, or the connection's own), counted per mutation field, in
// this subgraph's database, so it holds straight at the subgraph and across all its instances.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  fragmentsOf,
  isAnonymous,
  publicMutationFieldCount,
  type SubgraphContext,
  tooManyRequests,
} from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface PublicMutationLimit {
  /** Sign-ups and requests for counselling one client address may send in a window. */
  points: number;
  windowSeconds: number;
}

/** The gateway's default too: an office behind one address may send a few; a script may not send hundreds. */
export const publicMutationLimit: PublicMutationLimit = { points: 10, windowSeconds: 10 * 60 };

/**
 * Takes `points` of the key's limit in one statement, or none when they do not all fit: the
 * window's row is locked by the upsert, so parallel requests (from any instance) are counted one
 * after the other and never pass the limit together. Windows that ended are removed on the way,
 * so client addresses are kept no longer than a window lasts.
 *
 * @returns null when the points were taken, else how many seconds until the window ends.
 */
export async function takePoints(
  em: EntityManager,
  key: string,
  points: number,
  limit: PublicMutationLimit,
): Promise<number | null> {
  if (points > limit.points) return limit.windowSeconds;
  const taken: { points: number }[] = await em.execute(
    `with ended as (delete from rate_limit_window where ends_at < now() and key <> ?)
     insert into rate_limit_window as w (key, points, ends_at)
     values (?, ?, now() + make_interval(secs => ?))
     on conflict (key) do update
       set points = case when w.ends_at <= now() then excluded.points else w.points + excluded.points end,
           ends_at = case when w.ends_at <= now() then excluded.ends_at else w.ends_at end
       where w.ends_at <= now() or w.points + excluded.points <= ?
     returning points`,
    [key, key, points, limit.windowSeconds, limit.points],
  );
  if (taken.length > 0) return null;
  const [window]: { seconds: number }[] = await em.execute(
    'select greatest(1, ceil(extract(epoch from ends_at - now())))::int as seconds from rate_limit_window where key = ?',
    [key],
  );
  return window?.seconds ?? 1;
}

/**
 * Refuses, before anything is resolved, an anonymous operation whose public mutation fields (each
 * alias, each field a fragment adds) would take its client address over the limit: RATE_LIMITED
 * with HTTP 429 and Retry-After, and the operation refused whole, so none of its sign-ups is
 * stored and it takes none of what is left.
 */
export function publicMutationLimitPlugin<Context extends SubgraphContext>(
  limit: PublicMutationLimit = publicMutationLimit,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation || !isAnonymous(contextValue.caller)) return;
          const fields = publicMutationFieldCount(operation, fragmentsOf(document));
          if (fields === 0) return;
          const key = `public-mutations:${contextValue.clientAddress}`;
          const waitSeconds = await takePoints(contextValue.em, key, fields, limit);
          if (waitSeconds === null) return;
          const minutes = Math.ceil(waitSeconds / 60);
          throw tooManyRequests(
            fields > 1
              ? `Too many sign-ups and requests from your address: this operation sends ${fields}, more than are left, so none of them was stored. Try again in ${minutes} minute(s).`
              : `Too many sign-ups and requests from your address; this one was not stored. Try again in ${minutes} minute(s).`,
            waitSeconds,
          );
        },
      };
    },
  };
}
