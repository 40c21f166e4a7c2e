// The regions subgraph's resolvers, one file per type.
import { DateScalar, JsonScalar, NokScalar } from '@etablerer/kit';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Adviser } from './Adviser.js';
import { AuditEntry } from './AuditEntry.js';
import {
  AppointmentBooking,
  AppointmentReceipt,
  AppointmentSlot,
  appointmentMutationFields,
  appointmentQueryFields,
  PublicAppointmentSlot,
} from './appointments.js';
import { Business } from './Business.js';
import { Client } from './Client.js';
import { CounsellingSession } from './CounsellingSession.js';
import { Course } from './Course.js';
import { Enrolment } from './Enrolment.js';
import { FollowUp } from './FollowUp.js';
import { ImpactRecord, impactMutationFields, impactQueryFields } from './impact.js';
import { Municipality } from './Municipality.js';
import { Mutation } from './Mutation.js';
import { Office } from './Office.js';
import { PublicCourse } from './PublicCourse.js';
import { PublicMunicipality } from './PublicMunicipality.js';
import { PublicOffice } from './PublicOffice.js';
import { PublicRegion } from './PublicRegion.js';
import { Query } from './Query.js';
import { Region } from './Region.js';
import { WebsiteRequest } from './WebsiteRequest.js';
import { WebsiteRequestReceipt } from './WebsiteRequestReceipt.js';
import { websiteMutationFields, websiteQueryFields } from './website.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  NOK: NokScalar,
  JSON: JsonScalar,
  Query: { ...Query, ...websiteQueryFields, ...appointmentQueryFields, ...impactQueryFields },
  Mutation: { ...Mutation, ...websiteMutationFields, ...appointmentMutationFields, ...impactMutationFields },
  Region,
  Municipality,
  Client,
  AuditEntry,
  Business,
  Adviser,
  Office,
  CounsellingSession,
  FollowUp,
  ImpactRecord,
  Course,
  Enrolment,
  PublicCourse,
  PublicRegion,
  PublicMunicipality,
  PublicOffice,
  WebsiteRequest,
  WebsiteRequestReceipt,
  AppointmentSlot,
  AppointmentBooking,
  PublicAppointmentSlot,
  AppointmentReceipt,
};
