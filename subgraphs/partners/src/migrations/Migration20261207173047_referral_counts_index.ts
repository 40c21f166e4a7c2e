import { Migration } from '@mikro-orm/migrations';

export class Migration20261207173047_referral_counts_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "referral_region_id_sent_on_direction_index" on "referral" ("region_id", "sent_on", "direction");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "referral_region_id_sent_on_direction_index";`);
  }
}
