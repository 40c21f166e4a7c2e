import { Migration } from '@mikro-orm/migrations';

export class Migration20261126225930_annual_report_figures extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "submission" add column "reported_figures" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "submission" drop column "reported_figures";`);
  }
}
