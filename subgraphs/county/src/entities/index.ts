// Every entity of the county subgraph, as MikroORM loads them.
import { AuditEntrySchema, OutboxMessageSchema } from '@etablerer/kit';
import { ApiClientKeySchema, ApiClientSchema, RoleAssignmentSchema } from './access.js';
import { AgreementSchema } from './agreement.js';
import { AmendmentSchema, ExtensionSchema, NoticeSchema } from './agreement-change.js';
import { AgreementSignatureSchema, SupplementaryServiceSchema } from './agreement-lifecycle.js';
import { AgreementPartySchema } from './agreement-party.js';
import {
  ConflictMeetingRequestSchema,
  CoordinationMemberSchema,
  EvaluationSchema,
  MeetingSchema,
} from './coordination.js';
import { DataGenerationSchema } from './data-generation.js';
import { BudgetDecisionSchema, FundingRateSchema } from './funding.js';
import { NotificationPreferenceSchema, NotificationReadSchema, NotificationSchema } from './notification.js';
import { PaymentSchema } from './payment.js';
import { PopulationFigureSchema } from './population-figure.js';
import { SubmissionSchema } from './submission.js';

export const entities = [
  PopulationFigureSchema,
  AgreementSchema,
  AgreementPartySchema,
  AmendmentSchema,
  ExtensionSchema,
  NoticeSchema,
  AgreementSignatureSchema,
  SupplementaryServiceSchema,
  FundingRateSchema,
  BudgetDecisionSchema,
  PaymentSchema,
  SubmissionSchema,
  CoordinationMemberSchema,
  MeetingSchema,
  EvaluationSchema,
  ConflictMeetingRequestSchema,
  RoleAssignmentSchema,
  ApiClientSchema,
  ApiClientKeySchema,
  DataGenerationSchema,
  // The role assignments and API clients changed, by whom (kit audit.ts).
  AuditEntrySchema,
  // The messages it sends, written with the changes that cause them (kit outbox.ts).
  OutboxMessageSchema,
  // The notification inbox (issue 21 §3).
  NotificationSchema,
  NotificationReadSchema,
  NotificationPreferenceSchema,
];
