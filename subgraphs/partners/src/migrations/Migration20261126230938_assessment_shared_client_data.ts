import { Migration } from '@mikro-orm/migrations';

export class Migration20261126230938_assessment_shared_client_data extends Migration {
  override async up(): Promise<void> {
    // Assessments requested before NAV recorded shared data have none to show.
    this.addSql(
      `alter table "business_assessment" add column "shared_name" varchar(200) not null default '', add column "shared_email" varchar(254) null, add column "shared_phone" varchar(20) null;`,
    );
    this.addSql(`alter table "business_assessment" alter column "shared_name" drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "business_assessment" drop column "shared_name", drop column "shared_email", drop column "shared_phone";`,
    );
  }
}
