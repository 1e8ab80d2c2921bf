import { Group, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { STATISTIC_KEYS, type StatisticBreakdown, type StatisticKey } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { oneOf } from '../../lib/oneOf';
import { useAgencyOptions } from '../agencies/queries';
import { PeriodFields } from './PeriodFields';
import type { Period } from './period';
import { AGE_FILTERS, CHART_LAYOUTS, FIGURE_SEXES, periodSearch, type StatisticsSearch } from './statisticsSearch';

/** Years offered: this one and the nine before, as far back as annual reports usually compare. */
const YEARS_BACK = 10;

interface FigureControlsProps {
  statistic: StatisticKey;
  period: Period;
  currentYear: number;
  /** The breakdowns this figure supports, in the definitions' order. */
  breakdowns: readonly StatisticBreakdown[];
  by: readonly StatisticBreakdown[];
  search: StatisticsSearch;
  onChange: (change: Partial<StatisticsSearch>) => void;
}

/** Which figure, for which period, broken down how and for whom. */
export function FigureControls({ statistic, period, currentYear, breakdowns, by, search, onChange }: FigureControlsProps) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const years = Array.from({ length: YEARS_BACK }, (_, index) => currentYear - index);
  const [first, second] = by;
  const breakdownOptions = (exclude?: StatisticBreakdown) =>
    breakdowns.filter((key) => key !== exclude).map((key) => ({ value: key, label: t(`statistics.breakdown.${key}`) }));
  const setBy = (keys: (StatisticBreakdown | undefined)[]) => {
    const chosen = keys.filter((key): key is StatisticBreakdown => key !== undefined);
    onChange({ by: chosen.length > 0 ? chosen.join(',') : undefined });
  };
  const setPeriod = (next: Period) => onChange(periodSearch(next));
  // A filter is a dimension of the table like a breakdown (the server counts both): two at most.
  const filters = [search.age, search.sex, search.agencyId].filter((filter) => filter !== undefined).length;
  const full = by.length + filters >= 2;

  return (
    <Stack gap="md">
      <div>
        <Select
          label={t('statistics.figure')}
          data={STATISTIC_KEYS.map((key) => ({ value: key, label: t(`statistics.key.${key}.name`) }))}
          value={statistic}
          onChange={(value) => onChange({ statistic: oneOf(value, STATISTIC_KEYS) })}
          allowDeselect={false}
          maw={480}
        />
        <Text size="sm" c="dimmed" mt={4} maw={640}>
          {t(`statistics.key.${statistic}.explanation`)}
        </Text>
      </div>
      <PeriodFields period={period} years={years} onChange={setPeriod} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        <Select
          label={t('statistics.breakdown.first')}
          placeholder={t('statistics.breakdown.none')}
          data={breakdownOptions()}
          value={first ?? null}
          onChange={(value) => setBy([oneOf(value, breakdowns), oneOf(value, breakdowns) === second ? undefined : second])}
          disabled={!first && full}
          clearable
        />
        <Select
          label={t('statistics.breakdown.second')}
          placeholder={t('statistics.breakdown.none')}
          data={breakdownOptions(first)}
          value={second ?? null}
          onChange={(value) => setBy([first, oneOf(value, breakdowns)])}
          disabled={!first || (!second && full)}
          clearable
        />
        <Select
          label={t('statistics.filter.age')}
          placeholder={t('statistics.filter.anyAge')}
          data={AGE_FILTERS.map((age) => ({ value: age, label: t(`statistics.filter.${age}`) }))}
          value={search.age ?? null}
          onChange={(value) => onChange({ age: oneOf(value, AGE_FILTERS) })}
          disabled={search.age === undefined && full}
          clearable
        />
        <Select
          label={t('statistics.filter.sex')}
          placeholder={t('statistics.filter.anySex')}
          data={FIGURE_SEXES.map((sex) => ({ value: sex, label: t(`shelters.sex.${sex}`) }))}
          value={search.sex ?? null}
          onChange={(value) => onChange({ sex: oneOf(value, FIGURE_SEXES) })}
          disabled={search.sex === undefined && full}
          clearable
        />
        <Select
          label={t('statistics.filter.agency')}
          placeholder={t('statistics.filter.allAgencies')}
          data={agencies}
          value={search.agencyId ?? null}
          onChange={(value) => onChange({ agencyId: value ?? undefined })}
          disabled={search.agencyId === undefined && full}
          searchable
          clearable
        />
      </SimpleGrid>
      {full && (
        <Text size="sm" c="dimmed" mt={-8}>
          {t('statistics.filter.limit')}
        </Text>
      )}
      <Group gap="lg" wrap="wrap">
        <Switch
          label={t('statistics.compare')}
          checked={search.compare === true}
          onChange={(event) => onChange({ compare: event.currentTarget.checked || undefined })}
        />
        {by.length === 2 && !search.compare && (
          <Group gap="xs">
            <Text size="sm" id="statistics-layout">
              {t('statistics.layout.label')}
            </Text>
            <SegmentedControl
              aria-labelledby="statistics-layout"
              size="xs"
              data={CHART_LAYOUTS.map((layout) => ({ value: layout, label: t(`statistics.layout.${layout}`) }))}
              value={search.layout ?? 'grouped'}
              onChange={(value) => onChange({ layout: oneOf(value, CHART_LAYOUTS) })}
            />
          </Group>
        )}
      </Group>
    </Stack>
  );
}
