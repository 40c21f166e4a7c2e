import { Migration } from '@mikro-orm/migrations';

export class Migration20261207115230_referral_and_assessment_senders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "business_assessment" add column "requested_by_subject" varchar(255) null;`);

    this.addSql(`alter table "referral" add column "sent_by_subject" varchar(255) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "business_assessment" drop column "requested_by_subject";`);

    this.addSql(`alter table "referral" drop column "sent_by_subject";`);
  }
}
