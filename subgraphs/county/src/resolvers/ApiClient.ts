// Partner systems (API clients) and their public keys, registered and revoked by the county's officers (issue 20 §5).
import {
  type Caller,
  conflict,
  countyNames,
  forbidden,
  isHistoricalCountyOfficer,
  notFound,
  officerCounty,
  parseInput,
  recordAudit,
  scopes,
} from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type {
  ApiClientKeyResolvers,
  ApiClientResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../__generated__/resolvers-types.js';
import { organisationOf } from '../access.js';
import { maxActiveKeys, registeredKey } from '../api-client-keys.js';
import { ApiClientKeySchema, type ApiClient as ApiClientRow, ApiClientSchema } from '../entities/access.js';

/** The county whose clients the caller reads: a county officer's own (Viken's officers Viken's: none). */
function clientReader(caller: Caller) {
  const county = officerCounty(caller);
  if (!county) throw forbidden('Only county officers administer API clients.');
  return county;
}

/** The county whose clients the caller changes: Akershus, Buskerud or Østfold. */
function clientAdministrator(caller: Caller) {
  if (isHistoricalCountyOfficer(caller))
    throw forbidden('Viken fylkeskommune was dissolved on 2024-01-01: its officers register no API clients.');
  return clientReader(caller);
}

export const ApiClient: ApiClientResolvers = {
  __resolveReference: async ({ clientId }, { loaders, caller }) => {
    const county = clientReader(caller);
    const client = await loaders.apiClient.load(clientId);
    if (!client) return null;
    if (client.organisationId !== county)
      throw forbidden(`${clientId} is not one of ${countyNames[county]}'s clients.`);
    return client;
  },
  organisation: (client) => organisationOf(client),
  keys: (client, _args, { loaders }) => loaders.keysOfApiClient.load(client.clientId),
};

export const ApiClientKey: ApiClientKeyResolvers = {
  publicKey: (key) => JSON.stringify(key.publicKey),
};

export const apiClientQueries: Pick<QueryResolvers, 'apiClients'> = {
  apiClients: (_parent, { includeRevoked }, { em, caller }) =>
    em.find(
      ApiClientSchema,
      { organisationId: clientReader(caller), ...(includeRevoked ? {} : { revokedAt: null }) },
      { orderBy: { clientId: 'asc' } },
    ),
};

const registerInput = z.object({
  clientId: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9._-]{2,62}$/,
      '3 to 63 characters: lower-case letters, digits, ".", "_" and "-", starting with a letter or digit',
    ),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
  scopes: z
    .array(z.enum(scopes, { message: `a scope the platform knows: ${scopes.join(', ')}` }))
    .transform((granted) => [...new Set(granted)]),
});

/** The caller's county's client, locked for the change; NOT_FOUND for none, FORBIDDEN for another county's. */
async function clientToChange(tx: EntityManager, county: string, clientId: string): Promise<ApiClientRow> {
  const client = await tx.findOne(ApiClientSchema, { clientId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!client) throw notFound(`No API client ${clientId}.`);
  if (client.organisationId !== county) throw forbidden(`${clientId} is another county's API client.`);
  return client;
}

const audited = (tx: EntityManager, caller: Caller, clientId: string, operation: 'CREATE' | 'UPDATE', detail: string) =>
  recordAudit(tx, caller, [{ operation, recordType: 'ApiClient', recordId: clientId, detail }]);

export const apiClientMutations: Pick<
  MutationResolvers,
  'registerApiClient' | 'addApiClientKey' | 'revokeApiClientKey' | 'revokeApiClient'
> = {
  registerApiClient: async (_parent, { input }, { em, caller }) => {
    const county = clientAdministrator(caller);
    const values = parseInput(registerInput, input);
    return em.transactional(async (tx: EntityManager) => {
      // A revoked client keeps its id: nobody else signs in as it later.
      if (await tx.findOne(ApiClientSchema, { clientId: values.clientId }))
        throw conflict(`An API client ${values.clientId} is registered already; choose another id.`);
      const client = tx.create(ApiClientSchema, {
        ...values,
        organisationId: county,
        organisationKind: 'COUNTY',
        organisationName: countyNames[county],
        registeredAt: new Date(),
        registeredBy: caller.name,
        registeredBySubject: caller.subject,
        revokedAt: null,
        revokedBy: null,
      });
      await tx.flush();
      await audited(tx, caller, client.clientId, 'CREATE', `registered (${values.scopes.join(' ') || 'no scope'})`);
      return client;
    });
  },
  addApiClientKey: async (_parent, { input }, { em, caller }) => {
    const county = clientAdministrator(caller);
    return em.transactional(async (tx: EntityManager) => {
      const client = await clientToChange(tx, county, input.clientId);
      if (client.revokedAt) throw conflict(`${client.clientId} was revoked; register a new client.`);
      const key = registeredKey(input.publicKey);
      const keys = await tx.find(ApiClientKeySchema, { client });
      if (keys.some((existing) => existing.kid === key.kid))
        throw conflict(`${client.clientId} has a key with kid ${key.kid} already (a revoked key is not taken back).`);
      if (keys.filter((existing) => !existing.revokedAt).length >= maxActiveKeys)
        throw conflict(`${client.clientId} holds ${maxActiveKeys} active keys, the most it may; revoke one first.`);
      tx.create(ApiClientKeySchema, {
        client,
        kid: key.kid,
        publicKey: key.jwk,
        algorithm: key.algorithm,
        addedAt: new Date(),
        addedBy: caller.name,
        revokedAt: null,
        revokedBy: null,
      });
      await tx.flush();
      await audited(tx, caller, client.clientId, 'UPDATE', `key added: ${key.kid}`.slice(0, 255));
      return client;
    });
  },
  revokeApiClientKey: async (_parent, { input }, { em, caller }) => {
    const county = clientAdministrator(caller);
    return em.transactional(async (tx: EntityManager) => {
      const client = await clientToChange(tx, county, input.clientId);
      const key = await tx.findOne(ApiClientKeySchema, { client, kid: input.kid });
      if (!key) throw notFound(`${client.clientId} has no key ${input.kid}.`);
      if (key.revokedAt) throw conflict(`The key ${input.kid} was revoked already.`);
      key.revokedAt = new Date();
      key.revokedBy = caller.name;
      await tx.flush();
      await audited(tx, caller, client.clientId, 'UPDATE', `key revoked: ${key.kid}`.slice(0, 255));
      return client;
    });
  },
  revokeApiClient: async (_parent, { input }, { em, caller }) => {
    const county = clientAdministrator(caller);
    return em.transactional(async (tx: EntityManager) => {
      const client = await clientToChange(tx, county, input.clientId);
      if (client.revokedAt) throw conflict(`${client.clientId} was revoked already.`);
      client.revokedAt = new Date();
      client.revokedBy = caller.name;
      await tx.flush();
      await audited(tx, caller, client.clientId, 'UPDATE', 'revoked');
      return client;
    });
  },
};
