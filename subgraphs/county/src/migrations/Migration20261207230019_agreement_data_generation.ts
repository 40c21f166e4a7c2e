import { Migration } from '@mikro-orm/migrations';

/** The tables the kept agreement rows are read from (kept-rows.ts): a change to any gives a new generation. */
const keptTables = [
  'agreement',
  'agreement_party',
  'notice',
  'funding_rate',
  'budget_decision',
  'payment',
  'submission',
  'population_figure',
] as const;

/**
 * The agreements' data generation (entities/data-generation.ts): statement triggers on every table the kept
 * rows are read from give the one row a new generation, from a sequence, in the same transaction as the change.
 * The update takes the row's lock until the transaction ends, so a reader never sees the new generation
 * before the change it stands for is committed.
 */
export class Migration20261207230019_agreement_data_generation extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "data_generation" ("name" varchar(50) not null, "generation" bigint not null default 0, constraint "data_generation_pkey" primary key ("name"));`,
    );
    this.addSql(`create sequence "data_generation_seq";`);
    this.addSql(
      `insert into "data_generation" ("name", "generation") values ('agreements', nextval('data_generation_seq'));`,
    );
    this.addSql(`create function agreement_data_changed() returns trigger language plpgsql as $$
begin
  insert into data_generation as g (name, generation) values ('agreements', nextval('data_generation_seq'))
    on conflict (name) do update set generation = excluded.generation;
  return null;
end $$;`);
    for (const table of keptTables) {
      this.addSql(
        `create trigger agreement_data_changed after insert or update or delete or truncate on "${table}" for each statement execute function agreement_data_changed();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of keptTables) this.addSql(`drop trigger agreement_data_changed on "${table}";`);
    this.addSql(`drop function agreement_data_changed();`);
    this.addSql(`drop sequence "data_generation_seq";`);
    this.addSql(`drop table if exists "data_generation" cascade;`);
  }
}
