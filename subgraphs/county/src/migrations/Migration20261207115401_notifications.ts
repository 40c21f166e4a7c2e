import { Migration } from '@mikro-orm/migrations';

export class Migration20261207115401_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notification" ("id" uuid not null, "kind" text check ("kind" in ('REFERRAL_RECEIVED', 'REFERRAL_ANSWERED', 'REPORT_DEADLINE_REMINDER', 'REPORT_OVERDUE', 'INSTALMENT_DUE', 'INSTALMENT_OVERDUE', 'MEETING_NOT_HELD')) not null, "audience" jsonb not null, "title" text not null, "body" text not null, "link" varchar(500) null, "source" varchar(50) not null, "created_at" timestamptz not null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "notification_created_at_index" on "notification" ("created_at");`);

    this.addSql(
      `create table "notification_preference" ("subject" varchar(255) not null, "kind" text check ("kind" in ('REFERRAL_RECEIVED', 'REFERRAL_ANSWERED', 'REPORT_DEADLINE_REMINDER', 'REPORT_OVERDUE', 'INSTALMENT_DUE', 'INSTALMENT_OVERDUE', 'MEETING_NOT_HELD')) not null, "console" boolean not null, "email" boolean not null, "updated_at" timestamptz not null, constraint "notification_preference_pkey" primary key ("subject", "kind"));`,
    );

    this.addSql(
      `create table "notification_read" ("notification_id" uuid not null, "subject" varchar(255) not null, "read_at" timestamptz not null, constraint "notification_read_pkey" primary key ("notification_id", "subject"));`,
    );

    this.addSql(
      `alter table "notification_read" add constraint "notification_read_notification_id_foreign" foreign key ("notification_id") references "notification" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification_read" drop constraint "notification_read_notification_id_foreign";`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "notification_preference" cascade;`);

    this.addSql(`drop table if exists "notification_read" cascade;`);
  }
}
