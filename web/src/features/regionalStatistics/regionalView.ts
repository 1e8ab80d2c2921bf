import type { RegionalValue, ReportTemplate, StatisticBreakdown } from '@seamless/contracts';
import { partsOf } from '../statisticReports/reportView';

/** The template and period a regional report is asked for; the part only for a template that divides the year. */
export interface RegionalChoice {
  template: ReportTemplate;
  year: number;
  part: number | null;
}

/** `template=…&year=…[&part=…]`: the query both the view and its workbook are asked with. */
export function regionalQuery(choice: RegionalChoice): string {
  const query = new URLSearchParams({ template: choice.template, year: String(choice.year) });
  if (partsOf(choice.template) > 0 && choice.part !== null) query.set('part', String(choice.part));
  return query.toString();
}

/**
 * A row's label: its breakdown values in order; a row that sums over a breakdown (null there) ends
 * with the word for total, and the grand total is that word alone.
 */
export function rowLabel(
  keys: readonly (string | null)[],
  by: readonly StatisticBreakdown[],
  label: (breakdown: StatisticBreakdown, key: string) => string,
  total: string,
): string {
  const named = keys.flatMap((key, index) => (key === null ? [] : [label(by[index]!, key)]));
  return named.length < keys.length || keys.length === 0 ? [...named, total].join(' · ') : named.join(' · ');
}

/** Whether a row is a total of some kind (printed bold). */
export const isTotalRow = (keys: readonly (string | null)[]) => keys.length === 0 || keys.some((key) => key === null);

export interface ValueWords {
  format: (value: number) => string;
  notReleased: string;
  notRecorded: string;
}

/** A country's number as the table shows it: the count, "< threshold" when hidden, or why there is none. */
export function valueText(value: RegionalValue, words: ValueWords): string {
  switch (value.state) {
    case 'shown':
      return words.format(value.value);
    case 'suppressed':
      return `< ${value.threshold}`;
    case 'not_released':
      return words.notReleased;
    case 'not_recorded':
      return words.notRecorded;
  }
}
