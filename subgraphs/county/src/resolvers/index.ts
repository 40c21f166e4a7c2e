// The county subgraph's resolvers, one file per type.
import { DateScalar, DateTimeScalar, NokScalar } from '@etablerer/kit';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { agreementLifecycleMutations } from '../agreement-lifecycle.js';
import { Agreement, Amendment, Extension, Signature, SupplementaryService } from './Agreement.js';
import { AgreementParty } from './AgreementParty.js';
import { ApiClient, ApiClientKey, apiClientMutations, apiClientQueries } from './ApiClient.js';
import { BudgetDecision } from './BudgetDecision.js';
import { ConflictMeetingRequest, conflictMeetingMutations, conflictMeetingQueries } from './ConflictMeetingRequest.js';
import { CountyPayer } from './CountyPayer.js';
import { DueMeeting } from './DueMeeting.js';
import { Funding } from './Funding.js';
import { GroupMember, groupMutations, groupQueries, ProfessionalGroupMember } from './GroupMember.js';
import { Meeting } from './Meeting.js';
import { Municipality } from './Municipality.js';
import { MunicipalShare } from './MunicipalShare.js';
import { Mutation } from './Mutation.js';
import { Notification, notificationMutations, notificationQueries } from './Notification.js';
import { Payment } from './Payment.js';
import { PaymentShare } from './PaymentShare.js';
import { PopulationFigure } from './PopulationFigure.js';
import { PopulationImport, populationImportMutations } from './PopulationImport.js';
import { Query } from './Query.js';
import { Region } from './Region.js';
import { RoleAssignment, roleAssignmentMutations, roleAssignmentQueries } from './RoleAssignment.js';
import { Submission } from './Submission.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  NOK: NokScalar,
  Query: {
    ...Query,
    ...roleAssignmentQueries,
    ...apiClientQueries,
    ...notificationQueries,
    ...groupQueries,
    ...conflictMeetingQueries,
  },
  Mutation: {
    ...Mutation,
    ...agreementLifecycleMutations,
    ...populationImportMutations,
    ...roleAssignmentMutations,
    ...apiClientMutations,
    ...notificationMutations,
    ...groupMutations,
    ...conflictMeetingMutations,
  },
  Signature,
  SupplementaryService,
  Amendment,
  Extension,
  Region,
  Agreement,
  AgreementParty,
  Funding,
  MunicipalShare,
  BudgetDecision,
  Payment,
  PaymentShare,
  CountyPayer,
  Submission,
  Meeting,
  DueMeeting,
  GroupMember,
  ProfessionalGroupMember,
  ConflictMeetingRequest,
  Municipality,
  PopulationFigure,
  PopulationImport,
  RoleAssignment,
  ApiClient,
  ApiClientKey,
  Notification,
};
