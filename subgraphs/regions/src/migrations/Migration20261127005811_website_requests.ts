import { Migration } from '@mikro-orm/migrations';

export class Migration20261127005811_website_requests extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "website_request" ("id" uuid not null, "reference" varchar(12) not null, "kind" text check ("kind" in ('COURSE_SIGN_UP', 'COUNSELLING')) not null, "status" text check ("status" in ('PENDING', 'PICKED_UP')) not null default 'PENDING', "region_id" varchar(255) not null, "client_id" uuid not null, "matched_existing_client" boolean not null, "course_id" uuid null, "message" text null, "email" varchar(254) not null, "consented_at" timestamptz not null, "privacy_notice_version" varchar(20) not null, "received_at" timestamptz not null, "picked_up_by_id" uuid null, "picked_up_at" timestamptz null, "version" int not null default 1, constraint "website_request_pkey" primary key ("id"), constraint website_request_course_for_sign_up check ((kind = 'COURSE_SIGN_UP') = (course_id is not null)));`,
    );
    this.addSql(
      `alter table "website_request" add constraint "website_request_reference_unique" unique ("reference");`,
    );
    this.addSql(`create index "website_request_client_id_index" on "website_request" ("client_id");`);
    this.addSql(
      `create index "website_request_region_id_status_received_at_index" on "website_request" ("region_id", "status", "received_at");`,
    );
    this.addSql(
      `create index "website_request_email_received_at_index" on "website_request" ("email", "received_at");`,
    );

    this.addSql(
      `alter table "website_request" add constraint "website_request_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "website_request" add constraint "website_request_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "website_request" add constraint "website_request_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "website_request" add constraint "website_request_picked_up_by_id_foreign" foreign key ("picked_up_by_id") references "adviser" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "website_request" cascade;`);
  }
}
