// Client: personal data, shown only to those the access model allows and audited when read
// from outside the client's region; everything about the client goes through loaders.
import { canSeePersonalDataIn, checkPage, checkYear, forbidden, page, readsFromOutside } from '@etablerer/kit';
import type { ClientResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { Client as ClientEntity } from '../entities/client.js';

/** The same answer whether the client is hidden or does not exist, so nothing leaks. */
export const clientNotVisible = () => forbidden('You may not see this client, or there is no client with this id.');

/** Logs the reads of clients' personal data that come from outside the clients' regions. */
export function auditReads(
  { audit, caller }: Pick<Context, 'audit' | 'caller'>,
  clients: ClientEntity[],
  detail: string,
) {
  return audit(
    clients
      .filter((client) => readsFromOutside(caller, client.region.id))
      .map((client) => ({ operation: 'READ' as const, recordType: 'Client', recordId: client.id, detail })),
  );
}

/** One client by id for the caller, or FORBIDDEN; the read is audited. */
export async function visibleClient(context: Context, id: string, detail: string) {
  const client = await context.loaders.client.load(id);
  if (!client || !canSeePersonalDataIn(context.caller, client.region.id)) throw clientNotVisible();
  await auditReads(context, [client], detail);
  return client;
}

export const Client: ClientResolvers = {
  __resolveReference: ({ id }, context) => visibleClient(context, id, 'client reference'),
  region: async (client, _args, { loaders }) => {
    const region = await loaders.region.load(client.region.id);
    if (!region) throw new Error(`Client ${client.id} has no region`);
    return region;
  },
  municipality: async (client, _args, { loaders }) => {
    const municipality = await loaders.municipality.load(client.municipality.number);
    if (!municipality) throw new Error(`Client ${client.id} has no municipality`);
    return municipality;
  },
  erasedAt: (client) => client.erasedAt?.toISOString() ?? null,
  mergedInto: (client, _args, context) =>
    client.mergedIntoId ? visibleClient(context, client.mergedIntoId, 'merged client') : null,
  businesses: (client, _args, { loaders }) => loaders.businessesOfClient.load(client.id),
  milestones: (client, _args, { loaders }) => loaders.milestonesOfClient.load(client.id),
  counsellingSessions: (client, _args, { loaders }) => loaders.sessionsOfClient.load(client.id),
  counsellingSessionPage: async (client, { first, offset }, { loaders }) => {
    const { limit } = checkPage(first, offset);
    const { items, totalCount } = await loaders.sessionPageOfClient.load({ clientId: client.id, limit, offset });
    return page(items, totalCount, offset);
  },
  impactRecords: (client, _args, { loaders }) => loaders.impactRecordsOfClient.load(client.id),
  counsellingHours: (client, { year }, { loaders }) =>
    loaders.counsellingHours.load({ clientId: client.id, year: checkYear(year) }),
  followUps: (client, _args, { loaders }) => loaders.followUpsOfClient.load(client.id),
  links: (client, _args, { loaders }) => loaders.linksOfClient.load(client.id),
  enrolments: (client, _args, { loaders }) => loaders.enrolmentsOfClient.load(client.id),
  possibleDuplicates: async (client, _args, { loaders }) => {
    const ids = await loaders.possibleDuplicates.load(client.id);
    const duplicates = await loaders.client.loadMany(ids);
    return duplicates.filter((duplicate): duplicate is ClientEntity => !!duplicate && !(duplicate instanceof Error));
  },
};
