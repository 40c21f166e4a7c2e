import { Migration } from '@mikro-orm/migrations';

export class Migration20261126215459_referrals_and_audit_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "subject" varchar(255) not null, "caller_name" varchar(255) not null, "role" varchar(255) not null, "organisation_id" varchar(255) not null, "organisation_name" varchar(255) not null, "operation" text check ("operation" in ('READ', 'CREATE', 'UPDATE', 'DELETE')) not null, "record_type" varchar(255) not null, "record_id" varchar(255) not null, "detail" varchar(255) null);`,
    );
    this.addSql(
      `create index "audit_entry_record_type_record_id_index" on "audit_entry" ("record_type", "record_id");`,
    );
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);

    this.addSql(
      `create table "referral" ("id" uuid not null, "direction" text check ("direction" in ('TO_INNOVASJON_NORGE', 'TO_NAV', 'FROM_NAV')) not null, "region_id" varchar(255) not null, "client_id" uuid not null, "shared_name" varchar(200) not null, "shared_email" varchar(254) null, "shared_phone" varchar(20) null, "consent_given_on" date not null, "sent_on" date not null, "status" text check ("status" in ('SENT', 'RECEIVED', 'ACCEPTED', 'DECLINED', 'COMPLETED')) not null default 'SENT', "note" text null, "version" int not null default 1, constraint "referral_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "referral_direction_index" on "referral" ("direction");`);
    this.addSql(`create index "referral_region_id_index" on "referral" ("region_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "referral" cascade;`);
  }
}
