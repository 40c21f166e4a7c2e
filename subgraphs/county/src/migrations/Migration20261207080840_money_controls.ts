import { Migration } from '@mikro-orm/migrations';

// Money controls (issue 18 §3): a budget decision can be corrected, keeping the one it superseded,
// and a payment is recorded by one county officer and confirmed by a second.
export class Migration20261207080840_money_controls extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "budget_decision" drop constraint "budget_decision_agreement_id_year_payer_unique";`);
    this.addSql(
      `alter table "budget_decision" add column "supersedes_id" uuid null, add column "superseded_by_id" uuid null, add column "recorded_at" timestamptz not null default now(), add column "recorded_by" varchar(200) null;`,
    );
    this.addSql(`alter table "budget_decision" alter column "recorded_at" drop default;`);
    this.addSql(
      `create index "budget_decision_agreement_id_year_payer_index" on "budget_decision" ("agreement_id", "year", "payer");`,
    );
    this.addSql(
      `create unique index "budget_decision_one_in_force" on "budget_decision" ("agreement_id", "year", "payer") where "superseded_by_id" is null;`,
    );

    this.addSql(
      `alter table "payment" add column "recorded_by_subject" varchar(255) null, add column "recorded_on" date null, add column "confirmed_by" varchar(200) null, add column "confirmed_by_subject" varchar(255) null, add column "confirmed_on" date null;`,
    );
    // Payments recorded before the control were recorded by one officer and counted as paid; they
    // still do, confirmed on the day they were paid by the officer who recorded them (which is what
    // happened), with no user id, so the check below does not apply to them.
    this.addSql(
      `update "payment" set "recorded_on" = "paid_on", "confirmed_by" = "recorded_by", "confirmed_on" = "paid_on";`,
    );
    this.addSql(
      `alter table "payment" add constraint payment_confirmed_by_a_second_officer check(confirmed_by_subject is null or recorded_by_subject is null or confirmed_by_subject <> recorded_by_subject);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "budget_decision_agreement_id_year_payer_index";`);
    this.addSql(`drop index "budget_decision_one_in_force";`);
    // Only the decisions in force fit the old one-per-payer rule.
    this.addSql(`delete from "budget_decision" where "superseded_by_id" is not null;`);
    this.addSql(
      `alter table "budget_decision" drop column "supersedes_id", drop column "superseded_by_id", drop column "recorded_at", drop column "recorded_by";`,
    );
    this.addSql(
      `alter table "budget_decision" add constraint "budget_decision_agreement_id_year_payer_unique" unique ("agreement_id", "year", "payer");`,
    );

    this.addSql(`alter table "payment" drop constraint payment_confirmed_by_a_second_officer;`);
    this.addSql(
      `alter table "payment" drop column "recorded_by_subject", drop column "recorded_on", drop column "confirmed_by", drop column "confirmed_by_subject", drop column "confirmed_on";`,
    );
  }
}
