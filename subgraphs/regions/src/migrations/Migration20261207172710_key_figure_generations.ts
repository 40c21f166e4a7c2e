import { Migration } from '@mikro-orm/migrations';

/** The tables the key figures count, and how a changed row finds its region (key_figures_changed's argument). */
const countedTables = {
  region: 'region',
  client: 'region_id',
  counselling_session: 'region_id',
  course: 'region_id',
  survey_response: 'region_id',
  impact_record: 'region_id',
  enrolment: 'course',
  business: 'client',
  milestone: 'client',
} as const;

/**
 * The key figures' generations (entities/key-figure-generation.ts): statement triggers on every table the
 * key figures count give each region a changed row belongs to (before and after an update) a new generation
 * in the same transaction; a truncate gives every region one. Also the client list's indexes: trigrams for
 * its search (pg_trgm, a trusted extension) and the possible duplicates' lookups.
 */
export class Migration20261207172710_key_figure_generations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create table "key_figure_generation" ("region_id" varchar(255) not null, "generation" bigint not null default 0, constraint "key_figure_generation_pkey" primary key ("region_id"));`,
    );
    this.addSql(`create sequence "key_figure_generation_seq";`);
    this.addSql(
      `insert into "key_figure_generation" ("region_id", "generation") select "id", nextval('key_figure_generation_seq') from "region" order by "id";`,
    );
    this.addSql(`create function key_figures_changed() returns trigger language plpgsql as $$
declare
  region_of text := case tg_argv[0]
    when 'region' then 't.id'
    when 'course' then '(select k.region_id from course k where k.id = t.course_id)'
    when 'client' then '(select c.region_id from client c where c.id = t.client_id)'
    else 't.region_id' end;
  changed text := case tg_op
    when 'INSERT' then format('select %s as region_id from new_rows t', region_of)
    when 'DELETE' then format('select %s as region_id from old_rows t', region_of)
    else format('select %1$s as region_id from new_rows t union select %1$s from old_rows t', region_of) end;
begin
  if tg_op = 'TRUNCATE' then
    update key_figure_generation set generation = nextval('key_figure_generation_seq');
    return null;
  end if;
  -- In the regions' order, so two transactions that change the same regions lock their rows in the same order.
  execute format('insert into key_figure_generation as g (region_id, generation)
      select region_id, nextval(''key_figure_generation_seq'')
        from (select distinct region_id from (%s) changed where region_id is not null) regions
       order by region_id
    on conflict (region_id) do update set generation = excluded.generation', changed);
  return null;
end $$;`);
    for (const [table, regionOf] of Object.entries(countedTables)) {
      this.addSql(
        `create trigger key_figures_inserted after insert on "${table}" referencing new table as new_rows for each statement execute function key_figures_changed('${regionOf}');`,
      );
      this.addSql(
        `create trigger key_figures_updated after update on "${table}" referencing old table as old_rows new table as new_rows for each statement execute function key_figures_changed('${regionOf}');`,
      );
      this.addSql(
        `create trigger key_figures_deleted after delete on "${table}" referencing old table as old_rows for each statement execute function key_figures_changed('${regionOf}');`,
      );
      this.addSql(
        `create trigger key_figures_truncated after truncate on "${table}" for each statement execute function key_figures_changed('${regionOf}');`,
      );
    }

    this.addSql(
      `create index "client_search_trgm_index" on "client" using gin ("name" gin_trgm_ops, "email" gin_trgm_ops, "phone" gin_trgm_ops);`,
    );
    this.addSql(
      `create index "client_region_id_lower_name_birth_year_index" on "client" ("region_id", lower("name"), "birth_year");`,
    );
    this.addSql(`create index "client_lower_email_index" on "client" (lower("email"));`);
    this.addSql(`create index "client_phone_digits_index" on "client" (replace("phone", ' ', ''));`);
  }

  override async down(): Promise<void> {
    for (const table of Object.keys(countedTables)) {
      for (const event of ['inserted', 'updated', 'deleted', 'truncated']) {
        this.addSql(`drop trigger key_figures_${event} on "${table}";`);
      }
    }
    this.addSql(`drop function key_figures_changed();`);
    this.addSql(`drop sequence "key_figure_generation_seq";`);
    this.addSql(`drop table if exists "key_figure_generation" cascade;`);

    this.addSql(`drop index "client_search_trgm_index";`);
    this.addSql(`drop index "client_region_id_lower_name_birth_year_index";`);
    this.addSql(`drop index "client_lower_email_index";`);
    this.addSql(`drop index "client_phone_digits_index";`);
  }
}
