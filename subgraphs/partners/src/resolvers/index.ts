// The partners subgraph's resolvers, one file per type.
import { DateScalar } from '@etablerer/kit';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Gathering } from './Gathering.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = { Date: DateScalar, Query, Gathering };
