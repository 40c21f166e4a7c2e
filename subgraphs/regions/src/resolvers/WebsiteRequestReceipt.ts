// WebsiteRequestReceipt: what the person is shown after sending; nothing of what they typed.
import type { WebsiteRequestReceiptResolvers } from '../__generated__/resolvers-types.js';

export const WebsiteRequestReceipt: WebsiteRequestReceiptResolvers = {
  reference: ({ request }) => request.reference,
  kind: ({ request }) => request.kind,
  // Deprecated and always null: whether a sign-up got a place, a waiting-list place or kept the place
  // the address had already is the office's to confirm to the person, not the sender's to learn.
  placement: () => null,
  region: async ({ request }, _args, { loaders }) => {
    const region = await loaders.region.load(request.region.id);
    if (!region) throw new Error(`Website request ${request.id} has no region`);
    return region;
  },
  course: ({ request }, _args, { loaders }) =>
    request.course ? loaders.course.load(request.course.id).then((course) => course ?? null) : null,
};
