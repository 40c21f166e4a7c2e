// A client whose personal data the service erased on request: the id only (it names no one), so
// that nothing new about them is shared with a partner afterwards, from a stale page or a system
// calling the API. The partners subgraph cannot see the regions' client list; this is how it knows.
import { type ErasureReason, erasureReasons, uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const ErasedClientSchema = defineEntity({
  name: 'ErasedClient',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    clientId: p.uuid().index(),
    /**
     * The region whose adviser erased the client, whose referrals stay refused; null when a county
     * officer did, for every region. An adviser cannot block another region's client.
     */
    regionId: p.string().nullable(),
    reason: p.enum(erasureReasons as unknown as ErasureReason[]),
    erasedAt: p.datetime(),
  }),
});

export type ErasedClient = InferEntity<typeof ErasedClientSchema>;
