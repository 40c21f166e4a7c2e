import { Migration } from '@mikro-orm/migrations';

export class Migration20261207115016_outbox_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "outbox_message" ("id" uuid not null, "channel" text check ("channel" in ('EMAIL', 'NOTIFY')) not null, "kind" varchar(200) not null, "recipient_email" varchar(320) null, "recipient_name" varchar(200) null, "audience" jsonb null, "locale" text check ("locale" in ('nb', 'en')) not null, "subject" text not null, "text_body" text not null, "html_body" text null, "payload" jsonb null, "dedupe_key" varchar(500) null, "created_at" timestamptz not null default now(), "next_attempt_at" timestamptz not null default now(), "attempts" int not null default 0, "last_error" text null, "sent_at" timestamptz null, constraint "outbox_message_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "outbox_message" add constraint "outbox_message_dedupe_key_unique" unique ("dedupe_key");`,
    );
    this.addSql(
      `create index "outbox_message_due_index" on "outbox_message" ("next_attempt_at") where "sent_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_message" cascade;`);
  }
}
