// The partners subgraph's executable schema: SDL from schema.graphql, resolvers from ./resolvers,
// and every read of a field marked @personalData audited (see the kit's personal-data-audit.ts).
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { auditPersonalDataReads } from '@etablerer/kit';
import { parse } from 'graphql';
import type { Context } from './context.js';
import type { BusinessAssessment } from './entities/business-assessment.js';
import type { Referral } from './entities/referral.js';
import { resolvers } from './resolvers/index.js';
import type { SharedClientData } from './shared-client-data.js';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export const schema = auditPersonalDataReads<Context>(
  buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }),
  {
    SharedClientData: (shared: SharedClientData) => shared.record,
    Referral: (referral: Referral) => ({ recordType: 'Referral', recordId: referral.id, regionId: referral.regionId }),
    BusinessAssessment: (assessment: BusinessAssessment) => ({
      recordType: 'BusinessAssessment',
      recordId: assessment.id,
      regionId: assessment.regionId,
    }),
  },
);
