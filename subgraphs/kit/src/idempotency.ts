// Idempotency keys: a mutation that a caller sends again with the same `Idempotency-Key` (a retry
// after a timeout or a lost answer) is not carried out twice; the repeat gets the first answer.
// Every subgraph keeps the keys in its own database (`idempotency_key`): the key is claimed by an
// insert in the same transaction as the mutation's writes, so either both are stored or neither;
// the answer is stored beside it once it is known.
import { createHash } from 'node:crypto';
import { type ApolloServerPlugin, type BaseContext, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { defineEntity, type EventSubscriber, type InferEntity, type TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { databaseUnavailableMessage, isDatabaseUnavailable } from './database-errors.js';
import { conflict } from './errors.js';
import { logger } from './logger.js';

/** The header a caller names its mutation attempt by; the gateway passes it on to the subgraphs. */
export const idempotencyKeyHeader = 'idempotency-key';

/**
 * How long a key is kept: long enough for any retry, short enough that the answers stored (which
 * may name people) do not outlive their purpose. Older keys are deleted as new ones are claimed.
 */
export const idempotencyKeyLifetimeHours = 24;

/** A key is 1–200 visible ASCII characters (a UUID, say); any other value is refused. */
export const acceptableIdempotencyKey = /^[\x21-\x7e]{1,200}$/;

export const IdempotencyKeySchema = defineEntity({
  name: 'IdempotencyKey',
  properties: (p) => ({
    /** The caller's key, as sent. */
    key: p.string().length(200).primary(),
    /** Whose key: the same key from another caller is another key. */
    subject: p.string().primary(),
    /** SHA-256 of the operation and its variables: the same key for another operation is a CONFLICT. */
    operationHash: p.string().length(64),
    /** The answer the first request got; null while it is being given. */
    response: p.json().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
  indexes: [{ properties: ['createdAt'] }],
});

export type IdempotencyKey = InferEntity<typeof IdempotencyKeySchema>;

/** One request's idempotency key, as the context carries it. */
export interface IdempotentRequest {
  key: string;
  subject: string;
  operationHash: string;
  /** Set by the plugin for a mutation whose key is new: its first commit claims the key. */
  armed: boolean;
  /** Whether a commit of this request claimed the key (so its answer is stored). */
  claimed: boolean;
}

/** The SHA-256 of an operation and its variables. */
export function operationHash(query: unknown, variables: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([typeof query === 'string' ? query : null, variables ?? {}]))
    .digest('hex');
}

const inProgress = () =>
  conflict('A request with this Idempotency-Key is still being carried out; ask again in a moment.');

/**
 * Claims the key in the first transaction of the request that commits: the row is inserted inside
 * that transaction, so it is stored exactly when the mutation's writes are. A concurrent request
 * with the same key waits on the row's unique index until the first one commits or rolls back; if
 * the first committed, the second inserts nothing and rolls back with CONFLICT.
 */
export function idempotencySubscriber(request: IdempotentRequest): EventSubscriber {
  return {
    async beforeTransactionCommit({ em, transaction }: TransactionEventArgs) {
      if (!request.armed || request.claimed) return;
      const connection = (em as EntityManager).getConnection();
      await connection.execute(
        `delete from idempotency_key where created_at < now() - interval '${idempotencyKeyLifetimeHours} hours'`,
        [],
        'run',
        transaction,
      );
      const rows = await connection.execute<{ key: string }[]>(
        'insert into idempotency_key (key, subject, operation_hash) values (?, ?, ?) on conflict do nothing returning key',
        [request.key, request.subject, request.operationHash],
        'all',
        transaction,
      );
      if (rows.length === 0) throw inProgress();
    },
    afterTransactionCommit() {
      if (request.armed) request.claimed = true;
    },
  };
}

interface IdempotencyContext extends BaseContext {
  em: EntityManager;
  idempotency?: IdempotentRequest;
}

function answer(singleResult: FormattedExecutionResult): GraphQLResponse {
  return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
}

const refusal = (error: { message: string; extensions: Record<string, unknown> }): GraphQLResponse =>
  answer({ errors: [{ message: error.message, extensions: error.extensions } as GraphQLFormattedError] });

/**
 * Answers a repeated mutation from the stored answer: the same key by the same caller for the same
 * operation gets the first answer without running again; for another operation, CONFLICT. A new
 * key arms the request, so its commit claims the key, and its answer is stored afterwards.
 */
export function idempotencyPlugin<Context extends IdempotencyContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, contextValue }) {
          const request = contextValue.idempotency;
          if (operation.operation !== 'mutation' || !request) return null;
          let stored: { operation_hash: string; response: FormattedExecutionResult | null } | undefined;
          try {
            [stored] = await contextValue.em
              .getConnection()
              .execute<{ operation_hash: string; response: FormattedExecutionResult | null }[]>(
                `select operation_hash, response from idempotency_key
                  where key = ? and subject = ? and created_at >= now() - interval '${idempotencyKeyLifetimeHours} hours'`,
                [request.key, request.subject],
              );
          } catch (error) {
            // The database is away: the mutation cannot run either. Thrown here, Apollo answered HTTP
            // 500 "Internal server error" for every keyed mutation while PostgreSQL restarted.
            if (!isDatabaseUnavailable(error)) throw error;
            logger.warn({ err: error }, 'database unavailable');
            return refusal({ message: databaseUnavailableMessage, extensions: { code: 'SERVICE_UNAVAILABLE' } });
          }
          if (!stored) {
            request.armed = true;
            return null;
          }
          if (stored.operation_hash !== request.operationHash) {
            return refusal(
              conflict('This Idempotency-Key was used for another operation; send a new key for a new request.'),
            );
          }
          return stored.response ? answer(stored.response) : refusal(inProgress());
        },
        async willSendResponse({ response, contextValue }) {
          const request = contextValue.idempotency;
          if (!request?.claimed || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          try {
            await contextValue.em
              .getConnection()
              .execute('update idempotency_key set response = ? where key = ? and subject = ?', [
                JSON.stringify({ ...(data === undefined ? {} : { data }), ...(errors ? { errors } : {}) }),
                request.key,
                request.subject,
              ]);
          } catch (error) {
            // The mutation is committed: its caller gets its answer. Thrown here, Apollo answered
            // HTTP 500 for a write that was stored. A repeat of the key finds no answer to give and
            // is refused with CONFLICT until the key expires.
            if (!isDatabaseUnavailable(error)) throw error;
            logger.warn({ err: error, key: request.key }, 'the answer to an idempotent mutation was not stored');
          }
        },
      };
    },
  };
}
