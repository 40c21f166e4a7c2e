import { Migration } from '@mikro-orm/migrations';

export class Migration20261207140851_groups_and_meetings extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "conflict_meeting_request" ("id" uuid not null, "requested_on" date not null, "region_id" varchar(100) null, "called_by" varchar(200) not null, "subject" text not null, "held_as_id" uuid null, "version" int not null default 1, constraint "conflict_meeting_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "conflict_meeting_request_requested_on_index" on "conflict_meeting_request" ("requested_on");`,
    );
    this.addSql(
      `alter table "conflict_meeting_request" add constraint "conflict_meeting_request_held_as_id_unique" unique ("held_as_id");`,
    );

    this.addSql(
      `alter table "conflict_meeting_request" add constraint "conflict_meeting_request_held_as_id_foreign" foreign key ("held_as_id") references "meeting" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "meeting" drop constraint if exists "meeting_kind_check";`);

    this.addSql(
      `alter table "coordination_member" add column "group" text check ("group" in ('COORDINATION_GROUP', 'PROFESSIONAL_GROUP')) not null default 'COORDINATION_GROUP', add column "region_id" varchar(100) null;`,
    );

    this.addSql(
      `alter table "meeting" add column "requested_on" date null, add column "present_member_ids" text[] not null default '{}';`,
    );
    this.addSql(
      `alter table "meeting" add constraint "meeting_kind_check" check("kind" in ('COORDINATION_GROUP', 'EXPERIENCE_MEETING', 'SUPPLEMENTARY_CONTENT', 'CONFLICT', 'PROFESSIONAL_GROUP'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "conflict_meeting_request" cascade;`);

    this.addSql(`alter table "meeting" drop constraint if exists "meeting_kind_check";`);

    this.addSql(`alter table "coordination_member" drop column "group", drop column "region_id";`);

    this.addSql(`alter table "meeting" drop column "requested_on", drop column "present_member_ids";`);

    this.addSql(
      `alter table "meeting" add constraint "meeting_kind_check" check("kind" in ('COORDINATION_GROUP', 'EXPERIENCE_MEETING', 'SUPPLEMENTARY_CONTENT', 'CONFLICT'));`,
    );
  }
}
