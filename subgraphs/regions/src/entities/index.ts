// Every entity of the regions subgraph, as MikroORM loads them.
import { AuditEntrySchema, OutboxMessageSchema } from '@etablerer/kit';
import { AdviserSchema } from './adviser.js';
import { AppointmentBookingSchema } from './appointment-booking.js';
import { AppointmentSlotSchema } from './appointment-slot.js';
import { BusinessSchema } from './business.js';
import { ClientSchema } from './client.js';
import { ClientLinkSchema } from './client-link.js';
import { CounsellingSessionSchema } from './counselling-session.js';
import { CourseSchema } from './course.js';
import { EnrolmentSchema } from './enrolment.js';
import { FollowUpSchema } from './follow-up.js';
import { ImpactRecordSchema } from './impact-record.js';
import { KeyFigureGenerationSchema } from './key-figure-generation.js';
import { MilestoneSchema } from './milestone.js';
import { MunicipalitySchema } from './municipality.js';
import { NetworkEventSchema } from './network-event.js';
import { OfficeSchema } from './office.js';
import { OperatorSchema } from './operator.js';
import { PublicLinkSchema } from './public-link.js';
import { RateLimitWindowSchema } from './rate-limit-window.js';
import { RegionSchema } from './region.js';
import { ServiceOfferingSchema } from './service-offering.js';
import { SurveyResponseSchema } from './survey-response.js';
import { WebsiteRequestSchema } from './website-request.js';

export const entities = [
  RegionSchema,
  MunicipalitySchema,
  OperatorSchema,
  AdviserSchema,
  OfficeSchema,
  ServiceOfferingSchema,
  ClientSchema,
  BusinessSchema,
  MilestoneSchema,
  ClientLinkSchema,
  CounsellingSessionSchema,
  FollowUpSchema,
  ImpactRecordSchema,
  CourseSchema,
  EnrolmentSchema,
  NetworkEventSchema,
  SurveyResponseSchema,
  WebsiteRequestSchema,
  RateLimitWindowSchema,
  PublicLinkSchema,
  AppointmentSlotSchema,
  AppointmentBookingSchema,
  AuditEntrySchema,
  KeyFigureGenerationSchema,
  // The messages it sends, written with the changes that cause them (kit outbox.ts).
  OutboxMessageSchema,
];
