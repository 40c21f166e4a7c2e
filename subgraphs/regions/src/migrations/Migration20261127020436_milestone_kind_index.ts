import { Migration } from '@mikro-orm/migrations';

export class Migration20261127020436_milestone_kind_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "milestone_kind_reached_on_index" on "milestone" ("kind", "reached_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "milestone_kind_reached_on_index";`);
  }
}
