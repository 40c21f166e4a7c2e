import { Migration } from '@mikro-orm/migrations';

export class Migration20261126221028_crm extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "operator" ("id" varchar(255) not null, "region_id" varchar(255) not null, "name" varchar(200) not null, "organisation_number" varchar(9) null, "run_by_contract_municipality" boolean not null default false, constraint "operator_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "operator_region_id_index" on "operator" ("region_id");`);

    this.addSql(
      `create table "network_event" ("id" uuid not null, "region_id" varchar(255) not null, "title" varchar(200) not null, "date" date not null, "participant_count" smallint not null default 0, constraint "network_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "network_event_region_id_date_index" on "network_event" ("region_id", "date");`);

    this.addSql(
      `create table "office" ("id" uuid not null, "region_id" varchar(255) not null, "municipality_number" varchar(4) not null, "name" varchar(200) not null, "street_address" varchar(200) not null, "postal_code" varchar(4) not null, "postal_town" varchar(100) not null, "co_located_with" varchar(500) null, constraint "office_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "office_region_id_index" on "office" ("region_id");`);

    this.addSql(
      `create table "course" ("id" uuid not null, "region_id" varchar(255) not null, "kind" text check ("kind" in ('BASIC', 'THEME')) not null, "title" varchar(200) not null, "starts_on" date not null, "ends_on" date not null, "location" varchar(200) null, "online" boolean not null default false, "capacity" smallint not null, "participant_fee_ore" bigint not null default 0, "partner_instructor" varchar(200) null, "status" text check ("status" in ('PLANNED', 'HELD', 'CANCELLED')) not null default 'PLANNED', "version" int not null default 1, constraint "course_pkey" primary key ("id"), constraint course_basic_is_free check (kind <> 'BASIC' or participant_fee_ore = 0), constraint course_dates_in_order check (ends_on >= starts_on), constraint course_capacity_positive check (capacity > 0));`,
    );
    this.addSql(`create index "course_region_id_starts_on_index" on "course" ("region_id", "starts_on");`);

    this.addSql(
      `create table "milestone" ("id" uuid not null, "client_id" uuid not null, "kind" text check ("kind" in ('BUSINESS_REGISTERED', 'FIRST_REVENUE', 'FIRST_EMPLOYEE', 'ACTIVE_AFTER_1_YEAR', 'ACTIVE_AFTER_2_YEARS', 'ACTIVE_AFTER_3_YEARS')) not null, "reached_on" date not null, constraint "milestone_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "milestone" add constraint "milestone_client_id_kind_unique" unique ("client_id", "kind");`,
    );

    this.addSql(
      `create table "enrolment" ("id" uuid not null, "course_id" uuid not null, "client_id" uuid not null, "status" text check ("status" in ('ENROLLED', 'WAITLISTED', 'CANCELLED')) not null, "enrolled_at" timestamptz not null, "attended" boolean null, constraint "enrolment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "enrolment_client_id_index" on "enrolment" ("client_id");`);
    this.addSql(
      `create index "enrolment_course_id_status_enrolled_at_index" on "enrolment" ("course_id", "status", "enrolled_at");`,
    );
    this.addSql(
      `alter table "enrolment" add constraint "enrolment_course_id_client_id_unique" unique ("course_id", "client_id");`,
    );

    this.addSql(
      `create table "client_link" ("id" uuid not null, "client_id" uuid not null, "kind" text check ("kind" in ('MENTOR', 'ESTABLISHED_BUSINESS', 'CLUSTER', 'INCUBATOR', 'COMPETENCE_ENVIRONMENT')) not null, "name" varchar(200) not null, "since" date not null, constraint "client_link_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "client_link_client_id_index" on "client_link" ("client_id");`);

    this.addSql(
      `create table "business" ("id" uuid not null, "client_id" uuid not null, "name" varchar(200) not null, "organisation_number" varchar(9) not null, "registered_on" date not null, "legal_form" text check ("legal_form" in ('ENK', 'AS', 'ANS', 'DA', 'SA', 'OTHER')) not null, constraint "business_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "business_client_id_index" on "business" ("client_id");`);
    this.addSql(
      `alter table "business" add constraint "business_organisation_number_unique" unique ("organisation_number");`,
    );
    this.addSql(`create index "business_registered_on_index" on "business" ("registered_on");`);

    this.addSql(
      `create table "adviser" ("id" uuid not null, "operator_id" varchar(255) not null, "region_id" varchar(255) not null, "name" varchar(200) not null, "email" varchar(254) not null, "phone" varchar(20) null, "username" varchar(200) null, "active" boolean not null default true, constraint "adviser_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "adviser_region_id_index" on "adviser" ("region_id");`);
    this.addSql(`alter table "adviser" add constraint "adviser_username_unique" unique ("username");`);

    this.addSql(
      `create table "follow_up" ("id" uuid not null, "client_id" uuid not null, "adviser_id" uuid not null, "date" date not null, "note" text not null, constraint "follow_up_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "follow_up_client_id_index" on "follow_up" ("client_id");`);

    this.addSql(
      `create table "course_instructors" ("course_id" uuid not null, "adviser_id" uuid not null, constraint "course_instructors_pkey" primary key ("course_id", "adviser_id"));`,
    );

    this.addSql(
      `create table "counselling_session" ("id" uuid not null, "client_id" uuid not null, "adviser_id" uuid not null, "region_id" varchar(255) not null, "date" date not null, "duration_minutes" smallint not null, "form" text check ("form" in ('MEETING', 'PHONE', 'VIDEO')) not null, "topic" varchar(500) not null, "version" int not null default 1, constraint "counselling_session_pkey" primary key ("id"), constraint counselling_session_quarter_hours check (duration_minutes > 0 and duration_minutes <= 600 and duration_minutes % 15 = 0));`,
    );
    this.addSql(`create index "counselling_session_adviser_id_index" on "counselling_session" ("adviser_id");`);
    this.addSql(
      `create index "counselling_session_client_id_date_index" on "counselling_session" ("client_id", "date");`,
    );
    this.addSql(
      `create index "counselling_session_region_id_date_index" on "counselling_session" ("region_id", "date");`,
    );

    this.addSql(
      `create table "service_offering" ("id" uuid not null, "region_id" varchar(255) not null, "kind" text check ("kind" in ('OFFICE_COMMUNITY', 'MENTOR_SCHEME_FOR_IMMIGRANTS', 'BUSINESS_ASSESSMENT', 'GROWTH_FOLLOW_UP', 'OTHER')) not null, "description" varchar(500) not null, "valid_from" date not null, "valid_to" date null, constraint "service_offering_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "service_offering_region_id_index" on "service_offering" ("region_id");`);

    this.addSql(
      `create table "survey_response" ("id" uuid not null, "client_id" uuid not null, "region_id" varchar(255) not null, "occasion" text check ("occasion" in ('AFTER_COUNSELLING', 'AFTER_COURSE')) not null, "course_id" uuid null, "score" smallint not null, "comment" text null, "answered_on" date not null, constraint "survey_response_pkey" primary key ("id"), constraint survey_response_score_1_to_6 check (score between 1 and 6));`,
    );
    this.addSql(`create index "survey_response_client_id_index" on "survey_response" ("client_id");`);
    this.addSql(
      `create index "survey_response_region_id_answered_on_index" on "survey_response" ("region_id", "answered_on");`,
    );

    this.addSql(
      `alter table "operator" add constraint "operator_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "network_event" add constraint "network_event_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "office" add constraint "office_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "office" add constraint "office_municipality_number_foreign" foreign key ("municipality_number") references "municipality" ("number") on update cascade;`,
    );

    this.addSql(
      `alter table "course" add constraint "course_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "milestone" add constraint "milestone_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "enrolment" add constraint "enrolment_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "enrolment" add constraint "enrolment_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "client_link" add constraint "client_link_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "business" add constraint "business_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "adviser" add constraint "adviser_operator_id_foreign" foreign key ("operator_id") references "operator" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "adviser" add constraint "adviser_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "follow_up" add constraint "follow_up_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "follow_up" add constraint "follow_up_adviser_id_foreign" foreign key ("adviser_id") references "adviser" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "course_instructors" add constraint "course_instructors_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "course_instructors" add constraint "course_instructors_adviser_id_foreign" foreign key ("adviser_id") references "adviser" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "counselling_session" add constraint "counselling_session_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "counselling_session" add constraint "counselling_session_adviser_id_foreign" foreign key ("adviser_id") references "adviser" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "counselling_session" add constraint "counselling_session_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "service_offering" add constraint "service_offering_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "survey_response" add constraint "survey_response_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "survey_response" add constraint "survey_response_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "survey_response" add constraint "survey_response_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "region" add column "free_counselling_minutes_per_client_year" int not null default 300;`);

    this.addSql(
      `alter table "client" add column "gender" text check ("gender" in ('FEMALE', 'MALE', 'OTHER')) null, add column "business_idea" text null, add column "industry_code" varchar(6) null, add column "growth_potential" text check ("growth_potential" in ('NOT_ASSESSED', 'LOW', 'MEDIUM', 'HIGH')) not null default 'NOT_ASSESSED', add column "survey_consent" boolean not null default false, add column "merged_into_id" uuid null;`,
    );
    this.addSql(`create index "client_merged_into_id_index" on "client" ("merged_into_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "adviser" drop constraint "adviser_operator_id_foreign";`);

    this.addSql(`alter table "enrolment" drop constraint "enrolment_course_id_foreign";`);

    this.addSql(`alter table "course_instructors" drop constraint "course_instructors_course_id_foreign";`);

    this.addSql(`alter table "survey_response" drop constraint "survey_response_course_id_foreign";`);

    this.addSql(`alter table "follow_up" drop constraint "follow_up_adviser_id_foreign";`);

    this.addSql(`alter table "course_instructors" drop constraint "course_instructors_adviser_id_foreign";`);

    this.addSql(`alter table "counselling_session" drop constraint "counselling_session_adviser_id_foreign";`);

    this.addSql(`drop table if exists "operator" cascade;`);

    this.addSql(`drop table if exists "network_event" cascade;`);

    this.addSql(`drop table if exists "office" cascade;`);

    this.addSql(`drop table if exists "course" cascade;`);

    this.addSql(`drop table if exists "milestone" cascade;`);

    this.addSql(`drop table if exists "enrolment" cascade;`);

    this.addSql(`drop table if exists "client_link" cascade;`);

    this.addSql(`drop table if exists "business" cascade;`);

    this.addSql(`drop table if exists "adviser" cascade;`);

    this.addSql(`drop table if exists "follow_up" cascade;`);

    this.addSql(`drop table if exists "course_instructors" cascade;`);

    this.addSql(`drop table if exists "counselling_session" cascade;`);

    this.addSql(`drop table if exists "service_offering" cascade;`);

    this.addSql(`drop table if exists "survey_response" cascade;`);

    this.addSql(`drop index "client_merged_into_id_index";`);
    this.addSql(
      `alter table "client" drop column "gender", drop column "business_idea", drop column "industry_code", drop column "growth_potential", drop column "survey_consent", drop column "merged_into_id";`,
    );

    this.addSql(`alter table "region" drop column "free_counselling_minutes_per_client_year";`);
  }
}
