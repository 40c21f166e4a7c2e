// The import of the register of legal entities (Enhetsregisteret, brreg.no): its open bulk download
// ("lastned", a gzip'd JSON array of every entity, over 1 GB unzipped) is streamed, never held in memory,
// and sets the register's facts (registration, deletion and bankruptcy dates, industry code) on the
// businesses the CRM holds, matched by organisation number, in batches of one transaction each. Run
// again it changes nothing: survival (statistics.ts) is computed from these dates, never typed.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { logger, type Orm, runExclusively, todayInNorway } from '@etablerer/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import streamArray from 'stream-json/streamers/stream-array.js';

/** The register's open bulk download of its entities (hovedenheter), as documented on data.brreg.no. */
export const businessRegisterDownloadUrl = 'https://data.brreg.no/enhetsregisteret/api/enheter/lastned';
/** BUSINESS_REGISTER_SCHEDULE in production by default (once a URL is set): Sundays at 04:00, Norwegian time. */
export const defaultBusinessRegisterSchedule = '0 4 * * 0';
/** The advisory lock of an import (kit retention-task.ts): one at a time over all instances. */
export const businessRegisterLockKey = 7_364_210;

const missingBatchSize = 5000;

/** Where the register's file is read from: a file on disk or an http(s) address, gzip'd or not. */
export type BusinessRegisterSource = { file: string } | { url: string };

export interface BusinessRegisterImport {
  source: string;
  /** Entities read from the file. */
  entitiesRead: number;
  /** Of the CRM's businesses with an organisation number, those the file lists. */
  businessesFound: number;
  /** Those the file does not list: their missingFromRegisterSince is set. */
  businessesMissing: number;
  /** How many the CRM held when the import began. */
  businessesInCrm: number;
}

/** The fields of one entity of the bulk file that the import reads (the register's own names). */
interface RegisterEntity {
  organisasjonsnummer?: unknown;
  registreringsdatoEnhetsregisteret?: unknown;
  naeringskode1?: { kode?: unknown } | null;
  konkurs?: unknown;
  konkursdato?: unknown;
  slettedato?: unknown;
}

/** One business's facts as an import sets them. */
interface RegisterFacts {
  organisationNumber: string;
  industryCode: string | null;
  registeredOn: string | null;
  deletedOn: string | null;
  bankrupt: boolean;
  bankruptOn: string | null;
}

const dateOf = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

function factsOf(entity: RegisterEntity, organisationNumber: string): RegisterFacts {
  const industry = entity.naeringskode1?.kode;
  return {
    organisationNumber,
    industryCode: typeof industry === 'string' && industry.length <= 10 ? industry : null,
    registeredOn: dateOf(entity.registreringsdatoEnhetsregisteret),
    deletedOn: dateOf(entity.slettedato),
    bankrupt: entity.konkurs === true || dateOf(entity.konkursdato) !== null,
    bankruptOn: dateOf(entity.konkursdato),
  };
}

/** The bytes of the source, unzipped when they are gzip's (the register's file is; a test's may not be). */
async function* unzippedIfGzip(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const all = (async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  if (first.value[0] !== 0x1f || first.value[1] !== 0x8b) {
    yield* all;
    return;
  }
  const gunzip = createGunzip();
  const feeding = pipeline(Readable.from(all), gunzip);
  // A failure of the feed destroys gunzip, which ends the loop below with the error.
  feeding.catch(() => {});
  yield* gunzip;
  await feeding;
}

async function openSource(source: BusinessRegisterSource): Promise<Readable> {
  if ('file' in source) return createReadStream(source.file);
  const response = await fetch(source.url, { headers: { accept: 'application/json, application/gzip, */*' } });
  if (!response.ok || !response.body) {
    throw new Error(`The register's file at ${source.url} could not be fetched: HTTP ${response.status}`);
  }
  return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
}

/**
 * Sets the register's facts on the businesses of one batch, in one transaction. A bankruptcy without a
 * date in the file keeps the date known before, or the day of the import (bankrupt on that day at the latest).
 */
async function updateBatch(orm: Orm, batch: RegisterFacts[], checkedAt: Date, today: string): Promise<void> {
  await orm.em.fork().transactional((tx) =>
    (tx as EntityManager).execute(
      `update business b
          set industry_code = v.industry_code,
              registered_in_register_on = v.registered_on,
              deleted_on = v.deleted_on,
              bankrupt_on = case when v.bankrupt then coalesce(v.bankrupt_on, b.bankrupt_on, ?::date) end,
              register_checked_at = ?,
              missing_from_register_since = null
         from jsonb_to_recordset(?::jsonb) as v(organisation_number text, industry_code text, registered_on date,
                                               deleted_on date, bankrupt boolean, bankrupt_on date)
        where b.organisation_number = v.organisation_number`,
      [
        today,
        checkedAt,
        // One parameter for the batch: knex would spread arrays into lists of parameters.
        JSON.stringify(
          batch.map((facts) => ({
            organisation_number: facts.organisationNumber,
            industry_code: facts.industryCode,
            registered_on: facts.registeredOn,
            deleted_on: facts.deletedOn,
            bankrupt: facts.bankrupt,
            bankrupt_on: facts.bankruptOn,
          })),
        ),
      ],
    ),
  );
}

/**
 * Reads the register's file once through and updates the CRM's businesses it lists, `batchSize` at a
 * time; then marks the ones it does not list as missing since today (only after the whole file was read:
 * a broken download changes only the batches before the break, and marks nothing missing).
 */
export async function importBusinessRegister(
  orm: Orm,
  source: BusinessRegisterSource,
  { batchSize = 500, today = todayInNorway() }: { batchSize?: number; today?: string } = {},
): Promise<BusinessRegisterImport> {
  const checkedAt = new Date();
  // The CRM's numbers are few beside the register's million entities: held in memory, they decide
  // without a statement which entity is wanted. A business registered while the import runs waits for the next.
  const rows = await orm.em
    .fork()
    .execute<{ organisation_number: string }[]>(
      'select organisation_number from business where organisation_number is not null',
    );
  const wanted = new Set(rows.map((row) => row.organisation_number));
  const found = new Set<string>();
  let entitiesRead = 0;
  let batch: RegisterFacts[] = [];

  await pipeline(
    await openSource(source),
    unzippedIfGzip,
    streamArray.withParserAsStream({
      // Decided at the entity's number (its first field): the million entities the CRM does not hold are
      // skipped token by token, never assembled into objects.
      objectFilter: (assembler) => {
        if (assembler.depth !== 2) return undefined;
        const number = (assembler.current as RegisterEntity | null)?.organisasjonsnummer;
        if (typeof number !== 'string') return undefined;
        if (wanted.has(number)) return true;
        entitiesRead++;
        return false;
      },
    }),
    async (items: AsyncIterable<{ value: RegisterEntity }>) => {
      for await (const { value: entity } of items) {
        entitiesRead++;
        const number = entity?.organisasjonsnummer;
        if (typeof number !== 'string' || !wanted.has(number) || found.has(number)) continue;
        found.add(number);
        batch.push(factsOf(entity, number));
        if (batch.length >= batchSize) {
          await updateBatch(orm, batch, checkedAt, today);
          batch = [];
        }
      }
    },
  );
  if (batch.length) await updateBatch(orm, batch, checkedAt, today);

  const missing = [...wanted].filter((number) => !found.has(number));
  // Not found is one statement per 5000 (a number each), whatever the batches of the file's updates.
  for (let start = 0; start < missing.length; start += missingBatchSize) {
    await orm.em.fork().transactional((tx) =>
      (tx as EntityManager).execute(
        `update business set missing_from_register_since = coalesce(missing_from_register_since, ?::date)
            where organisation_number in (select jsonb_array_elements_text(?::jsonb))`,
        [today, JSON.stringify(missing.slice(start, start + missingBatchSize))],
      ),
    );
  }
  return {
    source: 'file' in source ? source.file : source.url,
    entitiesRead,
    businessesFound: found.size,
    businessesMissing: missing.length,
    businessesInCrm: wanted.size,
  };
}

/** The import once over all instances (the scheduled task and the command alike); null when another runs it. */
export function runBusinessRegisterImport(
  orm: Orm,
  source: BusinessRegisterSource,
  options?: { batchSize?: number; today?: string },
): Promise<BusinessRegisterImport | null> {
  return runExclusively(orm, businessRegisterLockKey, () => importBusinessRegister(orm, source, options));
}

export function logBusinessRegisterImport(result: BusinessRegisterImport | null): void {
  if (!result) {
    logger.info('business register: another instance is importing it; skipped');
    return;
  }
  logger.info(
    { businessRegister: result },
    `business register: ${result.businessesFound} of the CRM's ${result.businessesInCrm} businesses found among ${result.entitiesRead} entities, ${result.businessesMissing} not listed`,
  );
}
