// The county's internal routes for the gateway's sign-in (issue 20 §1): whom a signed-in person
// is on the platform (their role assignment), and which partner system holds which keys, served
// to the gateway only; and the notifications the other subgraphs deliver (issue 21 §3). Each on
// its callers' signed requests (kit internal-routes.ts).
import { type InternalRoute, type Orm, parseInternalBody, recordAudit } from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { organisationOf } from './access.js';
import { ApiClientKeySchema, ApiClientSchema, type RoleAssignment, RoleAssignmentSchema } from './entities/access.js';
import { deliverNotification, notificationDelivery } from './notifications.js';

const personRequest = z.object({
  issuer: z.string().min(1).max(500),
  subject: z.string().min(1).max(255),
  email: z.string().max(320).nullish(),
  emailVerified: z.boolean().nullish(),
  name: z.string().max(500).nullish(),
});

const locked = { lockMode: LockMode.PESSIMISTIC_WRITE } as const;

/**
 * The person's active assignment: the one bound to their identity (issuer, subject), else, for a
 * verified e-mail address, the one given to that address and not yet bound to anyone, which is
 * bound to them now (so a later change of address does not matter). Records the sign-in.
 */
export async function signInAssignment(
  orm: Orm,
  request: z.infer<typeof personRequest>,
): Promise<RoleAssignment | null> {
  return orm.em.fork().transactional(async (tx: EntityManager) => {
    const { issuer, subject } = request;
    let assignment = await tx.findOne(RoleAssignmentSchema, { issuer, subject, endedAt: null }, locked);
    let bound = false;
    if (!assignment && request.emailVerified === true && request.email) {
      assignment = await tx.findOne(
        RoleAssignmentSchema,
        { email: request.email.trim().toLowerCase(), endedAt: null, subject: null },
        locked,
      );
      if (assignment) {
        assignment.issuer = issuer;
        assignment.subject = subject;
        bound = true;
      }
    }
    if (!assignment) return null;
    assignment.lastSignInAt = new Date();
    await tx.flush();
    if (bound) {
      // The person themselves, at their first sign-in: the audit log says when the e-mail found them.
      await recordAudit(
        tx,
        {
          subject,
          name: request.name || assignment.personName,
          role: assignment.role,
          organisation: { id: assignment.organisationId, name: assignment.organisationName },
        },
        [
          {
            operation: 'UPDATE',
            recordType: 'RoleAssignment',
            recordId: assignment.id,
            detail: 'bound at first sign-in',
          },
        ],
      );
    }
    return assignment;
  });
}

export const personAccessRoute: InternalRoute = {
  trustedServices: ['gateway'],
  async handle({ orm, body }) {
    const assignment = await signInAssignment(orm, parseInternalBody(personRequest, body));
    return {
      assignment: assignment && {
        id: assignment.id,
        role: assignment.role,
        organisation: organisationOf(assignment),
        regionId: assignment.regionId,
        municipalityNumber: assignment.municipalityNumber,
      },
    };
  },
};

const clientRequest = z.object({ clientId: z.string().min(1).max(200) });

export const clientAccessRoute: InternalRoute = {
  trustedServices: ['gateway'],
  async handle({ orm, body }) {
    const { clientId } = parseInternalBody(clientRequest, body);
    const em = orm.em.fork();
    const client = await em.findOne(ApiClientSchema, { clientId, revokedAt: null });
    if (!client) return { client: null };
    const keys = await em.find(
      ApiClientKeySchema,
      { client, revokedAt: null },
      { orderBy: { addedAt: 'asc', kid: 'asc' } },
    );
    return {
      client: {
        clientId: client.clientId,
        name: client.name,
        organisation: organisationOf(client),
        scopes: client.scopes,
        keys: keys.map((key) => key.publicKey),
      },
    };
  },
};

/**
 * A notification from another service's outbox (issue 21 §3): the regions' and the partners'
 * dispatchers deliver their NOTIFY messages here. Idempotent on the message's id: a repeat (the
 * dispatcher did not hear the first answer) is 200 and makes nothing new.
 */
export const notificationRoute: InternalRoute = {
  trustedServices: ['regions', 'partners'],
  async handle({ orm, body, service }) {
    await deliverNotification(orm, parseInternalBody(notificationDelivery, body), service.service);
    return { delivered: true };
  },
};

/** The routes under /internal/ the county serves. */
export const countyInternalRoutes: Record<string, InternalRoute> = {
  'access/person': personAccessRoute,
  'access/client': clientAccessRoute,
  notifications: notificationRoute,
};
