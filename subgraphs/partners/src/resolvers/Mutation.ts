// Writes of the partners subgraph: each validates its input and runs in one transaction.
import { forbidden, parseInput, recordAudit, requireRole } from '@etablerer/kit';
import { z } from 'zod';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { GatheringSchema } from '../entities/gathering.js';
import { ReferralSchema } from '../entities/referral.js';

const today = () => new Date().toISOString().slice(0, 10);
const pastDate = z.iso.date('a date as YYYY-MM-DD').refine((date) => date <= today(), 'not in the future');

const sendReferralInput = z.object({
  clientId: z.uuid('not a client id'),
  direction: z.enum(['TO_INNOVASJON_NORGE', 'TO_NAV'], 'the service refers to TO_INNOVASJON_NORGE or TO_NAV'),
  consentGivenOn: pastDate,
  sharedClientData: z.object({
    name: z.string().trim().min(1, 'a name is needed').max(200, 'at most 200 characters'),
    email: z.email('not an e-mail address').max(254).nullish(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ]{8,20}$/, 'digits and spaces, 8 to 20, with an optional leading +')
      .nullish(),
  }),
  note: z.string().max(2000, 'at most 2000 characters').nullish(),
});

const createGatheringInput = z.object({
  title: z.string().trim().min(1, 'a title is needed').max(200, 'at most 200 characters'),
  date: z.iso.date('a date as YYYY-MM-DD'),
  location: z.string().trim().min(1).max(200, 'at most 200 characters').nullish(),
  online: z.boolean(),
  description: z.string().max(5000, 'at most 5000 characters').nullish(),
});

export const Mutation: MutationResolvers = {
  sendReferral: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'ADVISER');
    if (!caller.regionId) throw forbidden('An adviser refers clients of their own region; this user has no region.');
    const data = parseInput(sendReferralInput, input);
    return em.transactional(async (tx) => {
      const referral = tx.create(ReferralSchema, {
        direction: data.direction,
        regionId: caller.regionId as string,
        clientId: data.clientId,
        sharedName: data.sharedClientData.name,
        sharedEmail: data.sharedClientData.email ?? null,
        sharedPhone: data.sharedClientData.phone ?? null,
        consentGivenOn: data.consentGivenOn,
        sentOn: today(),
        status: 'SENT',
        note: data.note ?? null,
      });
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'CREATE', recordType: 'Referral', recordId: referral.id, detail: 'sendReferral' },
      ]);
      return referral;
    });
  },

  createGathering: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'INNOVASJON_NORGE', 'COUNTY_OFFICER');
    const data = parseInput(createGatheringInput, input);
    return em.transactional(async (tx) => {
      const gathering = tx.create(GatheringSchema, {
        title: data.title,
        date: data.date,
        location: data.location ?? null,
        online: data.online,
        description: data.description ?? null,
      });
      await tx.flush();
      return gathering;
    });
  },
};
