import pg from 'pg';

const c = new pg.Client({ connectionString: process.argv[2] });
await c.connect();
const N = process.argv[3];
const where = `c.region_id in ('follo') and c.merged_into_id is null and (c.name ilike $1 or c.email ilike $1 or c.phone ilike $1)`;
const qs = {
  count: `select count(*) from client c where ${where}`,
  page: `select c.* from client c where ${where} order by c.registered_on desc, c.id asc limit 50`,
  window: `select c.*, count(*) over () as total from client c where ${where} order by c.registered_on desc, c.id asc limit 50`,
  nameOnly: `select c.*, count(*) over () as total from client c where c.region_id in ('follo') and c.merged_into_id is null and c.name ilike $1 order by c.registered_on desc, c.id asc limit 50`,
};
for (let round = 0; round < 2; round++)
  for (const [k, q] of Object.entries(qs)) {
    const t = [];
    for (let i = 0; i < 25; i++) {
      const s = performance.now();
      await c.query(q, [`%${N}%`]);
      t.push(performance.now() - s);
    }
    t.sort((a, b) => a - b);
    console.log(k.padEnd(10), 'median', t[12].toFixed(2), 'ms  min', t[0].toFixed(2));
  }
await c.end();
