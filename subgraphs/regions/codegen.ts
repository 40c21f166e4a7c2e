// Resolver types generated from the subgraph's SDL (`pnpm codegen`); never edit the output.
import { subgraphCodegenConfig } from '@etablerer/kit/codegen';

export default subgraphCodegenConfig({
  Region: '../entities/region.js#Region',
  Municipality: '../entities/municipality.js#Municipality',
  Client: '../entities/client.js#Client',
  AuditEntry: '@etablerer/kit#AuditEntry',
  Adviser: '../entities/adviser.js#Adviser',
  Operator: '../entities/operator.js#Operator',
  Office: '../entities/office.js#Office',
  ServiceOffering: '../entities/service-offering.js#ServiceOffering',
  RegionStatistics: '../statistics.js#RegionStatistics',
  Business: '../entities/business.js#Business',
  Milestone: '../entities/milestone.js#Milestone',
  CounsellingSession: '../entities/counselling-session.js#CounsellingSession',
  FollowUp: '../entities/follow-up.js#FollowUp',
  ClientLink: '../entities/client-link.js#ClientLink',
  CounsellingHours: '../counselling.js#CounsellingHours',
  Course: '../entities/course.js#Course',
  Enrolment: '../entities/enrolment.js#Enrolment',
  NetworkEvent: '../entities/network-event.js#NetworkEvent',
  SurveyResults: '../surveys.js#SurveyResults',
});
