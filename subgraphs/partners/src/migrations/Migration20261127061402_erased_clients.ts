// Clients erased on request: their ids, so nothing new about them is shared with a partner.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261127061402_erased_clients extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "erased_client" ("id" uuid not null, "client_id" uuid not null, "region_id" varchar(255) null, "reason" text check ("reason" in ('REQUEST', 'RETENTION')) not null, "erased_at" timestamptz not null, constraint "erased_client_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "erased_client_client_id_index" on "erased_client" ("client_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "erased_client" cascade;`);
  }
}
