// The shared kit: database bootstrap, ORM set-up, the service shell, errors and logging.

export * from './access.js';
export * from './arguments.js';
export * from './audit.js';
export * from './audit-log.js';
export * from './auth.js';
export * from './bulk-insert.js';
export * from './calendar.js';
export * from './database.js';
export * from './demo-advisers.js';
export * from './demo-clients.js';
export * from './demo-users.js';
export * from './dev-tokens.js';
export * from './entity-helpers.js';
export * from './errors.js';
export * from './loaders.js';
export * from './logger.js';
export * from './nok.js';
export * from './organisation-number.js';
export * from './orm.js';
export * from './public-access.js';
export * from './reference-data.js';
export * from './scalars.js';
export * from './scale-data.js';
export * from './service.js';
export * from './subgraph.js';
export * from './validation.js';
