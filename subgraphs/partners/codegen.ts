// Resolver types generated from the subgraph's SDL (`pnpm codegen`); never edit the output.
import { subgraphCodegenConfig } from '@etablerer/kit/codegen';

export default subgraphCodegenConfig({
  Gathering: '../entities/gathering.js#Gathering',
  Referral: '../entities/referral.js#Referral',
  AuditEntry: '@etablerer/kit#AuditEntry',
  GatheringRegistration: '../entities/gathering-registration.js#GatheringRegistration',
  PartnerCourse: '../entities/partner-course.js#PartnerCourse',
  NavOffice: '../entities/nav-office.js#NavOffice',
  BusinessAssessment: '../entities/business-assessment.js#BusinessAssessment',
  BusinessAssessmentPage: '../assessment-page.js#BusinessAssessmentPage',
  QualificationMeasure: '../entities/qualification-measure.js#QualificationMeasure',
  ExpertOrganisation: '../entities/qualification-measure.js#ExpertOrganisation',
  GatheringYear: '../gathering-year.js#GatheringYear',
  Region: '../references.js#EntityReference',
  Adviser: '../references.js#EntityReference',
  Client: '../references.js#EntityReference',
  RegionReferrals: '../referral-counts.js#RegionReferrals',
  SharedClientData: '../shared-client-data.js#SharedClientData',
});
