// A link from a client to an established business or competence environment (§5.2.1).
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ClientSchema } from './client.js';

export const linkKinds = ['MENTOR', 'ESTABLISHED_BUSINESS', 'CLUSTER', 'INCUBATOR', 'COMPETENCE_ENVIRONMENT'] as const;
export type LinkKind = (typeof linkKinds)[number];

export const ClientLinkSchema = defineEntity({
  name: 'ClientLink',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    client: p.manyToOne(ClientSchema).index(),
    kind: p.enum(linkKinds as unknown as LinkKind[]),
    name: p.string().length(200),
    since: p.date(),
  }),
});

export type ClientLink = InferEntity<typeof ClientLinkSchema>;
