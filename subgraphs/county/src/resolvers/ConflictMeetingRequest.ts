// A conflict meeting a party asked for (§8): its target day and whether it is overdue; asking for one.
import {
  parseInput,
  referenceRegionId,
  requireAggregateAccess,
  requireRole,
  storedRegionReference,
} from '@etablerer/kit';
import { z } from 'zod';
import type {
  ConflictMeetingRequestResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../__generated__/resolvers-types.js';
import { conflictDueBy, conflictMeetingTargetDays, requestOverdue } from '../conflict-meetings.js';
import { requireCurrentCounty } from '../county-authority.js';
import { ConflictMeetingRequestSchema, type Meeting } from '../entities/coordination.js';

export const ConflictMeetingRequest: ConflictMeetingRequestResolvers = {
  region: (request) => (request.regionId ? storedRegionReference(request.regionId) : null),
  dueBy: (request) => conflictDueBy(request),
  heldAs: async (request, _args, { em }) => {
    if (!request.heldAs) return null;
    // Loaded with the request where it was read (conflictMeetingRequests, the due meetings); else read now.
    await em.populate(request, ['heldAs']);
    return request.heldAs as Meeting;
  },
  overdue: (request, _args, { today }) => requestOverdue(request, today()),
};

const requestInput = z.object({
  requestedOn: z.iso.date('a date as YYYY-MM-DD'),
  regionId: referenceRegionId.nullish(),
  calledBy: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
  subject: z.string().trim().min(1, 'must not be empty').max(10_000, 'at most 10 000 characters'),
});

export const conflictMeetingQueries: Pick<QueryResolvers, 'conflictMeetingRequests' | 'conflictMeetingTargetDays'> = {
  conflictMeetingRequests: (_parent, { openOnly }, { em, caller }) => {
    requireAggregateAccess(caller);
    // The meetings that held them come along, so `heldAs` costs no query per request.
    return em.find(ConflictMeetingRequestSchema, openOnly ? { heldAs: null } : {}, {
      orderBy: { requestedOn: 'desc', id: 'asc' },
      populate: ['heldAs'],
    });
  },
  conflictMeetingTargetDays: (_parent, _args, { caller }) => {
    requireAggregateAccess(caller);
    return conflictMeetingTargetDays();
  },
};

export const conflictMeetingMutations: Pick<MutationResolvers, 'requestConflictMeeting'> = {
  requestConflictMeeting: async (_parent, { input }, { em, caller, today }) => {
    requireRole(caller, 'COUNTY_OFFICER');
    requireCurrentCounty(caller);
    const data = parseInput(
      requestInput.refine((request) => request.requestedOn <= today(), {
        path: ['requestedOn'],
        message: 'today or earlier',
      }),
      input,
    );
    return em.transactional(async (tx) => {
      const request = tx.create(ConflictMeetingRequestSchema, {
        ...data,
        regionId: data.regionId ?? null,
        heldAs: null,
      });
      await tx.flush();
      return request;
    });
  },
};
