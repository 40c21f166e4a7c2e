// Request deadlines: the gateway gives up on a subgraph after its timeout and tells the user the
// write failed (SUBGRAPH_UNAVAILABLE). A subgraph that was frozen or too slow must not carry the
// write out afterwards, or a retry stores it twice. So the calling service sends the moment it will
// give up (`x-request-deadline`, epoch milliseconds, bound into its signed assertion so it cannot
// be stripped or pushed back), and the subgraph neither starts a request past it nor commits a
// transaction past it: the transaction rolls back instead.
import type { EventSubscriber } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { logger } from './logger.js';

/** The header with the moment (epoch ms) the calling service stops waiting for the answer. */
export const requestDeadlineHeader = 'x-request-deadline';

/** The code of the refusal: the caller has given up, nothing was changed, the same request may be sent again. */
export const deadlinePassedCode = 'SERVICE_UNAVAILABLE';

export function deadlinePassed(): GraphQLError {
  return new GraphQLError(
    'The caller stopped waiting for this request before it could be completed; nothing was changed. Try again.',
    { extensions: { code: deadlinePassedCode, reason: 'DEADLINE_PASSED' } },
  );
}

/** Whether `deadline` has passed (a request without one has all the time it needs). */
export function isPastDeadline(deadline: number | undefined, now = Date.now()): boolean {
  return deadline !== undefined && now >= deadline;
}

/**
 * Rolls back every top-level transaction of one request's EntityManager that would commit after
 * its deadline. Registered on the request's own fork (whose event manager every `em.transactional`
 * fork and every implicit flush transaction clones), it runs in MikroORM's commit just before
 * COMMIT is sent; what it throws makes the connection roll the transaction back and reaches the
 * resolver's caller as the error. So a resolver needs nothing of its own, and no write of a request
 * the caller has given up on is committed, whichever resolver made it. (A commit that starts just
 * before the deadline may still finish after it: idempotency keys cover that narrow case.)
 */
export function deadlineSubscriber(deadline: number): EventSubscriber {
  return {
    beforeTransactionCommit() {
      if (!isPastDeadline(deadline)) return;
      logger.warn({ deadline }, 'transaction rolled back: its request’s deadline has passed');
      throw deadlinePassed();
    },
  };
}
