import { EXPLOITATION_TYPES, ISO_COUNTRY_CODES, type StatisticBreakdown } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { agencies, lookupLists } from '../db/schema/index.js';
import { ageBandsOf } from './definitions.js';

/**
 * The values each breakdown takes, as `statistic_counts` (migration 0026) names them: what a
 * reported figure may be broken down into, so it can be set beside the computed one. `unknown`
 * is where the record does not say; `other` where it says something outside the list.
 */
export type BreakdownValues = Record<StatisticBreakdown, readonly string[]>;

const WITH_UNKNOWN = (values: readonly string[]) => [...values, 'unknown'];

/** Whole years, quarters or months of a period given as first and last day. */
function periodsWithin(breakdown: 'year' | 'quarter' | 'month', from: string, to: string): string[] {
  const values: string[] = [];
  const [firstYear, firstMonth] = from.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = to.split('-').map(Number) as [number, number];
  for (let index = firstYear * 12 + firstMonth - 1; index <= lastYear * 12 + lastMonth - 1; index += 1) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const value =
      breakdown === 'year'
        ? String(year)
        : breakdown === 'quarter'
          ? `${year}-Q${Math.ceil(month / 3)}`
          : `${year}-${String(month).padStart(2, '0')}`;
    if (values.at(-1) !== value) values.push(value);
  }
  return values;
}

export async function breakdownValuesFor(tx: Tx, countryCode: string, period: { from: string; to: string }): Promise<BreakdownValues> {
  const [provinces] = await tx
    .select({ values: lookupLists.values })
    .from(lookupLists)
    .where(and(eq(lookupLists.countryCode, countryCode), eq(lookupLists.listKey, 'provinces')));
  const agencyIds = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.countryCode, countryCode));
  return {
    year: periodsWithin('year', period.from, period.to),
    quarter: periodsWithin('quarter', period.from, period.to),
    month: periodsWithin('month', period.from, period.to),
    sex: WITH_UNKNOWN(['female', 'male', 'other']),
    child: WITH_UNKNOWN(['child', 'adult']),
    ageBand: WITH_UNKNOWN(ageBandsOf(countryCode).map((band) => band.key)),
    nationality: WITH_UNKNOWN([...ISO_COUNTRY_CODES, 'other']),
    exploitationType: WITH_UNKNOWN([...EXPLOITATION_TYPES, 'other']),
    domesticAbroad: WITH_UNKNOWN(['domestic', 'abroad']),
    ethnicMinority: WITH_UNKNOWN(['yes', 'no']),
    province: WITH_UNKNOWN([...(provinces?.values ?? []).map((entry) => entry.value), 'other']),
    agency: agencyIds.map((agency) => agency.id),
  };
}
