import { Migration } from '@mikro-orm/migrations';

export class Migration20261207051942_public_rate_limits extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "rate_limit_window" ("key" varchar(100) not null, "points" int not null, "ends_at" timestamptz not null, constraint "rate_limit_window_pkey" primary key ("key"));`,
    );
    this.addSql(`create index "rate_limit_window_ends_at_index" on "rate_limit_window" ("ends_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit_window" cascade;`);
  }
}
