import { Migration } from '@mikro-orm/migrations';

export class Migration20261126213842_population_figures extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "population_figure" ("municipality_number" varchar(4) not null, "date" date not null, "population" int not null, "source" text check ("source" in ('DEMO_APPROXIMATION', 'SSB')) not null, "recorded_at" timestamptz not null, constraint "population_figure_pkey" primary key ("municipality_number", "date"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "population_figure" cascade;`);
  }
}
