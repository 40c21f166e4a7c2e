// Impact records: the advisers record, correct, delete and confirm them (or ask the client to, by
// e-mail); the client confirms through the public link. Same access as the rest of the CRM: the
// advisers of the client's region.
import {
  badUserInput,
  type Caller,
  checkYear,
  conflict,
  forbidden,
  isCountyId,
  officerCounty,
  parseInput,
  recordAudit,
  regionsOfCounty,
  requireAggregateAccess,
  requireRole,
} from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { ImpactRecordResolvers, MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types.js';
import { type ImpactRecord as ImpactRecordEntity, ImpactRecordSchema } from '../entities/impact-record.js';
import { RegionSchema } from '../entities/region.js';
import { checkKindFields, correctImpactInput, recordImpactInput, requestConfirmation } from '../impact.js';
import { confirmImpact } from '../public-links.js';
import { combinedStatistics } from '../statistics.js';
import { adviserRecordOf, clientOfAdvisersRegion } from './Mutation.js';

/**
 * The record, locked for the rest of the transaction, with its client, when the caller is an
 * adviser of the client's region; FORBIDDEN (as for a missing one) otherwise.
 */
async function recordOfAdvisersRegion(em: EntityManager, caller: Caller, id: string) {
  requireRole(caller, 'ADVISER');
  const record = z.uuid().safeParse(id).success
    ? await em.findOne(ImpactRecordSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  if (!record || record.region.id !== caller.regionId) {
    throw forbidden('You may not change this impact record, or there is no impact record with this id.');
  }
  const client = await clientOfAdvisersRegion(em, caller, record.client.id, 'id', 'share');
  return { record, client };
}

const unconfirmed = (record: ImpactRecordEntity, what: string) => {
  if (record.confirmedAt) throw conflict(`The client has confirmed this figure: it can no longer be ${what}.`);
};

const audit = (em: EntityManager, caller: Caller, clientId: string, detail: string) =>
  recordAudit(em, caller, [{ operation: 'UPDATE', recordType: 'Client', recordId: clientId, detail }]);

/** Confirmation links still out for the record stop working: the client would confirm another figure. */
const expireLinks = (em: EntityManager, record: ImpactRecordEntity) =>
  em.execute(
    `update public_link set expires_at = now() where impact_record_id = ? and used_at is null
        and (expires_at is null or expires_at > now())`,
    [record.id],
  );

export const ImpactRecord: ImpactRecordResolvers = {
  fte: (record) => (record.fte === null || record.fte === undefined ? null : Number(record.fte)),
  amount: (record) => record.amountOre ?? null,
  adviser: async (record, _args, { loaders }) => {
    const adviser = await loaders.adviser.load(record.adviser.id);
    if (!adviser) throw new Error(`Impact record ${record.id} has no adviser`);
    return adviser;
  },
  recordedAt: (record) => record.createdAt.toISOString(),
  confirmedAt: (record) => record.confirmedAt?.toISOString() ?? null,
  confirmationRequestedAt: async (record, _args, { loaders }) =>
    (await loaders.impactConfirmationRequestedAt.load(record.id))?.toISOString() ?? null,
};

export const impactQueryFields: Pick<QueryResolvers, 'countyStatistics'> = {
  countyStatistics: async (_parent, { year, countyId }, { em, caller, loaders }) => {
    requireAggregateAccess(caller);
    const county = countyId ?? officerCounty(caller);
    if (county !== undefined && county !== null && !isCountyId(county)) {
      throw badUserInput(`countyId: no county ${county}`, 'countyId');
    }
    // Viken's history covers every region; a county from 2024 its own.
    const regionIds =
      county && county !== 'viken'
        ? regionsOfCounty(county)
        : (await em.find(RegionSchema, {}, { fields: ['id'] })).map((region) => region.id);
    if (regionIds.length === 0) throw badUserInput('countyId: the county has no regions', 'countyId');
    return combinedStatistics(em, loaders.keyFigureRows, checkYear(year), regionIds);
  },
};

export const impactMutationFields: Pick<
  MutationResolvers,
  | 'recordImpact'
  | 'correctImpact'
  | 'deleteImpact'
  | 'recordImpactConfirmation'
  | 'requestImpactConfirmation'
  | 'confirmImpact'
> = {
  recordImpact: async (_parent, { input }, { em, caller }) => {
    requireRole(caller, 'ADVISER');
    return em.transactional(async (tx) => {
      const client = await clientOfAdvisersRegion(tx, caller, input.clientId, 'input.clientId', 'share');
      const data = parseInput(recordImpactInput, input);
      const fields = {
        fte: data.fte ?? null,
        amountOre: data.amount ?? null,
        capitalSource: data.capitalSource ?? null,
      };
      checkKindFields(data.kind, fields);
      const record = tx.create(ImpactRecordSchema, {
        client,
        adviser: await adviserRecordOf(tx, caller),
        region: client.region,
        kind: data.kind,
        recordedFor: data.recordedFor,
        ...fields,
        note: data.note || null,
        createdAt: new Date(),
        confirmedAt: null,
        confirmedVia: null,
      });
      await tx.flush();
      await audit(tx, caller, client.id, 'recordImpact');
      return record;
    });
  },

  correctImpact: async (_parent, { id, version, input }, { em, caller }) =>
    em.transactional(async (tx) => {
      const { record, client } = await recordOfAdvisersRegion(tx, caller, id);
      await tx.lock(record, LockMode.OPTIMISTIC, version);
      unconfirmed(record, 'corrected');
      const data = parseInput(correctImpactInput, input);
      const fields = {
        fte: data.fte === undefined ? (record.fte ?? null) : data.fte,
        amountOre: data.amount === undefined ? (record.amountOre ?? null) : data.amount,
        capitalSource: data.capitalSource === undefined ? (record.capitalSource ?? null) : data.capitalSource,
      };
      checkKindFields(record.kind, fields);
      tx.assign(record, {
        ...fields,
        ...(data.recordedFor ? { recordedFor: data.recordedFor } : {}),
        ...(data.note === undefined ? {} : { note: data.note || null }),
      });
      await tx.flush();
      await expireLinks(tx, record);
      await audit(tx, caller, client.id, 'correctImpact');
      return record;
    }),

  deleteImpact: async (_parent, { id }, { em, caller }) =>
    em.transactional(async (tx) => {
      const { record, client } = await recordOfAdvisersRegion(tx, caller, id);
      unconfirmed(record, 'deleted');
      // Its confirmation links go with it (the foreign key cascades).
      await tx.remove(record).flush();
      await audit(tx, caller, client.id, 'deleteImpact');
      return true;
    }),

  recordImpactConfirmation: async (_parent, { id, via }, { em, caller }) =>
    em.transactional(async (tx) => {
      const { record, client } = await recordOfAdvisersRegion(tx, caller, id);
      if (via === 'CLIENT_LINK') {
        throw badUserInput('via: the client confirms through the link themselves; use IN_PERSON or SIGNED_FORM', 'via');
      }
      unconfirmed(record, 'confirmed again');
      record.confirmedAt = new Date();
      record.confirmedVia = via;
      await tx.flush();
      await expireLinks(tx, record);
      await audit(tx, caller, client.id, `recordImpactConfirmation ${via}`);
      return record;
    }),

  requestImpactConfirmation: async (_parent, { id }, { em, caller }) =>
    em.transactional(async (tx) => {
      const { record, client } = await recordOfAdvisersRegion(tx, caller, id);
      unconfirmed(record, 'sent for confirmation');
      await requestConfirmation(tx, record, client);
      await audit(tx, caller, client.id, 'requestImpactConfirmation');
      return record;
    }),

  confirmImpact: (_parent, { token }, { em }) => confirmImpact(em, token),
};
