import { Migration } from '@mikro-orm/migrations';

export class Migration20261207080837_agreement_lifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "agreement_signature" ("id" uuid not null, "agreement_id" varchar(100) not null, "party_id" uuid not null, "signed_by" varchar(200) not null, "signed_on" date not null, "recorded_by" varchar(200) not null, "recorded_at" timestamptz not null, constraint "agreement_signature_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "agreement_signature" add constraint "agreement_signature_party_id_unique" unique ("party_id");`,
    );

    this.addSql(
      `create table "supplementary_service" ("id" uuid not null, "agreement_id" varchar(100) not null, "description" varchar(500) not null, "valid_from" date not null, "valid_to" date null, "position" smallint not null, constraint "supplementary_service_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "supplementary_service_agreement_id_valid_from_index" on "supplementary_service" ("agreement_id", "valid_from");`,
    );

    this.addSql(
      `alter table "agreement_signature" add constraint "agreement_signature_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "agreement_signature" add constraint "agreement_signature_party_id_foreign" foreign key ("party_id") references "agreement_party" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "supplementary_service" add constraint "supplementary_service_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "agreement" add column "population_source" varchar(200) null, add column "renewed_from_id" varchar(100) null;`,
    );

    this.addSql(
      `alter table "amendment" add column "concerned_party_ids" text[] not null default '{}', add column "consenting_party_ids" text[] not null default '{}';`,
    );

    this.addSql(
      `alter table "extension" add column "consenting_party_ids" text[] not null default '{}', add column "late_reason" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agreement_signature" cascade;`);

    this.addSql(`drop table if exists "supplementary_service" cascade;`);

    this.addSql(`alter table "agreement" drop column "population_source", drop column "renewed_from_id";`);

    this.addSql(`alter table "amendment" drop column "concerned_party_ids", drop column "consenting_party_ids";`);

    this.addSql(`alter table "extension" drop column "consenting_party_ids", drop column "late_reason";`);
  }
}
