// The national-scale data set (`pnpm bench --national`): ten times the county scale, made in SQL from the
// county-scale databases rather than by the seeders (whose rows, held in memory, would need ten times the
// 1.5 GB they take at county scale). Each database is copied (CREATE DATABASE … TEMPLATE), then every
// client with everything of theirs, and every course with its enrolments, is inserted nine times more with
// ids of its own (the copy's number in the id's second group, which the county-scale ids leave 0000), its
// own e-mail address, phone number and organisation numbers; the regions, advisers and agreements are the
// county's. One statement per table and copy-set (generate_series), so it takes minutes, not hours.
import { logger, queryRows, runSql } from '@etablerer/kit';

const copies = 9;

/** The copy's id: `id` with the copy's number `k` in its second group (0000 in every county-scale id). */
const remap = (column: string) =>
  `case when ${column} is null then null else overlay(${column}::text placing lpad(k::text, 4, '0') from 10 for 4)::uuid end`;

/** Every row of `table` nine times more, with the columns in `changed` replaced (SQL over row `t` and copy `k`). */
function multiply(table: string, changed: Record<string, string>): string {
  const replaced = Object.entries(changed)
    .map(([column, value]) => `'${column}', ${value}`)
    .join(', ');
  return `insert into ${table}
    select (jsonb_populate_record(null::${table}, to_jsonb(t) || jsonb_build_object(${replaced}))).*
      from ${table} t cross join generate_series(1, ${copies}) k;`;
}

const regionsSql = [
  multiply('client', {
    id: remap('t.id'),
    email: `regexp_replace(t.email, '@', '.' || k || '@')`,
    phone: `t.phone || k`,
  }),
  multiply('course', { id: remap('t.id') }),
  multiply('course_instructors', { course_id: remap('t.course_id') }),
  multiply('counselling_session', { id: remap('t.id'), client_id: remap('t.client_id') }),
  multiply('enrolment', { id: remap('t.id'), client_id: remap('t.client_id'), course_id: remap('t.course_id') }),
  // Organisation numbers are unique: the county's start with 9, a copy's with its number less one.
  multiply('business', {
    id: remap('t.id'),
    client_id: remap('t.client_id'),
    organisation_number: `(k - 1)::text || substr(t.organisation_number, 2)`,
  }),
  multiply('milestone', { id: remap('t.id'), client_id: remap('t.client_id') }),
  multiply('follow_up', { id: remap('t.id'), client_id: remap('t.client_id') }),
  multiply('client_link', { id: remap('t.id'), client_id: remap('t.client_id') }),
  multiply('survey_response', { id: remap('t.id'), client_id: remap('t.client_id'), course_id: remap('t.course_id') }),
].join('\n');

const partnersSql = [
  multiply('referral', { id: remap('t.id'), client_id: remap('t.client_id') }),
  multiply('business_assessment', { id: remap('t.id'), client_id: remap('t.client_id') }),
].join('\n');

/**
 * Makes `<subgraph>_national_scale` from `<subgraph>_county_scale` where it is missing (the county-scale
 * databases must be seeded, and no one connected to them), then analyses them.
 */
export async function prepareNationalScale(server: string): Promise<void> {
  for (const subgraph of ['county', 'regions', 'partners'] as const) await prepareNationalDatabase(server, subgraph);
}

export async function prepareNationalDatabase(server: string, subgraph: 'county' | 'regions' | 'partners') {
  const national = `${subgraph}_national_scale`;
  const [exists] = await queryRows<{ n: number }>(
    server,
    'postgres',
    'select count(*)::int as n from pg_database where datname = $1',
    [national],
  );
  if (exists?.n) return;
  const started = performance.now();
  // Made under another name and renamed when complete, so a run cut short leaves no half-made database.
  const making = `${national}_making`;
  await runSql(server, 'postgres', `drop database if exists ${making}`);
  await runSql(server, 'postgres', `create database ${making} template ${subgraph}_county_scale`);
  const sql = subgraph === 'regions' ? regionsSql : subgraph === 'partners' ? partnersSql : '';
  if (sql) await runSql(server, making, `begin;\n${sql}\ncommit;`);
  await runSql(server, making, 'vacuum analyze');
  await runSql(server, 'postgres', `alter database ${making} rename to ${national}`);
  logger.info(
    { database: national, seconds: Math.round(performance.now() - started) / 1000 },
    'national-scale database made',
  );
}
