// The regions subgraph's executable schema: SDL from schema.graphql, resolvers from ./resolvers,
// and every read of a field marked @personalData audited (see the kit's personal-data-audit.ts).
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { auditPersonalDataReads } from '@etablerer/kit';
import { parse } from 'graphql';
import type { Context } from './context.js';
import type { AppointmentBooking } from './entities/appointment-booking.js';
import type { Client } from './entities/client.js';
import type { WebsiteRequest } from './entities/website-request.js';
import { resolvers } from './resolvers/index.js';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export const schema = auditPersonalDataReads<Context>(
  buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }),
  {
    Client: (client: Client) => ({ recordType: 'Client', recordId: client.id, regionId: client.region.id }),
    // Its message is the client's: the entry names the client, as the list's entries do.
    WebsiteRequest: (request: WebsiteRequest) => ({
      recordType: 'Client',
      recordId: request.client.id,
      regionId: request.region.id,
    }),
    // A booking is the client's too: the entry names the client, with the client's region.
    AppointmentBooking: async (booking: AppointmentBooking, context: Context) => ({
      recordType: 'Client',
      recordId: booking.client.id,
      regionId: (await context.loaders.client.load(booking.client.id))?.region.id ?? null,
    }),
  },
);
