// The partners subgraph's resolvers, one file per type.
import { DateScalar, JsonScalar, NokScalar } from '@etablerer/kit';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { AuditEntry } from './AuditEntry.js';
import { BusinessAssessment } from './BusinessAssessment.js';
import { BusinessAssessmentPage } from './BusinessAssessmentPage.js';
import { Client } from './Client.js';
import { Gathering } from './Gathering.js';
import { GatheringRegistration } from './GatheringRegistration.js';
import { Mutation } from './Mutation.js';
import { QualificationMeasure } from './QualificationMeasure.js';
import { Query } from './Query.js';
import { Referral } from './Referral.js';
import { Region } from './Region.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  NOK: NokScalar,
  JSON: JsonScalar,
  Query,
  Mutation,
  Gathering,
  GatheringRegistration,
  Referral,
  Region,
  BusinessAssessment,
  BusinessAssessmentPage,
  Client,
  QualificationMeasure,
  AuditEntry,
};
