import { Select } from '@mantine/core';
import { type Locale, REPORT_TEMPLATE_KEYS, type ReportTemplate, SUPPORTED_LOCALES } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { formatYear } from '../../lib/dates';
import { partOptions, partsOf, yearOptions } from './reportView';

interface ReportPeriodSelectsProps {
  template: ReportTemplate;
  year: number | null;
  part: number | null;
  /** The reader's country's day: the years offered end with its year. */
  today: string;
  onTemplate: (template: ReportTemplate) => void;
  onYear: (year: number) => void;
  onPart: (part: number) => void;
  errors?: Partial<Record<'template' | 'year' | 'part', string>>;
}

/** Which report and which period of it: the template, its year and, for a quarterly or six-monthly one, which part. */
export function ReportPeriodSelects({ template, year, part, today, onTemplate, onYear, onPart, errors = {} }: ReportPeriodSelectsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parts = partsOf(template);
  return (
    <>
      <Select
        label={t('statisticReports.generate.template')}
        w={{ base: '100%', sm: 360 }}
        data={REPORT_TEMPLATE_KEYS.map((key) => ({ value: key, label: t(`statisticReports.template.${key}`) }))}
        value={template}
        onChange={(value) => value && onTemplate(value as ReportTemplate)}
        allowDeselect={false}
        error={errors.template}
      />
      <Select
        label={t('statisticReports.generate.year')}
        w={120}
        data={yearOptions(Number(today.slice(0, 4))).map((option) => ({ value: String(option), label: formatYear(option, locale) }))}
        value={year === null ? null : String(year)}
        onChange={(value) => value && onYear(Number(value))}
        allowDeselect={false}
        error={errors.year}
      />
      {parts > 0 && (
        <Select
          label={t(parts === 4 ? 'statisticReports.generate.quarter' : 'statisticReports.generate.half')}
          w={170}
          data={partOptions(template).map((option) => ({
            value: String(option),
            label:
              parts === 4
                ? t('statistics.period.quarterOption', { quarter: option })
                : t('statisticReports.period.halfOption', { half: option }),
          }))}
          value={part === null ? null : String(part)}
          onChange={(value) => value && onPart(Number(value))}
          allowDeselect={false}
          error={errors.part}
        />
      )}
    </>
  );
}

/** The language a report or its download is written in: any of the eight. */
export function ReportLanguageSelect({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: Locale;
  onChange: (locale: Locale) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      w={170}
      data={SUPPORTED_LOCALES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
      value={value}
      onChange={(next) => next && onChange(next as Locale)}
      allowDeselect={false}
      error={error}
    />
  );
}
