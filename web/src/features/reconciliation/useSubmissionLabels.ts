import type { AgeBand, StatisticBreakdown } from '@seamless/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { formatDate, formatYear } from '../../lib/dates';
import { formatNumber } from '../../lib/numbers';
import { type FigureLabels, useFigureLabels } from '../statistics/useFigureLabels';
import { submittedPeriod } from './figureChoice';

export interface SubmissionLabels {
  figure: FigureLabels;
  /** A submission's period as the pickers name it ("Q2 2568"); any other span by its dates. */
  period: (from: string, to: string) => string;
  breakdowns: (by: readonly StatisticBreakdown[]) => string;
  /** A difference with its sign: +3, −2, 0. */
  difference: (value: number) => string;
}

/** The figures' own labels (values, periods, numbers), and the few a submission adds. */
export function useSubmissionLabels(ageBands: readonly AgeBand[]): SubmissionLabels {
  const { t } = useTranslation();
  const locale = useLocale();
  const figure = useFigureLabels(ageBands);
  return useMemo(() => {
    return {
      figure,
      period: (from, to) => {
        const period = submittedPeriod(from, to);
        if (period === null) return `${formatDate(from, locale)} – ${formatDate(to, locale)}`;
        if (period.kind === 'half') return t('reconciliation.period.halfOf', { half: period.half, year: formatYear(period.year, locale) });
        return figure.period(period);
      },
      breakdowns: (by) => by.map((breakdown) => t(`statistics.breakdown.${breakdown}`)).join(' × '),
      difference: (value) => formatNumber(value, locale, { signDisplay: 'exceptZero', maximumFractionDigits: 2 }),
    };
  }, [figure, locale, t]);
}
