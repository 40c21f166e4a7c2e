// An erased client keeps its row for the key figures; its businesses lose their organisation number.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261127031611_personal_data_erasure extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "client" add column "erased_at" timestamptz null;`);

    this.addSql(`alter table "business" alter column "organisation_number" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "business" alter column "organisation_number" set not null;`);

    this.addSql(`alter table "client" drop column "erased_at";`);
  }
}
