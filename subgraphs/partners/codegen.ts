// Resolver types generated from the subgraph's SDL (`pnpm codegen`); never edit the output.
import { subgraphCodegenConfig } from '@etablerer/kit/codegen';

export default subgraphCodegenConfig({
  Gathering: '../entities/gathering.js#Gathering',
  Referral: '../entities/referral.js#Referral',
  AuditEntry: '@etablerer/kit#AuditEntry',
});
