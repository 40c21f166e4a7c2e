// The shared kit: database bootstrap, ORM set-up, the service shell, errors and logging.
export * from './database.js';
export * from './errors.js';
export * from './loaders.js';
export * from './logger.js';
export * from './orm.js';
export * from './reference-data.js';
export * from './scalars.js';
export * from './service.js';
export * from './subgraph.js';
