import { Migration } from '@mikro-orm/migrations';

export class Migration20261207081006_payment_payers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "payment" drop constraint "payment_once_per_instalment";`);

    this.addSql(`alter table "payment" add column "payer_id" varchar(20) null;`);
    // Payments recorded before payers were: Viken paid up to 2023, the region's county from 2024
    // (the county of its contract municipality; see kit counties.ts). Shares of a second county in
    // those years were not recorded apart and stay with the region's county.
    this.addSql(`update "payment" p set "payer_id" = case
        when p."year" < 2024 then 'viken'
        when a."region_id" in ('halden', 'mosseregionen', 'nedre-glomma', 'indre-ostfold') then 'ostfold'
        when a."region_id" in ('follo', 'asker-og-baerum', 'nedre-romerike', 'ovre-romerike') then 'akershus'
        else 'buskerud' end
      from "agreement" a where a."id" = p."agreement_id";`);
    this.addSql(`alter table "payment" alter column "payer_id" set not null;`);
    this.addSql(
      `alter table "payment" add constraint "payment_once_per_instalment_and_payer" unique ("agreement_id", "year", "instalment", "payer_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payment" drop constraint "payment_once_per_instalment_and_payer";`);
    this.addSql(`alter table "payment" drop column "payer_id";`);
    this.addSql(
      `alter table "payment" add constraint "payment_once_per_instalment" unique ("agreement_id", "year", "instalment");`,
    );
  }
}
