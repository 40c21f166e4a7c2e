// Role assignments: who holds which role, given by whom, ended by whom and why (issue 20 §5).
import { type Caller, checkPage, conflict, forbidden, notFound, page, parseInput, recordAudit } from '@etablerer/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MutationResolvers, QueryResolvers, RoleAssignmentResolvers } from '../__generated__/resolvers-types.js';
import {
  type AssignRoleArguments,
  accessAdministrator,
  accessReader,
  administeredFilter,
  administers,
  assignmentValues,
  endReasonInput,
  organisationOf,
  replacedReason,
  requireAuthorityToAssign,
  requireNotOwn,
} from '../access.js';
import { RoleAssignmentSchema } from '../entities/access.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const RoleAssignment: RoleAssignmentResolvers = {
  __resolveReference: async ({ id }, { loaders, caller }) => {
    const reader = accessReader(caller);
    const assignment = uuid.test(id) ? await loaders.roleAssignment.load(id) : undefined;
    if (!assignment) return null;
    if (!administers(reader, assignment)) throw forbidden('This role assignment is not one you administer.');
    return assignment;
  },
  organisation: (assignment) => organisationOf(assignment),
};

export const roleAssignmentQueries: Pick<QueryResolvers, 'roleAssignments'> = {
  roleAssignments: async (_parent, { regionId, includeEnded, first, offset }, { em, caller }) => {
    const filter = administeredFilter(accessReader(caller), regionId);
    const { limit } = checkPage(first, offset);
    const [items, totalCount] = await em.findAndCount(
      RoleAssignmentSchema,
      { ...filter, ...(includeEnded ? {} : { endedAt: null }) },
      { orderBy: { assignedAt: 'desc', id: 'desc' }, limit, offset },
    );
    return page(items, totalCount, offset);
  },
};

const locked = { lockMode: LockMode.PESSIMISTIC_WRITE } as const;

/**
 * Gives `input.email` a role as `caller` does, in one transaction: the role the person held ends
 * (one active role per person), and both are audited. The mutation and the command line's
 * `assign-role` (the first county officer of a new installation) share it.
 */
export async function assignRole(em: EntityManager, caller: Caller, input: AssignRoleArguments) {
  const administrator = accessAdministrator(caller);
  requireAuthorityToAssign(administrator, input);
  const values = assignmentValues(administrator, input);
  return em.transactional(async (tx: EntityManager) => {
    const now = new Date();
    // One active role per person: the one they hold is ended here, by whoever may end it.
    const held = await tx.findOne(RoleAssignmentSchema, { email: values.email, endedAt: null }, locked);
    if (held) {
      if (!administers(administrator, held))
        throw conflict(
          `${values.email} holds a role that ${held.countyId === administrator.county ? 'another administrator' : 'another county or region'} administers; it must be ended there first.`,
        );
      requireNotOwn(caller, held, 'changes');
      Object.assign(held, {
        endedAt: now,
        endedBy: caller.name,
        endedBySubject: caller.subject,
        endReason: replacedReason,
      });
      // Ended before the new one is written: at most one is active at any moment (the unique index).
      await tx.flush();
    }
    const assignment = tx.create(RoleAssignmentSchema, {
      ...values,
      // The same person: the identity they signed in with stays bound.
      issuer: held?.issuer ?? null,
      subject: held?.subject ?? null,
      assignedAt: now,
      assignedBy: caller.name,
      assignedBySubject: caller.subject,
      endedAt: null,
      endedBy: null,
      endedBySubject: null,
      endReason: null,
      lastSignInAt: null,
    });
    await tx.flush();
    await recordAudit(tx, caller, [
      ...(held
        ? [
            {
              operation: 'UPDATE' as const,
              recordType: 'RoleAssignment',
              recordId: held.id,
              detail: 'ended: replaced',
            },
          ]
        : []),
      {
        operation: 'CREATE',
        recordType: 'RoleAssignment',
        recordId: assignment.id,
        detail: `assigned ${values.role}`,
      },
    ]);
    return assignment;
  });
}

export const roleAssignmentMutations: Pick<MutationResolvers, 'assignRole' | 'endRoleAssignment'> = {
  assignRole: (_parent, { input }, { em, caller }) => assignRole(em, caller, input),
  endRoleAssignment: async (_parent, { input }, { em, caller }) => {
    const administrator = accessAdministrator(caller);
    return em.transactional(async (tx: EntityManager) => {
      const assignment = uuid.test(input.id) ? await tx.findOne(RoleAssignmentSchema, { id: input.id }, locked) : null;
      if (!assignment) throw notFound(`No role assignment ${input.id}.`);
      if (!administers(administrator, assignment)) throw forbidden('This role assignment is not one you administer.');
      requireNotOwn(caller, assignment, 'ends');
      if (assignment.endedAt)
        throw conflict(`The role assignment ended already (${assignment.endedAt.toISOString()}).`);
      const reason = parseInput(endReasonInput, input.reason, 'input.reason');
      Object.assign(assignment, {
        endedAt: new Date(),
        endedBy: caller.name,
        endedBySubject: caller.subject,
        endReason: reason,
      });
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'UPDATE', recordType: 'RoleAssignment', recordId: assignment.id, detail: 'ended' },
      ]);
      return assignment;
    });
  },
};
