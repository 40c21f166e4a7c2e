import { Migration } from '@mikro-orm/migrations';

export class Migration20261126215159_clients_and_audit_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "subject" varchar(255) not null, "caller_name" varchar(255) not null, "role" varchar(255) not null, "organisation_id" varchar(255) not null, "organisation_name" varchar(255) not null, "operation" text check ("operation" in ('READ', 'CREATE', 'UPDATE', 'DELETE')) not null, "record_type" varchar(255) not null, "record_id" varchar(255) not null, "detail" varchar(255) null);`,
    );
    this.addSql(
      `create index "audit_entry_record_type_record_id_index" on "audit_entry" ("record_type", "record_id");`,
    );
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);

    this.addSql(
      `create table "client" ("id" uuid not null, "region_id" varchar(255) not null, "municipality_number" varchar(4) not null, "name" varchar(200) not null, "email" varchar(254) null, "phone" varchar(20) null, "birth_year" smallint null, "immigrant_background" text check ("immigrant_background" in ('YES', 'NO', 'UNKNOWN')) not null, "registered_on" date not null, "version" int not null default 1, constraint "client_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "client_municipality_number_index" on "client" ("municipality_number");`);
    this.addSql(`create index "client_region_id_registered_on_index" on "client" ("region_id", "registered_on");`);

    this.addSql(
      `alter table "client" add constraint "client_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "client" add constraint "client_municipality_number_foreign" foreign key ("municipality_number") references "municipality" ("number") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "client" cascade;`);
  }
}
