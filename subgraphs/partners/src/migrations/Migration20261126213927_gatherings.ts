import { Migration } from '@mikro-orm/migrations';

export class Migration20261126213927_gatherings extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "gathering" ("id" uuid not null, "title" varchar(255) not null, "date" date not null, "location" varchar(255) null, "online" boolean not null default false, "description" text null, constraint "gathering_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "gathering_date_index" on "gathering" ("date");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "gathering" cascade;`);
  }
}
