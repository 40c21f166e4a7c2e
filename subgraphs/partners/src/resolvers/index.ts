// The partners subgraph's resolvers, one file per type.
import { DateScalar } from '@etablerer/kit';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { AuditEntry } from './AuditEntry.js';
import { Gathering } from './Gathering.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Referral } from './Referral.js';

export const resolvers: Resolvers = { Date: DateScalar, Query, Mutation, Gathering, Referral, AuditEntry };
