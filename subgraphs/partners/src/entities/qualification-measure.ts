// A qualification measure for immigrants run by a municipality or NAV, its participants (clients
// of the service) and the organisations expert in entrepreneur training for immigrants it works with.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const organiserKinds = ['MUNICIPALITY', 'NAV'] as const;
export type OrganiserKind = (typeof organiserKinds)[number];

export const ExpertOrganisationSchema = defineEntity({
  name: 'ExpertOrganisation',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    name: p.string().length(200).unique(),
    description: p.text().nullable(),
  }),
});

export type ExpertOrganisation = InferEntity<typeof ExpertOrganisationSchema>;

export const QualificationMeasureSchema = defineEntity({
  name: 'QualificationMeasure',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    name: p.string().length(200),
    organiserKind: p.enum(organiserKinds as unknown as OrganiserKind[]),
    /** The municipality's or NAV office's name. */
    organiserName: p.string().length(200),
    regionId: p.string().index(),
    startsOn: p.date(),
    endsOn: p.date(),
    /** Client ids (regions subgraph) taking part. */
    participantClientIds: p.array().default([]),
    partners: p.manyToMany(ExpertOrganisationSchema),
    version: p.integer().version(),
  }),
});

export type QualificationMeasure = InferEntity<typeof QualificationMeasureSchema>;
