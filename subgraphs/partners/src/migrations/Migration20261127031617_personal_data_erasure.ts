// Referrals and business assessments remember when their client data was erased.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261127031617_personal_data_erasure extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "business_assessment" add column "erased_at" timestamptz null;`);

    this.addSql(`alter table "referral" add column "erased_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "business_assessment" drop column "erased_at";`);

    this.addSql(`alter table "referral" drop column "erased_at";`);
  }
}
