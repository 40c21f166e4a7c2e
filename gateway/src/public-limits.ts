// Rate limits on what anyone may call without a token: the public website's reads, and above all
// its two mutations, which store personal data and could be used to flood a region's CRM.
// Per client address, in this process's memory (one gateway process; a second would share
// limits through rate-limiter-flexible's Redis or PostgreSQL stores instead).
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { fragmentsOf, publicMutations, rateLimited, rootFieldNames } from '@etablerer/kit';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface PublicLimits {
  /** Sign-ups and requests for counselling per client address and window. */
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

function refusal(limit: RateLimiterRes, what: string) {
  const seconds = Math.max(1, Math.ceil(limit.msBeforeNext / 1000));
  const error = rateLimited(
    `Too many ${what} from your address; try again in ${Math.ceil(seconds / 60)} minute(s).`,
    seconds,
  );
  // HTTP's own signal as well, for clients and proxies that read the status rather than the body.
  error.extensions.http = { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) };
  return error;
}

/** Counts anonymous operations per address and refuses those over the limits with RATE_LIMITED. */
export function publicLimitsPlugin<Context extends AnonymousRequest>(
  limits: PublicLimits = defaultPublicLimits,
): ApolloServerPlugin<Context> {
  const mutations = new RateLimiterMemory({
    keyPrefix: 'public-mutations',
    points: limits.mutations.points,
    duration: limits.mutations.windowSeconds,
  });
  const operations = new RateLimiterMemory({
    keyPrefix: 'public-operations',
    points: limits.operations.points,
    duration: limits.operations.windowSeconds,
  });
  const consume = async (limiter: RateLimiterMemory, key: string, what: string) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw refusal(error, what);
      throw error;
    }
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation || contextValue.caller !== null) return;
          await consume(operations, contextValue.clientAddress, 'requests');
          const sendsPersonalData =
            operation.operation === 'mutation' &&
            rootFieldNames(operation, fragmentsOf(document)).some((name) => publicMutations.includes(name));
          if (sendsPersonalData) await consume(mutations, contextValue.clientAddress, 'sign-ups and requests');
        },
      };
    },
  };
}
