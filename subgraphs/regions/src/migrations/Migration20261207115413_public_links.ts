import { Migration } from '@mikro-orm/migrations';

export class Migration20261207115413_public_links extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "public_link" ("id" uuid not null, "token_hash" varchar(64) not null, "kind" text check ("kind" in ('SURVEY', 'UNSUBSCRIBE', 'CANCEL')) not null, "client_id" uuid not null, "locale" text check ("locale" in ('nb', 'en')) not null, "occasion" text check ("occasion" in ('AFTER_COUNSELLING', 'AFTER_COURSE')) null, "course_id" uuid null, "counselling_session_id" uuid null, "website_request_id" uuid null, "created_at" timestamptz not null, "expires_at" timestamptz null, "used_at" timestamptz null, constraint "public_link_pkey" primary key ("id"), constraint public_link_survey_has_occasion check ((kind = 'SURVEY') = (occasion is not null)), constraint public_link_cancel_has_request check ((kind = 'CANCEL') = (website_request_id is not null)));`,
    );
    this.addSql(`alter table "public_link" add constraint "public_link_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "public_link_client_id_index" on "public_link" ("client_id");`);

    this.addSql(
      `alter table "public_link" add constraint "public_link_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "public_link" add constraint "public_link_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "public_link" add constraint "public_link_counselling_session_id_foreign" foreign key ("counselling_session_id") references "counselling_session" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "public_link" add constraint "public_link_website_request_id_foreign" foreign key ("website_request_id") references "website_request" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "website_request" drop constraint if exists "website_request_status_check";`);

    this.addSql(
      `alter table "website_request" add constraint "website_request_status_check" check("status" in ('PENDING', 'PICKED_UP', 'CANCELLED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "public_link" cascade;`);

    this.addSql(`alter table "website_request" drop constraint if exists "website_request_status_check";`);

    this.addSql(
      `alter table "website_request" add constraint "website_request_status_check" check("status" in ('PENDING', 'PICKED_UP'));`,
    );
  }
}
