import {
  type ClosedBreakdown,
  closedBreakdownValues,
  EXPLOITATION_TYPES,
  ISO_COUNTRY_CODES,
  PROVINCE_LIST_KEY,
  type StatisticBreakdown,
} from '@seamless/contracts';
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

export async function breakdownValuesFor(tx: Tx, countryCode: string, period: { from: string; to: string }): Promise<BreakdownValues> {
  const [provinces] = await tx
    .select({ values: lookupLists.values })
    .from(lookupLists)
    .where(and(eq(lookupLists.countryCode, countryCode), eq(lookupLists.listKey, PROVINCE_LIST_KEY)));
  const agencyIds = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.countryCode, countryCode));
  const closed = (breakdown: ClosedBreakdown) =>
    closedBreakdownValues(
      breakdown,
      period,
      ageBandsOf(countryCode).map((band) => band.key),
    );
  return {
    year: closed('year'),
    quarter: closed('quarter'),
    month: closed('month'),
    sex: closed('sex'),
    child: closed('child'),
    ageBand: closed('ageBand'),
    nationality: WITH_UNKNOWN([...ISO_COUNTRY_CODES, 'other']),
    exploitationType: WITH_UNKNOWN([...EXPLOITATION_TYPES, 'other']),
    domesticAbroad: closed('domesticAbroad'),
    ethnicMinority: closed('ethnicMinority'),
    province: WITH_UNKNOWN([...(provinces?.values ?? []).map((entry) => entry.value), 'other']),
    agency: agencyIds.map((agency) => agency.id),
  };
}
