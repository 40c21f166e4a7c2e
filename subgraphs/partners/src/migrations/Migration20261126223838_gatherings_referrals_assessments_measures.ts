import { Migration } from '@mikro-orm/migrations';

export class Migration20261126223838_gatherings_referrals_assessments_measures extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "business_assessment" ("id" uuid not null, "client_id" uuid not null, "region_id" varchar(255) not null, "nav_office_id" varchar(100) not null, "purpose" varchar(60) not null, "requested_on" date not null, "question" text not null, "consent_given_on" date not null, "status" text check ("status" in ('REQUESTED', 'DELIVERED', 'WITHDRAWN')) not null default 'REQUESTED', "conclusion" text check ("conclusion" in ('VIABLE', 'VIABLE_WITH_CONDITIONS', 'NOT_VIABLE')) null, "assessment" text null, "fee_ore" bigint not null default 0, "delivered_on" date null, "adviser_id" uuid null, "version" int not null default 1, constraint "business_assessment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "business_assessment_region_id_index" on "business_assessment" ("region_id");`);

    this.addSql(
      `create table "expert_organisation" ("id" uuid not null, "name" varchar(200) not null, "description" text null, constraint "expert_organisation_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "expert_organisation" add constraint "expert_organisation_name_unique" unique ("name");`);

    this.addSql(
      `create table "gathering_registration" ("id" uuid not null, "gathering_id" uuid not null, "adviser_id" uuid not null, "region_id" varchar(255) not null, "registered_at" timestamptz not null, "attended" boolean null, constraint "gathering_registration_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "gathering_registration_adviser_id_index" on "gathering_registration" ("adviser_id");`);
    this.addSql(
      `alter table "gathering_registration" add constraint "gathering_registration_gathering_id_adviser_id_unique" unique ("gathering_id", "adviser_id");`,
    );

    this.addSql(
      `create table "nav_office" ("id" varchar(100) not null, "name" varchar(200) not null, "division" text check ("division" in ('NAV_VEST_VIKEN', 'NAV_OST_VIKEN')) not null, "municipality_numbers" text[] not null, constraint "nav_office_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "partner_course" ("id" uuid not null, "kind" text check ("kind" in ('COURSE', 'WEBINAR')) not null, "title" varchar(200) not null, "date" date not null, "online" boolean not null default true, "location" varchar(200) null, "description" text null, constraint "partner_course_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "partner_course_date_index" on "partner_course" ("date");`);

    this.addSql(
      `create table "qualification_measure" ("id" uuid not null, "name" varchar(200) not null, "organiser_kind" text check ("organiser_kind" in ('MUNICIPALITY', 'NAV')) not null, "organiser_name" varchar(200) not null, "region_id" varchar(255) not null, "starts_on" date not null, "ends_on" date not null, "participant_client_ids" text[] not null default '{}', "version" int not null default 1, constraint "qualification_measure_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "qualification_measure_region_id_index" on "qualification_measure" ("region_id");`);

    this.addSql(
      `create table "qualification_measure_partners" ("qualification_measure_id" uuid not null, "expert_organisation_id" uuid not null, constraint "qualification_measure_partners_pkey" primary key ("qualification_measure_id", "expert_organisation_id"));`,
    );

    this.addSql(
      `alter table "gathering_registration" add constraint "gathering_registration_gathering_id_foreign" foreign key ("gathering_id") references "gathering" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "qualification_measure_partners" add constraint "qualification_measure_partners_qualification_measure_id_foreign" foreign key ("qualification_measure_id") references "qualification_measure" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "qualification_measure_partners" add constraint "qualification_measure_partners_expert_organisation_id_foreign" foreign key ("expert_organisation_id") references "expert_organisation" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "referral" drop constraint if exists "referral_direction_check";`);

    this.addSql(
      `alter table "gathering" add column "organisers" text[] not null default '{}', add column "programme" text null, add column "invited_region_ids" text[] not null default '{}', add column "version" int not null default 1;`,
    );

    this.addSql(
      `alter table "referral" add column "programme" text check ("programme" in ('STARTUP_GRANT_PHASE_1', 'STARTUP_GRANT_PHASE_2', 'STARTUP_GRANT_PHASE_3', 'STARTUP_LOAN', 'FROM_IDEA_TO_MARKET_SEMINAR', 'UNEMPLOYMENT_BENEFIT_DURING_START_UP', 'WORK_ASSESSMENT_ALLOWANCE_DURING_START_UP', 'INTRODUCTION_PROGRAMME', 'QUALIFICATION_PROGRAMME', 'ENTREPRENEUR_SERVICE', 'OTHER')) not null default 'OTHER', add column "other_actor" varchar(200) null, add column "nav_office_id" varchar(100) null, add column "status_changed_on" date not null default current_date, add column "status_reason" text null;`,
    );
    // Referrals recorded before programmes and status dates existed: OTHER, and the day they were sent.
    this.addSql(`update "referral" set "status_changed_on" = "sent_on";`);
    this.addSql(
      `alter table "referral" alter column "programme" drop default, alter column "status_changed_on" drop default;`,
    );
    this.addSql(`alter table "referral" alter column "client_id" drop default;`);
    this.addSql(`alter table "referral" alter column "client_id" type uuid using ("client_id"::text::uuid);`);
    this.addSql(`alter table "referral" alter column "client_id" drop not null;`);
    this.addSql(
      `alter table "referral" add constraint "referral_direction_check" check("direction" in ('TO_INNOVASJON_NORGE', 'TO_NAV', 'TO_OTHER_ACTOR', 'FROM_NAV'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "qualification_measure_partners" drop constraint "qualification_measure_partners_expert_organisation_id_foreign";`,
    );

    this.addSql(
      `alter table "qualification_measure_partners" drop constraint "qualification_measure_partners_qualification_measure_id_foreign";`,
    );

    this.addSql(`drop table if exists "business_assessment" cascade;`);

    this.addSql(`drop table if exists "expert_organisation" cascade;`);

    this.addSql(`drop table if exists "gathering_registration" cascade;`);

    this.addSql(`drop table if exists "nav_office" cascade;`);

    this.addSql(`drop table if exists "partner_course" cascade;`);

    this.addSql(`drop table if exists "qualification_measure" cascade;`);

    this.addSql(`drop table if exists "qualification_measure_partners" cascade;`);

    this.addSql(`alter table "referral" drop constraint if exists "referral_direction_check";`);

    this.addSql(
      `alter table "gathering" drop column "organisers", drop column "programme", drop column "invited_region_ids", drop column "version";`,
    );

    this.addSql(
      `alter table "referral" drop column "programme", drop column "other_actor", drop column "nav_office_id", drop column "status_changed_on", drop column "status_reason";`,
    );

    this.addSql(`alter table "referral" alter column "client_id" drop default;`);
    this.addSql(`alter table "referral" alter column "client_id" type uuid using ("client_id"::text::uuid);`);
    this.addSql(`alter table "referral" alter column "client_id" set not null;`);
    this.addSql(
      `alter table "referral" add constraint "referral_direction_check" check("direction" in ('TO_INNOVASJON_NORGE', 'TO_NAV', 'FROM_NAV'));`,
    );
  }
}
