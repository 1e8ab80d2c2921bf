import { timeZoneOfCountry } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';

export type Sex = 'female' | 'male' | 'other' | 'unknown';
export type DomesticAbroad = 'domestic' | 'abroad' | 'unknown';

/**
 * How many identified victims share one combination of the finest quasi-identifiers: the only
 * thing the database hands the export (migration 0039). `age` is null when unknown;
 * `citizenship` an ISO 3166 alpha-2 code, 'other' or 'unknown'; `exploitation` the sorted forms
 * recorded (`vic_TypeOfExploitation`), empty when none was.
 */
export type Combination = {
  year: number;
  sex: Sex;
  age: number | null;
  citizenship: string;
  exploitation: readonly string[];
  domesticAbroad: DomesticAbroad;
  persons: number;
};

type CountRow = {
  identified_year: number;
  sex_code: Sex;
  age_years: number | null;
  citizenship_code: string;
  exploitation_codes: string[];
  domestic_abroad: DomesticAbroad;
  persons_counted: string | number;
};

/** The identified victims of the reader's whole country in the calendar year, counted per combination. */
export async function countCombinations(tx: Tx, year: number, countryCode: string): Promise<Combination[]> {
  const rows = rowsOf<CountRow>(
    await tx.execute(
      sql`select identified_year, sex_code, age_years, citizenship_code, exploitation_codes, domestic_abroad, persons_counted
          from global_collection_counts(${`${year}-01-01`}::date, ${`${year}-12-31`}::date, ${timeZoneOfCountry(countryCode)})`,
    ),
  );
  return rows.map((row) => ({
    year: Number(row.identified_year),
    sex: row.sex_code,
    age: row.age_years === null ? null : Number(row.age_years),
    citizenship: row.citizenship_code,
    exploitation: row.exploitation_codes,
    domesticAbroad: row.domestic_abroad,
    persons: Number(row.persons_counted),
  }));
}
