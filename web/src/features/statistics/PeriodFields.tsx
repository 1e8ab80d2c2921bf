import { Group, Input, SegmentedControl, Select, Stack, Text, useMatches } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { formatYear } from '../../lib/dates';
import { oneOf } from '../../lib/oneOf';
import { monthName } from './monthName';
import { MONTHS, PERIOD_KINDS, type Period, QUARTERS } from './period';

interface PeriodFieldsProps {
  period: Period;
  /** The years offered, latest first. */
  years: readonly number[];
  onChange: (period: Period) => void;
  error?: string;
}

/** A period the figures take: a year, a quarter, a month or a run of whole years (never a free span). */
export function PeriodFields({ period, years, onChange, error }: PeriodFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labelId = useId();
  const errorId = useId();
  const described = error ? errorId : undefined;
  // Four kinds side by side overflow a phone in Khmer or Burmese; stacked they fit.
  const narrow = useMatches({ base: true, sm: false });
  const year = period.kind === 'years' ? period.to : period.year;
  const yearOptions = (earliest = 0) =>
    years.filter((each) => each >= earliest).map((each) => ({ value: String(each), label: formatYear(each, locale) }));
  const setKind = (kind: Period['kind']) => {
    if (kind === 'year') onChange({ kind, year });
    if (kind === 'quarter') onChange({ kind, year, quarter: 1 });
    if (kind === 'month') onChange({ kind, year, month: 1 });
    if (kind === 'years') onChange({ kind, from: year, to: year });
  };

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} component="span" id={labelId}>
        {t('statistics.period.label')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-labelledby={labelId}
          orientation={narrow ? 'vertical' : 'horizontal'}
          fullWidth={narrow}
          data={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`statistics.period.${kind}`) }))}
          value={period.kind}
          onChange={(value) => {
            const kind = oneOf(value, PERIOD_KINDS);
            if (kind) setKind(kind);
          }}
        />
        {period.kind === 'years' ? (
          <>
            <Select
              label={t('statistics.period.from')}
              data={yearOptions()}
              value={String(period.from)}
              onChange={(value) => value && onChange({ ...period, from: Number(value), to: Math.max(Number(value), period.to) })}
              allowDeselect={false}
              aria-describedby={described}
              w={130}
            />
            <Select
              label={t('statistics.period.to')}
              data={yearOptions(period.from)}
              value={String(period.to)}
              onChange={(value) => value && onChange({ ...period, to: Number(value) })}
              allowDeselect={false}
              aria-describedby={described}
              w={130}
            />
          </>
        ) : (
          <Select
            aria-label={t('statistics.period.year')}
            data={yearOptions()}
            value={String(period.year)}
            onChange={(value) => value && onChange({ ...period, year: Number(value) })}
            allowDeselect={false}
            aria-describedby={described}
            w={130}
          />
        )}
        {period.kind === 'quarter' && (
          <Select
            aria-label={t('statistics.period.quarter')}
            data={QUARTERS.map((quarter) => ({ value: String(quarter), label: t('statistics.period.quarterOption', { quarter }) }))}
            value={String(period.quarter)}
            onChange={(value) => {
              const quarter = QUARTERS.find((each) => String(each) === value);
              if (quarter) onChange({ ...period, quarter });
            }}
            allowDeselect={false}
            aria-describedby={described}
            w={150}
          />
        )}
        {period.kind === 'month' && (
          <Select
            aria-label={t('statistics.period.month')}
            data={MONTHS.map((month) => ({ value: String(month), label: monthName(month, locale) }))}
            value={String(period.month)}
            onChange={(value) => {
              const month = MONTHS.find((each) => String(each) === value);
              if (month) onChange({ ...period, month });
            }}
            allowDeselect={false}
            aria-describedby={described}
            w={170}
          />
        )}
      </Group>
      {error && <Input.Error id={errorId}>{error}</Input.Error>}
    </Stack>
  );
}
