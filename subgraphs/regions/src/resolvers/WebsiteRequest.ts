// WebsiteRequest: a sign-up or request from the public website, as the region's advisers see it.
import type { WebsiteRequestResolvers } from '../__generated__/resolvers-types.js';
import { visibleClient } from './Client.js';

export const WebsiteRequest: WebsiteRequestResolvers = {
  receivedAt: (request) => request.receivedAt.toISOString(),
  client: (request, _args, context) => visibleClient(context, request.client.id, 'website request'),
  course: (request, _args, { loaders }) =>
    request.course ? loaders.course.load(request.course.id).then((course) => course ?? null) : null,
  pickedUpBy: (request, _args, { loaders }) =>
    request.pickedUpBy ? loaders.adviser.load(request.pickedUpBy.id).then((adviser) => adviser ?? null) : null,
  pickedUpAt: (request) => request.pickedUpAt?.toISOString() ?? null,
};
