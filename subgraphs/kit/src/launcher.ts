// What the development stack's launcher needs before anything else: the database server, the log and forking the
// services. A narrow entry (@etablerer/kit/launcher): the whole kit takes its Apollo, MikroORM and GraphQL along,
// which the launcher loads only while PostgreSQL starts.

export * from './database.js';
export * from './logger.js';
export * from './secret-files.js';
export * from './service-process.js';
