import { Migration } from '@mikro-orm/migrations';

export class Migration20261207140846_business_register extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "business" add column "industry_code" varchar(10) null, add column "registered_in_register_on" date null, add column "deleted_on" date null, add column "bankrupt_on" date null, add column "register_checked_at" timestamptz null, add column "missing_from_register_since" date null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "business" drop column "industry_code", drop column "registered_in_register_on", drop column "deleted_on", drop column "bankrupt_on", drop column "register_checked_at", drop column "missing_from_register_since";`,
    );
  }
}
