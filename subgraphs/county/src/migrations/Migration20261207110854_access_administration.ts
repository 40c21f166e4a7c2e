import { Migration } from '@mikro-orm/migrations';

export class Migration20261207110854_access_administration extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_client" ("client_id" varchar(64) not null, "name" varchar(200) not null, "organisation_id" varchar(100) not null, "organisation_kind" text check ("organisation_kind" in ('COUNTY', 'MUNICIPALITY', 'OPERATOR', 'INNOVASJON_NORGE', 'NAV')) not null, "organisation_name" varchar(200) not null, "scopes" text[] not null, "registered_at" timestamptz not null, "registered_by" varchar(200) not null, "registered_by_subject" varchar(255) not null, "revoked_at" timestamptz null, "revoked_by" varchar(200) null, constraint "api_client_pkey" primary key ("client_id"));`,
    );
    this.addSql(
      `create index "api_client_organisation_id_registered_at_index" on "api_client" ("organisation_id", "registered_at");`,
    );

    this.addSql(
      `create table "api_client_key" ("id" uuid not null, "client_id" varchar(64) not null, "kid" varchar(200) not null, "public_key" jsonb not null, "algorithm" varchar(20) null, "added_at" timestamptz not null, "added_by" varchar(200) not null, "revoked_at" timestamptz null, "revoked_by" varchar(200) null, constraint "api_client_key_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "api_client_key" add constraint "api_client_key_once_per_client" unique ("client_id", "kid");`,
    );

    this.addSql(
      `create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "subject" varchar(255) not null, "caller_name" varchar(255) not null, "role" varchar(255) not null, "organisation_id" varchar(255) not null, "organisation_name" varchar(255) not null, "operation" text check ("operation" in ('READ', 'CREATE', 'UPDATE', 'DELETE')) not null, "record_type" varchar(255) not null, "record_id" varchar(255) not null, "detail" varchar(255) null);`,
    );
    this.addSql(
      `create index "audit_entry_record_type_record_id_index" on "audit_entry" ("record_type", "record_id");`,
    );
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);

    this.addSql(
      `create table "role_assignment" ("id" uuid not null, "email" varchar(320) not null, "person_name" varchar(200) not null, "issuer" varchar(500) null, "subject" varchar(255) null, "role" text check ("role" in ('COUNTY_OFFICER', 'MUNICIPALITY_OFFICER', 'ADVISER', 'INNOVASJON_NORGE', 'NAV', 'COORDINATION_MEMBER')) not null, "organisation_id" varchar(100) not null, "organisation_kind" text check ("organisation_kind" in ('COUNTY', 'MUNICIPALITY', 'OPERATOR', 'INNOVASJON_NORGE', 'NAV')) not null, "organisation_name" varchar(200) not null, "region_id" varchar(100) null, "municipality_number" varchar(4) null, "county_id" varchar(20) not null, "assigned_at" timestamptz not null, "assigned_by" varchar(200) not null, "assigned_by_subject" varchar(255) not null, "ended_at" timestamptz null, "ended_by" varchar(200) null, "ended_by_subject" varchar(255) null, "end_reason" varchar(500) null, "last_sign_in_at" timestamptz null, constraint "role_assignment_pkey" primary key ("id"), constraint role_assignment_email_lower_case check (email = lower(email)), constraint role_assignment_bound_to_an_issuer check ((issuer is null) = (subject is null)));`,
    );
    this.addSql(
      `create index "role_assignment_county_id_assigned_at_index" on "role_assignment" ("county_id", "assigned_at");`,
    );
    this.addSql(
      `create index "role_assignment_region_id_assigned_at_index" on "role_assignment" ("region_id", "assigned_at");`,
    );
    this.addSql(`create index "role_assignment_email_index" on "role_assignment" ("email");`);
    this.addSql(
      `create unique index "role_assignment_one_active_per_email" on "role_assignment" ("email") where "ended_at" is null;`,
    );
    this.addSql(
      `create unique index "role_assignment_one_active_per_identity" on "role_assignment" ("issuer", "subject") where "ended_at" is null and "subject" is not null;`,
    );

    this.addSql(
      `alter table "api_client_key" add constraint "api_client_key_client_id_foreign" foreign key ("client_id") references "api_client" ("client_id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_client_key" drop constraint "api_client_key_client_id_foreign";`);

    this.addSql(`drop table if exists "api_client" cascade;`);

    this.addSql(`drop table if exists "api_client_key" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "role_assignment" cascade;`);
  }
}
