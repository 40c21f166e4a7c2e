// Referral: seen only by those the access model allows; reads of its shared client data from
// outside the client's region are audited.
import { type Caller, forbidden, readsFromOutside, recordAudit } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReferralResolvers } from '../__generated__/resolvers-types.js';
import { canSeeReferral } from '../access.js';
import type { Context } from '../context.js';
import type { Referral as ReferralEntity } from '../entities/referral.js';

export const referralNotVisible = () =>
  forbidden('You may not see this referral, or there is no referral with this id.');

export function auditReads(em: EntityManager, caller: Caller, referrals: ReferralEntity[], detail: string) {
  return recordAudit(
    em,
    caller,
    referrals
      .filter((referral) => readsFromOutside(caller, referral.regionId))
      .map((referral) => ({ operation: 'READ' as const, recordType: 'Referral', recordId: referral.id, detail })),
  );
}

export async function visibleReferral({ loaders, caller, em }: Context, id: string, detail: string) {
  const referral = await loaders.referral.load(id);
  if (!referral || !canSeeReferral(caller, referral)) throw referralNotVisible();
  await auditReads(em, caller, [referral], detail);
  return referral;
}

export const Referral: ReferralResolvers = {
  __resolveReference: ({ id }, context) => visibleReferral(context, id, 'referral reference'),
  region: (referral) => ({ id: referral.regionId }),
  client: (referral) => (referral.clientId ? { id: referral.clientId } : null),
  navOffice: (referral, _args, { loaders }) =>
    referral.navOfficeId ? loaders.navOffice.load(referral.navOfficeId).then((office) => office ?? null) : null,
  sharedClientData: (referral) => ({
    name: referral.sharedName,
    email: referral.sharedEmail ?? null,
    phone: referral.sharedPhone ?? null,
  }),
};
