// A client of the service and the personal data the service holds about them.
import { uuidPrimaryKey } from '@etablerer/kit';
import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { MunicipalitySchema } from './municipality.js';
import { RegionSchema } from './region.js';

export const immigrantBackgrounds = ['YES', 'NO', 'UNKNOWN'] as const;
export type ImmigrantBackground = (typeof immigrantBackgrounds)[number];

export const genders = ['FEMALE', 'MALE', 'OTHER'] as const;
export type Gender = (typeof genders)[number];
export const growthPotentials = ['NOT_ASSESSED', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type GrowthPotential = (typeof growthPotentials)[number];

export const ClientSchema = defineEntity({
  name: 'Client',
  properties: (p) => ({
    id: uuidPrimaryKey(),
    region: p.manyToOne(RegionSchema),
    municipality: p.manyToOne(MunicipalitySchema).index(),
    name: p.string().length(200),
    email: p.string().length(254).nullable(),
    phone: p.string().length(20).nullable(),
    birthYear: p.smallint().nullable(),
    immigrantBackground: p.enum(immigrantBackgrounds as unknown as ImmigrantBackground[]),
    gender: p.enum(genders as unknown as Gender[]).nullable(),
    businessIdea: p.text().nullable(),
    /** NACE (SN2007) industry code, e.g. "62.010". */
    industryCode: p.string().length(6).nullable(),
    growthPotential: p.enum(growthPotentials as unknown as GrowthPotential[]).default('NOT_ASSESSED'),
    /** The client agreed to be contacted for user surveys. */
    surveyConsent: p.boolean().default(false),
    registeredOn: p.date(),
    /** Set when this record was found to be a duplicate and merged into another. */
    mergedIntoId: p.uuid().nullable().index(),
    /**
     * When the client's personal data was erased (on request or when retention ended); the row
     * stays, anonymised, because the key figures count it.
     */
    erasedAt: p.datetime().nullable(),
    version: p.integer().version(),
  }),
  indexes: [
    // The lists page by region and registration date; the key figures count by region and year.
    { properties: ['region', 'registeredOn'] },
    // The list's search: a name, e-mail address or phone number containing the text (ILIKE '%text%'), within the
    // caller's region (btree_gin lets the region stand in the trigram index; without a region the trigrams alone
    // are used). One index holds the names, so a name is always looked for within the region: with a second
    // index of the names over the whole country, PostgreSQL took that one (its cost estimate is lower) and read
    // every match in the country, 1,150 rows for a full name at national scale where the region has 140.
    {
      name: 'client_region_id_name_trgm_index',
      expression:
        'create index "client_region_id_name_trgm_index" on "client" using gin ("region_id", "name" gin_trgm_ops)',
    },
    {
      name: 'client_region_id_contact_trgm_index',
      expression:
        'create index "client_region_id_contact_trgm_index" on "client" using gin ("region_id", "email" gin_trgm_ops, "phone" gin_trgm_ops)',
    },
    // A client's possible duplicates (context.ts): the same name and birth year, e-mail address or phone number.
    {
      name: 'client_region_id_lower_name_birth_year_index',
      expression:
        'create index "client_region_id_lower_name_birth_year_index" on "client" ("region_id", lower("name"), "birth_year")',
    },
    {
      name: 'client_lower_email_index',
      expression: 'create index "client_lower_email_index" on "client" (lower("email"))',
    },
    {
      name: 'client_phone_digits_index',
      expression: `create index "client_phone_digits_index" on "client" (replace("phone", ' ', ''))`,
    },
  ],
});

export type Client = InferEntity<typeof ClientSchema>;
