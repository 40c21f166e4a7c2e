import { Migration } from '@mikro-orm/migrations';

export class Migration20261126213627_regions_and_municipalities extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "region" ("id" varchar(255) not null, "name" varchar(255) not null, "contract_municipality_number" varchar(4) not null, constraint "region_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "region" add constraint "region_name_unique" unique ("name");`);

    this.addSql(
      `create table "municipality" ("number" varchar(4) not null, "name" varchar(255) not null, "region_id" varchar(255) not null, constraint "municipality_pkey" primary key ("number"));`,
    );
    this.addSql(`create index "municipality_region_id_index" on "municipality" ("region_id");`);

    this.addSql(
      `alter table "municipality" add constraint "municipality_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "municipality" drop constraint "municipality_region_id_foreign";`);

    this.addSql(`drop table if exists "region" cascade;`);

    this.addSql(`drop table if exists "municipality" cascade;`);
  }
}
