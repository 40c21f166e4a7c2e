// One counselling session (veiledning) of a client by an adviser, in quarter-hour steps.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AdviserSchema } from './adviser.js';
import { ClientSchema } from './client.js';
import { RegionSchema } from './region.js';

export const sessionForms = ['MEETING', 'PHONE', 'VIDEO'] as const;
export type SessionForm = (typeof sessionForms)[number];

/**
 * What pays for a session: the basic service the agreement funds (§5.2.1), the region's
 * supplementary content, or a project or other funding outside the agreement.
 */
export const fundingSources = ['BASIC_SERVICE', 'SUPPLEMENTARY_SERVICE', 'PROJECT_OR_OTHER'] as const;
export type FundingSource = (typeof fundingSources)[number];

export const CounsellingSessionSchema = defineEntity({
  name: 'CounsellingSession',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    client: p.manyToOne(ClientSchema),
    adviser: p.manyToOne(AdviserSchema).index(),
    /** The client's region, kept on the session so the key figures sum without a join. */
    region: p.manyToOne(RegionSchema),
    date: p.date(),
    /** A multiple of 15. */
    durationMinutes: p.smallint(),
    form: p.enum(sessionForms as unknown as SessionForm[]),
    topic: p.string().length(500),
    /** The adviser's preparation for the session, in quarter hours. */
    preparationMinutes: p.smallint().default(0),
    fundingSource: p.enum(fundingSources as unknown as FundingSource[]).default('BASIC_SERVICE'),
    version: p.integer().version(),
  }),
  indexes: [{ properties: ['client', 'date'] }, { properties: ['region', 'date'] }],
  checks: [
    {
      name: 'counselling_session_quarter_hours',
      expression: 'duration_minutes > 0 and duration_minutes <= 600 and duration_minutes % 15 = 0',
    },
    {
      name: 'counselling_session_preparation_quarter_hours',
      expression: 'preparation_minutes >= 0 and preparation_minutes <= 600 and preparation_minutes % 15 = 0',
    },
  ],
});

export type CounsellingSession = InferEntity<typeof CounsellingSessionSchema>;
