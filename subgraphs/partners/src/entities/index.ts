// Every entity of the partners subgraph, as MikroORM loads them.
import { AuditEntrySchema, OutboxMessageSchema } from '@etablerer/kit';
import { BusinessAssessmentSchema } from './business-assessment.js';
import { ErasedClientSchema } from './erased-client.js';
import { GatheringSchema } from './gathering.js';
import { GatheringRegistrationSchema } from './gathering-registration.js';
import { NavOfficeSchema } from './nav-office.js';
import { PartnerCourseSchema } from './partner-course.js';
import { ExpertOrganisationSchema, QualificationMeasureSchema } from './qualification-measure.js';
import { ReferralSchema } from './referral.js';

export const entities = [
  GatheringSchema,
  GatheringRegistrationSchema,
  PartnerCourseSchema,
  ReferralSchema,
  NavOfficeSchema,
  BusinessAssessmentSchema,
  ExpertOrganisationSchema,
  QualificationMeasureSchema,
  ErasedClientSchema,
  AuditEntrySchema,
  // The messages it sends, written with the changes that cause them (kit outbox.ts).
  OutboxMessageSchema,
];
