// What callers are told when the database is away, and that bugs are not mistaken for it.
import { ConnectionException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { databaseTooSlowMessage, databaseUnavailableMessage, isDatabaseUnavailable } from '../src/database-errors.js';
import { formatError } from '../src/errors.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a cut connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a restart (57P01 admin_shutdown)', withCode('terminating connection due to administrator command', '57P01')],
    ['a server starting or stopping (57P03)', withCode('the database system is starting up', '57P03')],
    ['a connection exception (class 08)', withCode('connection failure', '08006')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['a connection ended mid-query', new Error('Connection terminated unexpectedly')],
    ['a connection that timed out opening', new Error('Connection terminated due to connection timeout')],
    [
      'a connection ended mid-query, as knex words it (the statement in front)',
      new DriverException(
        new Error("select * from client where id = 'x' limit 1 for share - Connection terminated unexpectedly"),
      ),
    ],
    [
      'no pooled connection in time',
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
        name: 'KnexTimeoutError',
      }),
    ],
    ['MikroORM’s ConnectionException', new ConnectionException(new Error('lost'))],
    ['a driver exception wrapping a restart', new DriverException(withCode('terminating connection', '57P01'))],
    ['a cause chain', new Error('query failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') })],
    [
      'a refusal from every address of a name',
      Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]), {
        code: 'ECONNREFUSED',
      }),
    ],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a unique violation', new UniqueConstraintViolationException(withCode('duplicate key', '23505'))],
    ['a syntax error in SQL', withCode('syntax error at or near "selec"', '42601')],
    ['a check constraint', withCode('new row violates check constraint', '23514')],
    [
      'a bug whose statement holds the words',
      new DriverException(
        new Error(
          `insert into note (text) values ('Connection terminated unexpectedly') - column "text" does not exist`,
        ),
      ),
    ],
    ['nothing', undefined],
  ])('does not take %s for an unavailable database', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('formatError', () => {
  // Apollo hands formatError the resolver's GraphQLError, whose original error it unwraps; the
  // original is passed straight here (vitest may load a second copy of graphql's GraphQLError).
  it('tells the caller the database is away, with SERVICE_UNAVAILABLE, and nothing of the driver', () => {
    const original = withCode('terminating connection due to administrator command', '57P01');
    const formatted = formatError({ message: original.message, path: ['logCounsellingSession'] }, original);
    expect(formatted).toEqual({
      message: databaseUnavailableMessage,
      path: ['logCounsellingSession'],
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('tells the caller a statement the server stopped at its time limit took too long, nothing saved', () => {
    for (const [message, code] of [
      ['canceling statement due to statement timeout', '57014'],
      ['terminating connection due to idle-in-transaction timeout', '25P03'],
    ] as const) {
      const original = new DriverException(withCode(message, code));
      expect(formatError({ message, path: ['updateClient'] }, original)).toEqual({
        message: databaseTooSlowMessage,
        path: ['updateClient'],
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
  });

  it('passes SERVICE_UNAVAILABLE from a subgraph on unchanged (the gateway formats it again)', () => {
    const formatted = { message: databaseUnavailableMessage, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    expect(formatError(formatted, new GraphQLError(databaseUnavailableMessage))).toEqual(formatted);
  });

  it('still answers a bug as an internal error', () => {
    const formatted = formatError({ message: 'boom' }, new TypeError('boom'));
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
