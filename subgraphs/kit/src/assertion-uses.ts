// The service assertions a subgraph has accepted, kept in its database: every instance of the
// subgraph behind a load balancer refuses an assertion that any of them has seen (a replay), where
// a set in each process's memory let a captured assertion through once per instance.
import { defineEntity } from '@mikro-orm/core';
import type { Orm } from './orm.js';
import type { AssertionUses } from './service-assertion.js';

export const ServiceAssertionUseSchema = defineEntity({
  name: 'ServiceAssertionUse',
  properties: (p) => ({
    /** The assertion's id (`jti`, a UUID the calling service made). */
    jti: p.string().length(100).primary(),
    /** After this the assertion is refused as expired anyway, so the row may go. */
    expiresAt: p.datetime(),
  }),
  indexes: [{ properties: ['expiresAt'] }],
});

/**
 * The uses in the subgraph's database: the insert of the id either claims it or finds it taken
 * (one statement, so two instances given the same assertion at once cannot both accept it).
 * Rows a minute past their expiry (room for the servers' clocks) are deleted as new ones come.
 */
export function assertionUsesInDatabase(orm: () => Orm): AssertionUses {
  return async (jti, expiresAt) => {
    const claimed = await orm()
      .em.getConnection()
      .execute<{ jti: string }[]>(
        `with expired as (
           delete from service_assertion_use where expires_at < now() - interval '1 minute' and jti <> ?
         )
         insert into service_assertion_use (jti, expires_at) values (?, to_timestamp(?))
         on conflict (jti) do nothing returning jti`,
        [jti, jti, expiresAt],
      );
    return claimed.length === 1;
  };
}
