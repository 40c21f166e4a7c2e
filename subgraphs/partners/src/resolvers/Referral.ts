// Referral: seen only by those the access model allows; reads of its shared client data from
// outside the client's region are audited.
import { forbidden, readsFromOutside } from '@etablerer/kit';
import type { ReferralResolvers } from '../__generated__/resolvers-types.js';
import { canSeeReferral } from '../access.js';
import type { Context } from '../context.js';
import type { Referral as ReferralEntity } from '../entities/referral.js';
import { sharedClientDataOf } from '../shared-client-data.js';

export const referralNotVisible = () =>
  forbidden('You may not see this referral, or there is no referral with this id.');

export function auditReads(
  { audit, caller }: Pick<Context, 'audit' | 'caller'>,
  referrals: ReferralEntity[],
  detail: string,
) {
  return audit(
    referrals
      .filter((referral) => readsFromOutside(caller, referral.regionId))
      .map((referral) => ({ operation: 'READ' as const, recordType: 'Referral', recordId: referral.id, detail })),
  );
}

export async function visibleReferral(context: Context, id: string, detail: string) {
  const referral = await context.loaders.referral.load(id);
  if (!referral || !canSeeReferral(context.caller, referral)) throw referralNotVisible();
  await auditReads(context, [referral], detail);
  return referral;
}

export const Referral: ReferralResolvers = {
  __resolveReference: ({ id }, context) => visibleReferral(context, id, 'referral reference'),
  region: (referral) => ({ id: referral.regionId }),
  client: (referral) => (referral.clientId ? { id: referral.clientId } : null),
  navOffice: (referral, _args, { loaders }) =>
    referral.navOfficeId ? loaders.navOffice.load(referral.navOfficeId).then((office) => office ?? null) : null,
  erasedAt: (referral) => referral.erasedAt?.toISOString() ?? null,
  sharedClientData: (referral) => sharedClientDataOf('Referral', referral),
};
