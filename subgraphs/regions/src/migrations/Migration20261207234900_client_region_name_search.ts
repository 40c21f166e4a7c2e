import { Migration } from '@mikro-orm/migrations';

/**
 * The client search within a region by name: a trigram index of the names under the region (btree_gin, a
 * trusted extension, lets the region's id stand in the same GIN index). At national scale a full name's
 * trigrams match thousands of names over the country, and scanning their lists in client_search_trgm_index
 * took 6 to 10 ms of a search's time; within the adviser's region it takes 1.5 to 3 ms (EXPLAIN ANALYZE).
 */
export class Migration20261207234900_client_region_name_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gin;`);
    this.addSql(
      `create index "client_region_id_name_trgm_index" on "client" using gin ("region_id", "name" gin_trgm_ops);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "client_region_id_name_trgm_index";`);
  }
}
