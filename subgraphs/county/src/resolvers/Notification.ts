// The notification inbox in the graph (issue 21 §3): the caller's own notifications, read state and preferences.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MutationResolvers, NotificationResolvers, QueryResolvers } from '../__generated__/resolvers-types.js';
import {
  markAllRead,
  markRead,
  notificationPage,
  preferencesOf,
  requireNotificationReader,
  setPreference,
} from '../notifications.js';

export const Notification: NotificationResolvers = {
  // Only the caller's own: another person's notification is not there (null), as a wrong id is.
  __resolveReference: async ({ id }, { loaders, caller }) => {
    requireNotificationReader(caller);
    return (await loaders.visibleNotification.load(id)) ?? null;
  },
};

export const notificationQueries: Pick<QueryResolvers, 'notifications' | 'notificationPreferences'> = {
  notifications: (_parent, { unreadOnly, first, offset }, { em, caller }) =>
    notificationPage(em, caller, { unreadOnly, first, offset }),
  notificationPreferences: (_parent, _args, { em, caller }) => preferencesOf(em, caller),
};

export const notificationMutations: Pick<
  MutationResolvers,
  'markNotificationsRead' | 'markAllNotificationsRead' | 'setNotificationPreference'
> = {
  markNotificationsRead: async (_parent, { ids }, { em, caller }) => {
    requireNotificationReader(caller);
    await em.transactional((tx) => markRead(tx as EntityManager, caller, ids));
    return notificationPage(em, caller);
  },
  markAllNotificationsRead: async (_parent, _args, { em, caller }) => {
    requireNotificationReader(caller);
    await em.transactional((tx) => markAllRead(tx as EntityManager, caller));
    return notificationPage(em, caller);
  },
  setNotificationPreference: async (_parent, { input }, { em, caller }) => {
    requireNotificationReader(caller);
    await em.transactional((tx) => setPreference(tx as EntityManager, caller, input));
    return preferencesOf(em, caller);
  },
};
