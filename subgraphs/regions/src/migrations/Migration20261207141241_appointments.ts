import { Migration } from '@mikro-orm/migrations';

export class Migration20261207141241_appointments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "appointment_slot" ("id" uuid not null, "adviser_id" uuid not null, "region_id" varchar(255) not null, "office_id" uuid null, "starts_at" timestamptz not null, "duration_minutes" smallint not null, "form" text check ("form" in ('MEETING', 'PHONE', 'VIDEO')) not null, "location" varchar(300) null, "created_at" timestamptz not null, "cancelled_at" timestamptz null, "calendar_sequence" int not null default 0, "version" int not null default 1, constraint "appointment_slot_pkey" primary key ("id"), constraint appointment_slot_quarter_hours check (duration_minutes >= 15 and duration_minutes <= 240 and duration_minutes % 15 = 0));`,
    );
    this.addSql(
      `create index "appointment_slot_region_id_starts_at_index" on "appointment_slot" ("region_id", "starts_at");`,
    );
    this.addSql(
      `create index "appointment_slot_adviser_id_starts_at_index" on "appointment_slot" ("adviser_id", "starts_at");`,
    );

    this.addSql(
      `create table "appointment_booking" ("id" uuid not null, "slot_id" uuid not null, "website_request_id" uuid not null, "client_id" uuid not null, "name" varchar(200) not null, "email" varchar(254) not null, "phone" varchar(20) null, "topic" text not null, "locale" text check ("locale" in ('nb', 'en')) not null, "booked_at" timestamptz not null, "cancelled_at" timestamptz null, constraint "appointment_booking_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "appointment_booking" add constraint "appointment_booking_website_request_id_unique" unique ("website_request_id");`,
    );
    this.addSql(`create index "appointment_booking_client_id_index" on "appointment_booking" ("client_id");`);
    this.addSql(
      `create unique index "appointment_booking_one_per_slot" on "appointment_booking" ("slot_id") where "cancelled_at" is null;`,
    );

    this.addSql(
      `alter table "appointment_slot" add constraint "appointment_slot_adviser_id_foreign" foreign key ("adviser_id") references "adviser" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "appointment_slot" add constraint "appointment_slot_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "appointment_slot" add constraint "appointment_slot_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "appointment_booking" add constraint "appointment_booking_slot_id_foreign" foreign key ("slot_id") references "appointment_slot" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "appointment_booking" add constraint "appointment_booking_website_request_id_foreign" foreign key ("website_request_id") references "website_request" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "appointment_booking" add constraint "appointment_booking_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "appointment_booking" drop constraint "appointment_booking_slot_id_foreign";`);

    this.addSql(`drop table if exists "appointment_slot" cascade;`);

    this.addSql(`drop table if exists "appointment_booking" cascade;`);
  }
}
