// Rate limits on what anyone may call without a token: the public website's reads, and above all
// its two mutations, which store personal data and could be used to flood a region's CRM.
// Per client address (the real client's, behind the proxies the gateway trusts: see TRUST_PROXY),
// counted in the gateway's database, where every gateway instance behind the load balancer meets
// the same counts (in this process's memory when the gateway runs without one, in development).
// The regions subgraph, which stores what the mutations send, also holds the mutations' limit
// itself, in its own database.
import type { ApolloServerPlugin } from '@apollo/server';
import { fragmentsOf, publicMutationFieldCount, tooManyRequests } from '@etablerer/kit';
import type pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { publicRateLimitTable } from './gateway-database.js';

export interface PublicLimits {
  /** Sign-ups and requests for counselling per client address and window: each mutation field is one. */
  mutations: { points: number; windowSeconds: number };
  /** Anonymous operations of any kind per client address and window. */
  operations: { points: number; windowSeconds: number };
}

export const defaultPublicLimits: PublicLimits = {
  // An office behind one address may send a few; a script may not send hundreds.
  mutations: { points: 10, windowSeconds: 10 * 60 },
  operations: { points: 300, windowSeconds: 60 },
};

export interface AnonymousRequest {
  /** Null when the request carries no token. */
  caller: unknown;
  clientAddress: string;
}

function refusal(limit: RateLimiterRes, message: string) {
  const seconds = Math.max(1, Math.ceil(limit.msBeforeNext / 1000));
  return tooManyRequests(`${message} Try again in ${Math.ceil(seconds / 60)} minute(s).`, seconds);
}

/**
 * Counts anonymous operations per address, and their public mutation fields (every alias, every
 * field a fragment adds), and refuses those over the limits with RATE_LIMITED. An operation whose
 * fields would go over the limit is refused whole and takes no points: nothing of it is stored,
 * and what is left of the limit stays for a smaller one.
 */
export function publicLimitsPlugin<Context extends AnonymousRequest>(
  limits: PublicLimits = defaultPublicLimits,
  /** The gateway's database (gateway-database.ts); the counts stay in this process without one. */
  store?: pg.Pool,
): ApolloServerPlugin<Context> {
  const limiter = (keyPrefix: string, { points, windowSeconds }: { points: number; windowSeconds: number }) => {
    const options = { keyPrefix, points, duration: windowSeconds };
    if (!store) return new RateLimiterMemory(options);
    return new RateLimiterPostgres({
      ...options,
      storeClient: store,
      storeType: 'pool',
      tableName: publicRateLimitTable,
      tableCreated: true,
      // With the database away the limits still hold, per instance, rather than every anonymous
      // request failing; the counts meet again once it is back.
      insuranceLimiter: new RateLimiterMemory(options),
    }) as RateLimiterAbstract;
  };
  const mutations = limiter('public-mutations', limits.mutations);
  const operations = limiter('public-operations', limits.operations);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation || contextValue.caller !== null) return;
          const key = contextValue.clientAddress;
          try {
            await operations.consume(key);
          } catch (error) {
            if (error instanceof RateLimiterRes) throw refusal(error, 'Too many requests from your address.');
            throw error;
          }
          const fields = publicMutationFieldCount(operation, fragmentsOf(document));
          if (fields === 0) return;
          try {
            await mutations.consume(key, fields);
          } catch (error) {
            if (!(error instanceof RateLimiterRes)) throw error;
            // Refused whole, so the points it would have taken are given back.
            await mutations.reward(key, fields);
            throw refusal(
              error,
              fields > 1
                ? `Too many sign-ups and requests from your address: this operation sends ${fields}, more than are left, so none of them was stored.`
                : 'Too many sign-ups and requests from your address; this one was not stored.',
            );
          }
        },
      };
    },
  };
}
