// The county subgraph's resolvers, one file per type.
import { DateScalar } from '@etablerer/kit';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Municipality } from './Municipality.js';

export const resolvers: Resolvers = { Date: DateScalar, Municipality };
