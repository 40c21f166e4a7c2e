// Writes of the regions subgraph: each validates its input and runs in one transaction.
import { badUserInput, forbidden, parseInput, recordAudit, requireRole } from '@etablerer/kit';
import { z } from 'zod';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { ClientSchema, immigrantBackgrounds } from '../entities/client.js';
import { MunicipalitySchema } from '../entities/municipality.js';

const today = () => new Date().toISOString().slice(0, 10);

const registerClientInput = z.object({
  regionId: z.string().min(1),
  municipalityNumber: z.string().regex(/^\d{4}$/, 'a municipality number has four digits'),
  name: z.string().trim().min(1, 'a name is needed').max(200, 'at most 200 characters'),
  email: z.email('not an e-mail address').max(254).nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ]{8,20}$/, 'digits and spaces, 8 to 20, with an optional leading +')
    .nullish(),
  birthYear: z
    .number()
    .int()
    .min(1900, 'no earlier than 1900')
    .refine((year) => year <= new Date().getFullYear(), 'not in the future')
    .nullish(),
  immigrantBackground: z.enum(immigrantBackgrounds),
  registeredOn: z.iso
    .date('a date as YYYY-MM-DD')
    .refine((date) => date <= today(), 'not in the future')
    .nullish(),
});

export const Mutation: MutationResolvers = {
  registerClient: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'ADVISER');
    const data = parseInput(registerClientInput, input);
    if (data.regionId !== caller.regionId) throw forbidden('Advisers register clients in their own region only.');
    return em.transactional(async (tx) => {
      const municipality = await tx.findOne(MunicipalitySchema, { number: data.municipalityNumber });
      if (!municipality || municipality.region.id !== data.regionId) {
        throw badUserInput(
          `input.municipalityNumber: ${data.municipalityNumber} is not a municipality of the region`,
          'input.municipalityNumber',
        );
      }
      const client = tx.create(ClientSchema, {
        region: data.regionId,
        municipality,
        name: data.name,
        email: data.email ?? null,
        phone: data.phone ?? null,
        birthYear: data.birthYear ?? null,
        immigrantBackground: data.immigrantBackground,
        registeredOn: data.registeredOn ?? today(),
      });
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'CREATE', recordType: 'Client', recordId: client.id, detail: 'registerClient' },
      ]);
      return client;
    });
  },
};
