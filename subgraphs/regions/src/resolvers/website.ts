// The public website's root fields (open without a token: see the kit's public-access.ts) and
// the advisers' side of what it sends: the requests to pick up.
import {
  checkPage,
  conflict,
  forbidden,
  page,
  recordAudit,
  regionsWithPersonalData,
  requireRole,
  todayInNorway,
} from '@etablerer/kit';
import { type FilterQuery, LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import type { MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types.js';
import { type Course, CourseSchema } from '../entities/course.js';
import { MunicipalitySchema } from '../entities/municipality.js';
import { RegionSchema } from '../entities/region.js';
import { type WebsiteRequest, WebsiteRequestSchema } from '../entities/website-request.js';
import { answerSurvey, cancelWebsiteRequest, publicLinkTarget, unsubscribeFromSurveys } from '../public-links.js';
import { requestCounselling, signUpForCourse } from '../website.js';
import { auditReads } from './Client.js';
import { adviserRecordOf } from './Mutation.js';

export const websiteQueryFields: Pick<
  QueryResolvers,
  'publicCourses' | 'publicCourse' | 'publicMunicipalities' | 'publicRegions' | 'publicLink' | 'websiteRequests'
> = {
  publicCourses: async (_parent, { filter, first, offset }, { em }) => {
    const { limit } = checkPage(first, offset);
    const today = todayInNorway();
    // Past courses are never listed, whatever `from` says.
    const from = filter.from && filter.from > today ? filter.from : today;
    const where: FilterQuery<Course> = {
      status: 'PLANNED',
      startsOn: { $gte: from, ...(filter.to ? { $lte: filter.to } : {}) },
    };
    if (filter.regionId) where.region = filter.regionId;
    if (filter.kind) where.kind = filter.kind;
    if (typeof filter.online === 'boolean') where.online = filter.online;
    const [items, totalCount] = await em.findAndCount(CourseSchema, where, {
      orderBy: { startsOn: 'asc', title: 'asc', id: 'asc' },
      limit,
      offset,
    });
    return page(items, totalCount, offset);
  },
  publicCourse: async (_parent, { id }, { loaders }) => {
    const course = await loaders.course.load(id);
    // Only what the calendar lists: a course open for sign-up.
    return course && course.status === 'PLANNED' && course.startsOn >= todayInNorway() ? course : null;
  },
  publicMunicipalities: (_parent, _args, { em }) => em.find(MunicipalitySchema, {}, { orderBy: { number: 'asc' } }),
  publicRegions: (_parent, _args, { em }) => em.find(RegionSchema, {}, { orderBy: { name: 'asc' } }),
  publicLink: (_parent, { token }, { em }) => publicLinkTarget(em, token),

  websiteRequests: async (_parent, args, context) => {
    const { em, caller } = context;
    const { limit } = checkPage(args.first, args.offset);
    const visible = regionsWithPersonalData(caller);
    const regionId = args.regionId ?? caller.regionId;
    // A county officer without a region named sees the requests of every region of their county.
    const ownRegions = !regionId && caller.role === 'COUNTY_OFFICER' && visible !== 'all' && visible.length > 0;
    if (visible !== 'all' && !ownRegions && (!regionId || !visible.includes(regionId))) {
      throw forbidden("Only the region's advisers and the owners of the client list see its website requests.");
    }
    const where: FilterQuery<WebsiteRequest> = regionId
      ? { region: regionId }
      : ownRegions
        ? { region: { $in: visible as string[] } }
        : {};
    if (args.status) where.status = args.status;
    const [items, totalCount] = await em.findAndCount(WebsiteRequestSchema, where, {
      // Newest first, as an inbox: what came in today is on top; the status filter narrows it to the pending.
      orderBy: { receivedAt: 'desc', id: 'desc' },
      limit,
      offset: args.offset,
    });
    const clients = await context.loaders.client.loadMany(items.map((request) => request.client.id));
    await auditReads(context, clients.filter((c) => !!c && !(c instanceof Error)) as never[], 'website requests');
    return page(items, totalCount, args.offset);
  },
};

export const websiteMutationFields: Pick<
  MutationResolvers,
  | 'signUpForCourse'
  | 'requestCounselling'
  | 'answerSurvey'
  | 'unsubscribeFromSurveys'
  | 'cancelWebsiteRequest'
  | 'pickUpWebsiteRequest'
> = {
  signUpForCourse: (_parent, { input }, { em }) => signUpForCourse(em, input),
  requestCounselling: (_parent, { input }, { em }) => requestCounselling(em, input),
  answerSurvey: (_parent, { input }, { em }) => answerSurvey(em, input),
  unsubscribeFromSurveys: (_parent, { token }, { em }) => unsubscribeFromSurveys(em, token),
  cancelWebsiteRequest: (_parent, { token }, { em }) => cancelWebsiteRequest(em, token),

  pickUpWebsiteRequest: async (_parent, { id, version }, { em, caller }) =>
    em.transactional(async (tx) => {
      requireRole(caller, 'ADVISER');
      const request = z.uuid().safeParse(id).success ? await tx.findOne(WebsiteRequestSchema, { id }) : null;
      if (!request || request.region.id !== caller.regionId) {
        throw forbidden('You may not pick up this request, or there is no request with this id.');
      }
      await tx.lock(request, LockMode.OPTIMISTIC, version);
      if (request.status !== 'PENDING') throw conflict('Another adviser picked this request up already.');
      request.status = 'PICKED_UP';
      request.pickedUpBy = await adviserRecordOf(tx, caller);
      request.pickedUpAt = new Date();
      await tx.flush();
      await recordAudit(tx, caller, [
        { operation: 'UPDATE', recordType: 'Client', recordId: request.client.id, detail: 'pickUpWebsiteRequest' },
      ]);
      return request;
    }),
};
