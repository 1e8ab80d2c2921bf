import type { AgeBand, StatisticBreakdown, StatisticUnit } from '@seamless/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { formatYear, intlLocaleFor } from '../../lib/dates';
import { formatNumber } from '../../lib/numbers';
import { useAgencies } from '../agencies/queries';
import { useProvinces } from '../forms/useProvinces';
import { type KeyOrder, keyOrder } from './figureGrid';
import { monthName } from './monthName';
import type { Period } from './period';
import type { TableLabels } from './tableView';
import { valueLabel } from './valueLabel';

/** The server's largest page: every agency of an instance, to name the agency breakdown (the agency picker asks the same). */
const ALL_AGENCIES = { page: 1, pageSize: 200 };

export interface FigureLabels {
  value: (breakdown: StatisticBreakdown, key: string) => string;
  order: KeyOrder;
  table: (unit: StatisticUnit) => TableLabels;
  period: (period: Period) => string;
  format: (value: number) => string;
}

/** Everything a figure needs to be read in the reader's language: values, their order, numbers and periods. */
export function useFigureLabels(ageBands: readonly AgeBand[]): FigureLabels {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const agencies = useAgencies(ALL_AGENCIES);
  const provinces = useProvinces();
  return useMemo(() => {
    const names = new Map((agencies.data?.items ?? []).map((agency) => [agency.id, agency.name]));
    const translate = (key: string, options?: Record<string, unknown>) =>
      i18n.exists(key) ? String(t(key as never, options as never)) : undefined;
    const value = (breakdown: StatisticBreakdown, key: string) =>
      valueLabel(breakdown, key, {
        locale,
        translate,
        agencyName: (id) => names.get(id),
        provinceName: (code) => provinces?.name(code),
      });
    const format = (count: number) => formatNumber(count, locale, { maximumFractionDigits: 2 });
    const year = (period: { year: number }) =>
      new Intl.DateTimeFormat(intlLocaleFor(locale), { year: 'numeric' }).format(new Date(period.year, 6, 1));
    return {
      value,
      order: keyOrder(ageBands, value, locale),
      format,
      table: (unit) => ({
        breakdown: (breakdown) => t(`statistics.breakdown.${breakdown}`),
        value,
        unit: t(`statistics.unit.${unit}`),
        total: t('statistics.table.total'),
        format,
      }),
      period: (period) => {
        switch (period.kind) {
          case 'year':
            return year(period);
          case 'quarter':
            return t('statistics.period.quarterOf', { quarter: period.quarter, year: formatYear(period.year, locale) });
          case 'month':
            return t('statistics.period.monthOf', { month: monthName(period.month, locale), year: formatYear(period.year, locale) });
          case 'years':
            return period.from === period.to
              ? year({ year: period.from })
              : t('statistics.period.yearsOf', { from: formatYear(period.from, locale), to: formatYear(period.to, locale) });
        }
      },
    };
  }, [agencies.data, ageBands, i18n, locale, provinces, t]);
}
