// Bulk inserts for generated data: each chunk of rows travels as one JSON document that
// PostgreSQL unpacks itself (json_populate_recordset), one statement and one parameter per chunk,
// so hundreds of thousands of rows take seconds where insertMany's parameter lists take minutes.
import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { logger } from './logger.js';

/**
 * Inserts `rows` into an entity's table (keys are the entity's property names, a many-to-one
 * property holding the referenced id) or into a table by name (keys are column names). Every row
 * has the same keys; the columns without one get their defaults. Runs in `em`'s transaction.
 */
export async function bulkInsert(
  em: EntityManager,
  // biome-ignore lint/suspicious/noExplicitAny: any entity schema; the rows are plain column values
  target: EntitySchema<any, any> | string,
  rows: readonly Record<string, unknown>[],
  chunkSize = 20_000,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  let table = target as string;
  let columns = keys;
  if (typeof target !== 'string') {
    const meta = em.getMetadata().get(target.meta.className);
    table = meta.tableName;
    columns = keys.map((key) => {
      const fieldNames = meta.properties[key]?.fieldNames;
      if (fieldNames?.length !== 1) throw new Error(`${meta.className}.${key} is not a property of one column`);
      return fieldNames[0] as string;
    });
  }
  const list = columns.map((column) => `"${column}"`).join(', ');
  const started = performance.now();
  const sql = `insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", ?::json)`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize).map((row) => {
      // A key missing from a row would silently insert null where the column has a default.
      if (Object.keys(row).length !== keys.length || !keys.every((key) => key in row)) {
        throw new Error(`${table}: every row needs the same keys (${keys.join(', ')})`);
      }
      const record: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        record[columns[i] as string] = row[key];
      });
      return record;
    });
    await em.execute(sql, [
      JSON.stringify(chunk, (_key, value) => (typeof value === 'bigint' ? String(value) : value)),
    ]);
  }
  const seconds = Math.round(performance.now() - started) / 1000;
  logger.info({ table, rows: rows.length, seconds }, `${table}: ${rows.length} rows inserted in ${seconds} s`);
}
