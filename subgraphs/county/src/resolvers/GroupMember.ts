// A member of one of the agreement's groups: which group's member type it is, and a professional
// group member's region as an entity reference; reading and changing the groups' membership.
import {
  parseInput,
  referenceRegionId,
  requireAggregateAccess,
  requireRole,
  storedRegionReference,
} from '@etablerer/kit';
import { z } from 'zod';
import type {
  GroupMemberResolvers,
  MutationResolvers,
  ProfessionalGroupMemberResolvers,
  QueryResolvers,
} from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { CoordinationMemberSchema, type GroupKind } from '../entities/coordination.js';
import { changeRole, endMembership, memberOn, membershipForChange, requireGroupManager } from '../groups.js';

export const GroupMember: GroupMemberResolvers = {
  __resolveType: (member) => (member.group === 'PROFESSIONAL_GROUP' ? 'ProfessionalGroupMember' : 'CoordinationMember'),
};

export const ProfessionalGroupMember: ProfessionalGroupMemberResolvers = {
  region: (member) => (member.regionId ? storedRegionReference(member.regionId) : null),
};

const date = z.iso.date('a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const role = z.string().trim().max(100, 'at most 100 characters').nullish();
const memberInput = z.object({
  name: text(200),
  organisationId: text(100),
  organisationName: text(200),
  role,
  validFrom: date,
});

/** The memberships of a group, current and ended, or those on one day. */
async function membersOf(context: Context, group: GroupKind, on?: string) {
  requireAggregateAccess(context.caller);
  const members = await context.loaders.membersOfGroup.load(group);
  return on === undefined ? members : members.filter((member) => memberOn(member, on));
}

export const groupQueries: Pick<
  QueryResolvers,
  'coordinationGroupHistory' | 'professionalGroup' | 'professionalGroupHistory'
> = {
  coordinationGroupHistory: (_parent, _args, context) => membersOf(context, 'COORDINATION_GROUP'),
  professionalGroup: (_parent, { on }, context) => membersOf(context, 'PROFESSIONAL_GROUP', on ?? context.today()),
  professionalGroupHistory: (_parent, _args, context) => membersOf(context, 'PROFESSIONAL_GROUP'),
};

export const groupMutations: Pick<
  MutationResolvers,
  | 'addCoordinationMember'
  | 'endCoordinationMembership'
  | 'changeCoordinationMemberRole'
  | 'addProfessionalGroupMember'
  | 'endProfessionalGroupMembership'
> = {
  addCoordinationMember: async (_parent, { input }, { em, caller }) => {
    requireGroupManager(caller, 'COORDINATION_GROUP', null);
    const data = parseInput(memberInput, input);
    return em.transactional(async (tx) => {
      const member = tx.create(CoordinationMemberSchema, {
        ...data,
        group: 'COORDINATION_GROUP',
        regionId: null,
        role: data.role || null,
        validTo: null,
      });
      await tx.flush();
      return member;
    });
  },

  endCoordinationMembership: async (_parent, { id, validTo }, { em, caller }) => {
    requireGroupManager(caller, 'COORDINATION_GROUP', null);
    const day = parseInput(date, validTo, 'validTo');
    return em.transactional(async (tx) => {
      const member = await membershipForChange(tx, 'COORDINATION_GROUP', id);
      endMembership(member, day);
      await tx.flush();
      return member;
    });
  },

  changeCoordinationMemberRole: async (_parent, args, { em, caller }) => {
    requireGroupManager(caller, 'COORDINATION_GROUP', null);
    const from = parseInput(date, args.from, 'from');
    const newRole = parseInput(role, args.role, 'role') || null;
    return em.transactional(async (tx) => {
      const member = await membershipForChange(tx, 'COORDINATION_GROUP', args.id);
      const next = changeRole(tx, member, newRole, from);
      await tx.flush();
      return next;
    });
  },

  addProfessionalGroupMember: async (_parent, { input }, { em, caller }) => {
    // Who may, before what the input says: a municipality officer names their own region.
    requireGroupManager(caller, 'PROFESSIONAL_GROUP', input.regionId ?? null);
    const data = parseInput(memberInput.extend({ regionId: referenceRegionId.nullish() }), input);
    return em.transactional(async (tx) => {
      const member = tx.create(CoordinationMemberSchema, {
        ...data,
        group: 'PROFESSIONAL_GROUP',
        regionId: data.regionId ?? null,
        role: data.role || null,
        validTo: null,
      });
      await tx.flush();
      return member;
    });
  },

  endProfessionalGroupMembership: async (_parent, { id, validTo }, { em, caller }) => {
    requireRole(caller, 'COUNTY_OFFICER', 'MUNICIPALITY_OFFICER');
    const day = parseInput(date, validTo, 'validTo');
    return em.transactional(async (tx) => {
      const member = await membershipForChange(tx, 'PROFESSIONAL_GROUP', id);
      requireGroupManager(caller, 'PROFESSIONAL_GROUP', member.regionId ?? null);
      endMembership(member, day);
      await tx.flush();
      return member;
    });
  },
};
