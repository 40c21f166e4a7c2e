// The demo: its users, clients and advisers, the county-scale data, and the development identity provider's
// tokens. For seeders, the development sign-in and tests; never part of the runtime import `@etablerer/kit`.

export * from './demo-advisers.js';
export * from './demo-clients.js';
export * from './demo-users.js';
export * from './dev-tokens.js';
export * from './scale-data.js';
