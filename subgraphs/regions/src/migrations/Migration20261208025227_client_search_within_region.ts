import { Migration } from '@mikro-orm/migrations';

/**
 * The client search looks for e-mail addresses and phone numbers within the caller's region too, and names only
 * in the index of the region's names (Migration20261207234900). The country-wide trigram index of names,
 * addresses and phone numbers goes: PostgreSQL estimated it cheaper than the region's, took it for a full name,
 * and read every match in the country (1,150 rows at national scale, 33 to 41 ms on a busy machine) to keep the
 * region's 140 (4 to 6 ms through the region's index; EXPLAIN ANALYZE). Without a region (the county's officers)
 * the names' trigrams in the region's index serve alone.
 */
export class Migration20261208025227_client_search_within_region extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "client_search_trgm_index";`);
    this.addSql(
      `create index "client_region_id_contact_trgm_index" on "client" using gin ("region_id", "email" gin_trgm_ops, "phone" gin_trgm_ops);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "client_region_id_contact_trgm_index";`);
    this.addSql(
      `create index "client_search_trgm_index" on "client" using gin ("name" gin_trgm_ops, "email" gin_trgm_ops, "phone" gin_trgm_ops);`,
    );
  }
}
