// The advisers a gathering registration may name, and who may register or unregister whom.
// Advisers live in the regions subgraph; this subgraph stores only their ids.
import { type Caller, countyScale, demoAdvisers, forbidden, scaleAdvisers } from '@etablerer/kit';

/** An adviser as the regions subgraph knows them: enough to tell who they are and where they work. */
export interface KnownAdviser {
  id: string;
  regionId: string;
  /** The user (token subject) who is this adviser, if any. */
  username: string | null;
}

let referenceAdvisers: Map<string, KnownAdviser> | undefined;

/**
 * The advisers among `ids` that the regions subgraph knows; ids it does not know are left out.
 *
 * The one place that asks. Today it reads the reference data the kit shares with regions:
 * regions has no way to add an adviser at run time, it seeds the demo advisers (and, in the
 * county-scale database, the full county scale's) from these same lists, so the answer is the one
 * regions would give. When partners can make signed calls to regions, this function asks regions
 * instead and nothing else changes.
 */
export async function knownAdvisers(ids: readonly string[]): Promise<Map<string, KnownAdviser>> {
  referenceAdvisers ??= new Map(
    [...demoAdvisers(), ...scaleAdvisers(countyScale)].map((adviser) => [
      adviser.id,
      { id: adviser.id, regionId: adviser.regionId, username: adviser.username },
    ]),
  );
  const known = referenceAdvisers;
  return new Map(ids.flatMap((id) => (known.has(id) ? [[id, known.get(id) as KnownAdviser]] : [])));
}

const notYours = () =>
  forbidden(
    'You may register or unregister yourself, or as a municipality officer an adviser of your region; there is no such adviser.',
  );

/**
 * The adviser the caller may register for a gathering, or unregister: an adviser themselves (the
 * adviser whose user is the caller, in the caller's region), or a municipality officer any adviser
 * of the officer's region. An id regions does not know is refused the same way as someone else's,
 * so nobody learns which ids exist elsewhere.
 */
export async function adviserTheCallerActsFor(caller: Caller, adviserId: string): Promise<KnownAdviser> {
  const adviser = (await knownAdvisers([adviserId])).get(adviserId);
  if (!adviser || !caller.regionId || adviser.regionId !== caller.regionId) throw notYours();
  if (caller.role === 'ADVISER' && adviser.username === caller.subject) return adviser;
  if (caller.role === 'MUNICIPALITY_OFFICER') return adviser;
  throw notYours();
}
