import type { ReportTemplate } from '@seamless/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { formatYear } from '../../lib/dates';
import { reportPeriod } from './reportView';

/** A report's period in the reader's words and calendar: "Q2 2568", "1st half of 2568", "2568". */
export function useReportPeriodLabel(): (template: ReportTemplate, from: string) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return useCallback(
    (template, from) => {
      const period = reportPeriod(template, from);
      const year = formatYear(period.year, locale);
      switch (period.kind) {
        case 'year':
          return year;
        case 'quarter':
          return t('statistics.period.quarterOf', { quarter: period.part, year });
        case 'half':
          return t('statisticReports.period.halfOf', { half: period.part, year });
      }
    },
    [locale, t],
  );
}
