// Resolver types generated from the subgraph's SDL (`pnpm codegen`); never edit the output.
import { subgraphCodegenConfig } from '@etablerer/kit/codegen';

export default subgraphCodegenConfig({
  Municipality: '../resolvers/Municipality.js#MunicipalityReference',
  ResponsibleParty: '../responsible-parties.js#ResponsibleParty',
  PopulationFigure: '../entities/population-figure.js#PopulationFigure',
  Region: '../resolvers/Region.js#RegionReference',
  Agreement: '../entities/agreement.js#Agreement',
  AgreementParty: '../entities/agreement-party.js#AgreementParty',
  Amendment: '../entities/agreement-change.js#Amendment',
  Extension: '../entities/agreement-change.js#Extension',
  Notice: '../entities/agreement-change.js#Notice',
  Funding: '../funding.js#Funding',
  MunicipalShare: '../funding.js#MunicipalShare',
  BudgetDecision: '../entities/funding.js#BudgetDecision',
  Payment: '../agreements.js#PaymentView',
  PaymentShare: '../agreements.js#PaymentShareView',
  CountyPayer: '../agreements.js#CountyPayerView',
  Submission: '../agreements.js#SubmissionView',
  ActivityTargets: '../entities/submission.js#ActivityTargets',
  CoordinationMember: '../entities/coordination.js#CoordinationMember',
  Meeting: '../entities/coordination.js#Meeting',
  DueMeeting: '../meetings.js#DueMeetingView',
  Evaluation: '../entities/coordination.js#Evaluation',
});
