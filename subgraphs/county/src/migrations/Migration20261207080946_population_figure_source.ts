import { Migration } from '@mikro-orm/migrations';

export class Migration20261207080946_population_figure_source extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "population_figure" add column "source_table" varchar(5) null, add column "source_updated_at" timestamptz null, add column "imported_by" varchar(200) null;`,
    );
    // Figures imported before this change came from table 01222 too; when and by whom is not known.
    this.addSql(`update "population_figure" set "source_table" = '01222' where "source" = 'SSB';`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "population_figure" drop column "source_table", drop column "source_updated_at", drop column "imported_by";`,
    );
  }
}
