import { Migration } from '@mikro-orm/migrations';

export class Migration20261126225224_agreements_funding_reporting_coordination extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "agreement" ("id" varchar(100) not null, "region_id" varchar(100) not null, "valid_from" date not null, "valid_to" date not null, "original_valid_to" date not null, "signed_on" date null, "population_date" date not null default '2021-07-01', "changed_at" timestamptz not null, "version" int not null default 1, constraint "agreement_pkey" primary key ("id"), constraint agreement_period_in_order check (valid_to >= valid_from and original_valid_to >= valid_from));`,
    );
    this.addSql(`create index "agreement_region_id_index" on "agreement" ("region_id");`);

    this.addSql(
      `create table "agreement_party" ("id" uuid not null, "agreement_id" varchar(100) not null, "kind" text check ("kind" in ('COUNTY', 'CONTRACT_MUNICIPALITY', 'MUNICIPALITY', 'INNOVASJON_NORGE', 'NAV')) not null, "organisation_id" varchar(100) not null, "organisation_name" varchar(200) not null, "municipality_number" varchar(4) null, "valid_from" date not null, "valid_to" date null, "succeeds_id" uuid null, "contribution_share_basis_points" smallint null, constraint "agreement_party_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "agreement_party_agreement_id_valid_from_index" on "agreement_party" ("agreement_id", "valid_from");`,
    );

    this.addSql(
      `create table "amendment" ("id" uuid not null, "agreement_id" varchar(100) not null, "decided_on" date not null, "effective_from" date not null, "description" text not null, "consented_by" text[] not null, "population_date" date null, constraint "amendment_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "budget_decision" ("id" uuid not null, "agreement_id" varchar(100) not null, "year" smallint not null, "payer" varchar(10) not null, "granted_ore" bigint not null, "decided_on" date not null, "reference" varchar(200) not null, constraint "budget_decision_pkey" primary key ("id"), constraint budget_decision_not_negative check (granted_ore >= 0));`,
    );
    this.addSql(
      `alter table "budget_decision" add constraint "budget_decision_agreement_id_year_payer_unique" unique ("agreement_id", "year", "payer");`,
    );

    this.addSql(
      `create table "coordination_member" ("id" uuid not null, "name" varchar(200) not null, "organisation_id" varchar(100) not null, "organisation_name" varchar(200) not null, "role" varchar(100) null, "valid_from" date not null, "valid_to" date null, constraint "coordination_member_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "evaluation" ("id" uuid not null, "title" varchar(300) not null, "period_from" date not null, "period_to" date not null, "author" varchar(200) not null, "findings" text not null, "document_reference" varchar(500) null, "published_on" date not null, constraint "evaluation_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "extension" ("id" uuid not null, "agreement_id" varchar(100) not null, "decided_on" date not null, "previous_valid_to" date not null, "valid_to" date not null, constraint "extension_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "funding_rate" ("agreement_id" varchar(100) not null, "year" smallint not null, "county_rate_ore" bigint not null, "municipal_rate_ore" bigint not null, constraint "funding_rate_pkey" primary key ("agreement_id", "year"), constraint funding_rate_minimums check (county_rate_ore >= 550 and municipal_rate_ore >= 250));`,
    );

    this.addSql(
      `create table "meeting" ("id" uuid not null, "kind" text check ("kind" in ('COORDINATION_GROUP', 'EXPERIENCE_MEETING', 'SUPPLEMENTARY_CONTENT', 'CONFLICT')) not null, "date" date not null, "region_id" varchar(100) null, "called_by" varchar(200) null, "participants" text[] not null, "agenda" text not null, "minutes" text null, "decisions" text[] not null, "version" int not null default 1, constraint "meeting_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "meeting_date_index" on "meeting" ("date");`);

    this.addSql(
      `create table "notice" ("id" uuid not null, "agreement_id" varchar(100) not null, "organisation_id" varchar(100) not null, "organisation_name" varchar(200) not null, "given_on" date not null, "effective_on" date not null, "reason" text null, constraint "notice_pkey" primary key ("id"), constraint notice_one_year check (effective_on >= (given_on + interval '1 year')::date));`,
    );

    this.addSql(
      `create table "payment" ("id" uuid not null, "agreement_id" varchar(100) not null, "year" smallint not null, "instalment" text check ("instalment" in ('JANUARY', 'AUGUST')) not null, "amount_ore" bigint not null, "paid_on" date not null, "reference" varchar(200) not null, "recorded_by" varchar(200) not null, constraint "payment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_once_per_instalment" unique ("agreement_id", "year", "instalment");`,
    );

    this.addSql(
      `create table "submission" ("id" uuid not null, "agreement_id" varchar(100) not null, "kind" text check ("kind" in ('ANNUAL_REPORT', 'ACCOUNTS', 'ACTIVITY_PLAN', 'BUDGET')) not null, "covers_year" smallint not null, "status" text check ("status" in ('SUBMITTED', 'APPROVED', 'REJECTED')) not null, "submitted_on" date not null, "submitted_by" varchar(200) not null, "document_reference" varchar(500) not null, "total_amount_ore" bigint null, "targets" jsonb null, "decided_on" date null, "decided_by" varchar(200) null, "decision_comment" text null, "version" int not null default 1, constraint "submission_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "submission" add constraint "submission_once_per_year" unique ("agreement_id", "kind", "covers_year");`,
    );

    this.addSql(
      `alter table "agreement_party" add constraint "agreement_party_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "amendment" add constraint "amendment_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "budget_decision" add constraint "budget_decision_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "extension" add constraint "extension_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "funding_rate" add constraint "funding_rate_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "notice" add constraint "notice_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "payment" add constraint "payment_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "submission" add constraint "submission_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "agreement_party" drop constraint "agreement_party_agreement_id_foreign";`);

    this.addSql(`alter table "amendment" drop constraint "amendment_agreement_id_foreign";`);

    this.addSql(`alter table "budget_decision" drop constraint "budget_decision_agreement_id_foreign";`);

    this.addSql(`alter table "extension" drop constraint "extension_agreement_id_foreign";`);

    this.addSql(`alter table "funding_rate" drop constraint "funding_rate_agreement_id_foreign";`);

    this.addSql(`alter table "notice" drop constraint "notice_agreement_id_foreign";`);

    this.addSql(`alter table "payment" drop constraint "payment_agreement_id_foreign";`);

    this.addSql(`alter table "submission" drop constraint "submission_agreement_id_foreign";`);

    this.addSql(`drop table if exists "agreement" cascade;`);

    this.addSql(`drop table if exists "agreement_party" cascade;`);

    this.addSql(`drop table if exists "amendment" cascade;`);

    this.addSql(`drop table if exists "budget_decision" cascade;`);

    this.addSql(`drop table if exists "coordination_member" cascade;`);

    this.addSql(`drop table if exists "evaluation" cascade;`);

    this.addSql(`drop table if exists "extension" cascade;`);

    this.addSql(`drop table if exists "funding_rate" cascade;`);

    this.addSql(`drop table if exists "meeting" cascade;`);

    this.addSql(`drop table if exists "notice" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "submission" cascade;`);
  }
}
