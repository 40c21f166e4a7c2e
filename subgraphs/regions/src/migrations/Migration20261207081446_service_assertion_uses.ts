import { Migration } from '@mikro-orm/migrations';

export class Migration20261207081446_service_assertion_uses extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "service_assertion_use" ("jti" varchar(100) not null, "expires_at" timestamptz not null, constraint "service_assertion_use_pkey" primary key ("jti"));`,
    );
    this.addSql(`create index "service_assertion_use_expires_at_index" on "service_assertion_use" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "service_assertion_use" cascade;`);
  }
}
