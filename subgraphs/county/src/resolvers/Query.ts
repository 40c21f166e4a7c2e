// The county's own entry points: agreements, the coordination group, meetings and evaluations.
import { checkYear, requireAggregateAccess } from '@etablerer/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { agreementYearSpan, agreementYearsBetween } from '../agreement-years.js';
import { yearOf } from '../calendar.js';
import { conflictMeetingsDueIn } from '../conflict-meetings.js';
import { AgreementSchema } from '../entities/agreement.js';
import { CoordinationMemberSchema, EvaluationSchema } from '../entities/coordination.js';
import { experienceMeetingsDueIn, supplementaryContentDiscussions } from '../meetings.js';
import { responsibleParties } from '../responsible-parties.js';

export const Query: QueryResolvers = {
  agreement: async (_parent, { id }, { loaders, caller }) => {
    requireAggregateAccess(caller);
    return (await loaders.agreement.load(id)) ?? null;
  },
  agreements: (_parent, _args, { em, caller }) => {
    requireAggregateAccess(caller);
    return em.find(AgreementSchema, {}, { orderBy: { regionId: 'asc', validFrom: 'asc' } });
  },
  agreementYears: async (_parent, _args, { em, caller, today }) => {
    requireAggregateAccess(caller);
    const { first, last } = await agreementYearSpan(em);
    return agreementYearsBetween(first, last, yearOf(today()));
  },
  coordinationGroup: (_parent, { on }, { em, caller, today }) => {
    requireAggregateAccess(caller);
    const day = on ?? today();
    return em.find(
      CoordinationMemberSchema,
      {
        group: 'COORDINATION_GROUP',
        validFrom: { $lte: day },
        $or: [{ validTo: null }, { validTo: { $gte: day } }],
      },
      { orderBy: { organisationName: 'asc', name: 'asc' } },
    );
  },
  // Public (no sign-in): names only, from the agreements.
  publicResponsibleParties: (_parent, _args, context) => responsibleParties(context),
  meetings: (_parent, { year }, { loaders, caller }) => {
    requireAggregateAccess(caller);
    return loaders.meetingsOfYears.load(checkYear(year));
  },
  dueMeetings: async (_parent, { year }, context) => {
    requireAggregateAccess(context.caller);
    checkYear(year);
    const agreements = await context.em.find(
      AgreementSchema,
      { signedOn: { $ne: null } },
      { orderBy: { regionId: 'asc' } },
    );
    const experience = await experienceMeetingsDueIn(
      year,
      agreements.map((agreement) => ({ validFrom: agreement.validFrom, validTo: agreement.originalValidTo })),
      context,
    );
    const regionIds = [...new Set(agreements.map((agreement) => agreement.regionId))];
    const discussions = await Promise.all(
      regionIds.map((regionId) => supplementaryContentDiscussions(regionId, year, context)),
    );
    return [...experience, ...discussions.flat(), ...(await conflictMeetingsDueIn(year, context))];
  },
  evaluations: (_parent, _args, { em, caller }) => {
    requireAggregateAccess(caller);
    return em.find(EvaluationSchema, {}, { orderBy: { publishedOn: 'desc' } });
  },
};
