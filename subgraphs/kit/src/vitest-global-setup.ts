// Vitest global set-up for packages whose tests need PostgreSQL: DATABASE_URL or an embedded server.
import { databaseForTests } from './testing.js';

export default async function setup() {
  return databaseForTests();
}
