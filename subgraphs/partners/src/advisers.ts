// The advisers a gathering registration may name, and who may register or unregister whom.
// Advisers live in the regions subgraph; this subgraph stores only their ids.
import { type Caller, forbidden, type SubgraphCall } from '@etablerer/kit';

/** An adviser as the regions subgraph knows them: enough to tell who they are and where they work. */
export interface KnownAdviser {
  id: string;
  regionId: string;
  /** The user (token subject) who is this adviser, if any. */
  subject: string | null;
}

const advisersByIdsQuery = `query AdvisersByIds($ids: [ID!]!) {
  advisersByIds(ids: $ids) { id regionId subject }
}`;

/** The most ids regions answers for in one `advisersByIds`. */
export const adviserIdsPerCall = 500;

/**
 * The advisers among `ids` that the regions subgraph, which owns advisers, knows; ids it does not
 * know are left out. The one place that asks: through the request's `knownAdviser` loader, so a
 * request costs one call however many registrations it names. Throws SERVICE_UNAVAILABLE when
 * regions cannot be asked (never a silent "unknown"), or regions' own refusal of the user.
 */
export async function knownAdvisers(call: SubgraphCall, ids: readonly string[]): Promise<Map<string, KnownAdviser>> {
  const known = new Map<string, KnownAdviser>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += adviserIdsPerCall) {
    const { advisersByIds } = await call<{ advisersByIds: KnownAdviser[] }>('regions', advisersByIdsQuery, {
      ids: unique.slice(start, start + adviserIdsPerCall),
    });
    for (const adviser of advisersByIds) known.set(adviser.id, adviser);
  }
  return known;
}

const notYours = () =>
  forbidden(
    'You may register or unregister yourself, or as a municipality officer an adviser of your region; there is no such adviser.',
  );

/**
 * The adviser the caller may register for a gathering, or unregister: an adviser themselves (the
 * adviser whose user is the caller, in the caller's region), or a municipality officer any adviser
 * of the officer's region. An id regions does not know is refused the same way as someone else's,
 * so nobody learns which ids exist elsewhere. Asked before any write: when regions cannot answer,
 * SERVICE_UNAVAILABLE and nothing is written.
 */
export async function adviserTheCallerActsFor(
  caller: Caller,
  knownAdviser: { load(id: string): Promise<KnownAdviser | null> },
  adviserId: string,
): Promise<KnownAdviser> {
  const adviser = await knownAdviser.load(adviserId);
  if (!adviser || !caller.regionId || adviser.regionId !== caller.regionId) throw notYours();
  if (caller.role === 'ADVISER' && adviser.subject === caller.subject) return adviser;
  if (caller.role === 'MUNICIPALITY_OFFICER') return adviser;
  throw notYours();
}
