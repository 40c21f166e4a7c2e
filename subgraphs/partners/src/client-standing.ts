// Whose client an id is: before partners records anything about a client, the regions subgraph
// (which owns clients) confirms, by its own access rules for the same user, that the caller may
// act for the client and that the client's data may still be shared.
import { conflict, forbidden, notFound, type SubgraphCall } from '@etablerer/kit';

const clientStandingQuery = `query ClientStanding($id: ID!) {
  clientStanding(id: $id) { id regionId erased mergedIntoId }
}`;

interface ClientStanding {
  id: string;
  regionId: string;
  erased: boolean;
  mergedIntoId: string | null;
}

/**
 * Refuses unless `clientId` is a client of `regionId` the caller may act for and not erased:
 * FORBIDDEN (regions refused the caller, or another region's client), NOT_FOUND, CONFLICT (erased,
 * or merged into another record); SERVICE_UNAVAILABLE when regions cannot be asked.
 */
export async function requireClientStanding(call: SubgraphCall, clientId: string, regionId: string): Promise<void> {
  const { clientStanding: standing } = await call<{ clientStanding: ClientStanding | null }>(
    'regions',
    clientStandingQuery,
    { id: clientId },
  );
  if (!standing) throw notFound('There is no client with this id.');
  if (standing.regionId !== regionId) throw forbidden(`The client is not a client of the region ${regionId}.`);
  if (standing.erased) throw conflict("The client's personal data was erased: nothing more about them can be shared.");
  if (standing.mergedIntoId) {
    throw conflict('This client record was merged into another; use that one.', {
      mergedIntoId: standing.mergedIntoId,
    });
  }
}
