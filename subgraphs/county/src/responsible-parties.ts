// Who the public website names as responsible for the service (§5.2.1): the counties and
// Innovasjon Norge beside each region's contract municipality, from the agreements.

import { partiesOn } from './agreements.js';
import type { Context } from './context.js';
import { AgreementSchema } from './entities/agreement.js';
import type { AgreementParty, PartyKind } from './entities/agreement-party.js';

export interface ResponsibleParty {
  kind: PartyKind;
  name: string;
  regionIds: string[];
}

const shownKinds: readonly PartyKind[] = ['COUNTY', 'INNOVASJON_NORGE', 'CONTRACT_MUNICIPALITY'];

/**
 * Each region's current agreement (the signed one that started most recently, by today; after
 * the last one ended, still the last one, so the website never goes blank between periods) and
 * its parties on today, or on its last day.
 */
export async function responsibleParties({ em, loaders, today }: Context): Promise<ResponsibleParty[]> {
  const day = today();
  const agreements = await em.find(
    AgreementSchema,
    { signedOn: { $ne: null }, validFrom: { $lte: day } },
    { orderBy: { regionId: 'asc', validFrom: 'desc' } },
  );
  // Newest first within a region, so each region's first row is its current agreement.
  const latest = new Map<string, (typeof agreements)[number]>();
  for (const agreement of agreements) if (!latest.has(agreement.regionId)) latest.set(agreement.regionId, agreement);
  const byParty = new Map<string, ResponsibleParty>();
  const partiesPerAgreement = await Promise.all(
    [...latest.values()].map(async (agreement) => ({
      agreement,
      parties: partiesOn(
        await loaders.partiesOfAgreement.load(agreement.id),
        // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; Math.min would make them numbers
        day < agreement.validTo ? day : agreement.validTo,
      ),
    })),
  );
  for (const { agreement, parties } of partiesPerAgreement) {
    for (const party of parties.filter((p: AgreementParty) => shownKinds.includes(p.kind))) {
      const key = `${party.kind}:${party.organisationName}`;
      const entry = byParty.get(key) ?? { kind: party.kind, name: party.organisationName, regionIds: [] };
      if (!entry.regionIds.includes(agreement.regionId)) entry.regionIds.push(agreement.regionId);
      byParty.set(key, entry);
    }
  }
  return [...byParty.values()].sort(
    (a, b) => shownKinds.indexOf(a.kind) - shownKinds.indexOf(b.kind) || a.name.localeCompare(b.name, 'nb'),
  );
}
