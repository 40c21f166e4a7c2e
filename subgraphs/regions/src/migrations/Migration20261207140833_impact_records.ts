import { Migration } from '@mikro-orm/migrations';

export class Migration20261207140833_impact_records extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "impact_record" ("id" uuid not null, "client_id" uuid not null, "adviser_id" uuid not null, "region_id" varchar(255) not null, "kind" text check ("kind" in ('JOBS_CREATED', 'JOBS_RETAINED', 'CAPITAL_RAISED', 'REVENUE')) not null, "recorded_for" date not null, "fte" numeric(6,1) null, "amount_ore" bigint null, "capital_source" text check ("capital_source" in ('LOAN', 'EQUITY', 'GRANT', 'OWN_FUNDS')) null, "note" text null, "created_at" timestamptz not null, "confirmed_at" timestamptz null, "confirmed_via" text check ("confirmed_via" in ('CLIENT_LINK', 'IN_PERSON', 'SIGNED_FORM')) null, "version" int not null default 1, constraint "impact_record_pkey" primary key ("id"), constraint impact_record_fields_of_kind check (case kind
        when 'JOBS_CREATED' then fte is not null and amount_ore is null and capital_source is null
        when 'JOBS_RETAINED' then fte is not null and amount_ore is null and capital_source is null
        when 'CAPITAL_RAISED' then fte is null and amount_ore is not null and capital_source is not null
        when 'REVENUE' then fte is null and amount_ore is not null and capital_source is null
        end), constraint impact_record_positive check ((fte is null or fte > 0) and (amount_ore is null or amount_ore > 0)), constraint impact_record_confirmed_with_method check ((confirmed_at is null) = (confirmed_via is null)));`);
    this.addSql(`create index "impact_record_client_id_index" on "impact_record" ("client_id");`);
    this.addSql(
      `create index "impact_record_region_id_recorded_for_index" on "impact_record" ("region_id", "recorded_for");`,
    );

    this.addSql(
      `alter table "impact_record" add constraint "impact_record_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "impact_record" add constraint "impact_record_adviser_id_foreign" foreign key ("adviser_id") references "adviser" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "impact_record" add constraint "impact_record_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );

    this.addSql(`alter table "public_link" drop constraint if exists "public_link_kind_check";`);

    this.addSql(
      `alter table "counselling_session" add column "preparation_minutes" smallint not null default 0, add column "funding_source" text check ("funding_source" in ('BASIC_SERVICE', 'SUPPLEMENTARY_SERVICE', 'PROJECT_OR_OTHER')) not null default 'BASIC_SERVICE';`,
    );
    this.addSql(
      `alter table "counselling_session" add constraint counselling_session_preparation_quarter_hours check(preparation_minutes >= 0 and preparation_minutes <= 600 and preparation_minutes % 15 = 0);`,
    );

    this.addSql(`alter table "public_link" add column "impact_record_id" uuid null;`);
    this.addSql(
      `alter table "public_link" add constraint "public_link_impact_record_id_foreign" foreign key ("impact_record_id") references "impact_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "public_link" add constraint "public_link_kind_check" check("kind" in ('SURVEY', 'UNSUBSCRIBE', 'CANCEL', 'IMPACT_CONFIRMATION'));`,
    );
    this.addSql(
      `alter table "public_link" add constraint public_link_impact_confirmation_has_record check((kind = 'IMPACT_CONFIRMATION') = (impact_record_id is not null));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "public_link" drop constraint "public_link_impact_record_id_foreign";`);

    this.addSql(`drop table if exists "impact_record" cascade;`);

    this.addSql(`alter table "public_link" drop constraint if exists "public_link_kind_check";`);

    this.addSql(`alter table "counselling_session" drop constraint counselling_session_preparation_quarter_hours;`);
    this.addSql(`alter table "counselling_session" drop column "preparation_minutes", drop column "funding_source";`);

    this.addSql(`alter table "public_link" drop constraint public_link_impact_confirmation_has_record;`);
    this.addSql(`alter table "public_link" drop column "impact_record_id";`);

    this.addSql(
      `alter table "public_link" add constraint "public_link_kind_check" check("kind" in ('SURVEY', 'UNSUBSCRIBE', 'CANCEL'));`,
    );
  }
}
