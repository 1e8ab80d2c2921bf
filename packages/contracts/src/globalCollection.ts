/**
 * The export for global data collections such as the Counter Trafficking Data Collaborative
 * (DESIGN.md §2 step 9, §4 Publication): one row per identified victim with coarse
 * quasi-identifiers only, k-anonymised. One export is one calendar year that has ended, because
 * the collections date a victim by her year of registration: a period of months would date her
 * more finely, and overlapping runs of years could be differenced into smaller periods.
 */
import { z } from 'zod';
import { DATE_RANGE } from './plausibility.js';

export const GLOBAL_COLLECTION_FORMATS = ['csv', 'xlsx'] as const;
export type GlobalCollectionFormat = (typeof GLOBAL_COLLECTION_FORMATS)[number];

/**
 * Every class of the file holds at least this many persons. Fixed for every instance, as the
 * collections that take k-anonymised microdata (CTDC) fix theirs: files of the same year at
 * several k could pick different generalisations and be differenced into classes under any of
 * them. Twice the threshold under which a published count is hidden (DESIGN.md §4: 5), because a
 * row of the file tells more than a cell of a table.
 */
export const GLOBAL_COLLECTION_K = 10;

/** UTC−12 is the last time zone: once a year has ended there it has ended in every country. */
const LATEST_ZONE_MS = 12 * 3_600_000;

/**
 * The latest year that has ended everywhere. The schema knows no country, so this waits for the
 * last time zone: at most a day after the year has ended in the reader's.
 */
export const latestEndedYear = (now: Date = new Date()): number => new Date(now.getTime() - LATEST_ZONE_MS).getUTCFullYear() - 1;

const FIRST_YEAR = Number(DATE_RANGE.earliest.slice(0, 4));

export const globalCollectionQuerySchema = z
  .object({
    // Digits only: a number parser would take `0x7E0` or `2.016e3` for a year.
    year: z
      .string()
      .regex(/^\d{4}$/, 'YYYY')
      .transform(Number)
      .refine((year) => year >= FIRST_YEAR, { message: `Not before ${FIRST_YEAR}.` })
      .refine((year) => year <= latestEndedYear(), { message: 'Only a year that has ended.' }),
    format: z.enum(GLOBAL_COLLECTION_FORMATS).default('csv'),
  })
  .strict();
export type GlobalCollectionQuery = z.infer<typeof globalCollectionQuerySchema>;
