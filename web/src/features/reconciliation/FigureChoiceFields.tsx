import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { StatisticDefinitions } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { oneOf } from '../../lib/oneOf';
import { useAgencyOptions } from '../agencies/queries';
import { PeriodFields } from '../statistics/PeriodFields';
import type { Period } from '../statistics/period';
import { allowedBreakdown, type FigureChoice, isReportedBreakdown, reportableDefinitions } from './figureChoice';
import type { ChoiceField } from './problemFields';

/** Years offered: this one and the nine before, as far back as annual reports usually compare. */
const YEARS_BACK = 10;

interface FigureChoiceFieldsProps {
  choice: FigureChoice;
  onChange: (change: Partial<FigureChoice>) => void;
  definitions: StatisticDefinitions;
  currentYear: number;
  errors: Partial<Record<ChoiceField, string>>;
}

/** Which agency reported which figure, for which period, broken down how, and where it was published. */
export function FigureChoiceFields({ choice, onChange, definitions, currentYear, errors }: FigureChoiceFieldsProps) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const figures = reportableDefinitions(definitions.items);
  // Never the agency: `ReportedBreakdown` says why.
  const allowed = (figures.find((definition) => definition.key === choice.statistic)?.breakdowns ?? []).filter(isReportedBreakdown);
  const statisticKeys = figures.map((definition) => definition.key);
  const years = Array.from({ length: YEARS_BACK }, (_, index) => currentYear - index);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('reconciliation.choice.agency')}
          data={agencies}
          value={choice.sourceAgencyId}
          onChange={(value) => onChange({ sourceAgencyId: value })}
          allowDeselect={false}
          searchable
          required
          error={errors.sourceAgencyId}
        />
        <Select
          label={t('statistics.figure')}
          data={statisticKeys.map((key) => ({ value: key, label: t(`statistics.key.${key}.name`) }))}
          value={choice.statistic}
          onChange={(value) => {
            const statistic = oneOf(value, statisticKeys);
            const breakdowns = figures.find((definition) => definition.key === statistic)?.breakdowns ?? [];
            if (statistic) onChange({ statistic, breakdown: allowedBreakdown(choice.breakdown, breakdowns) });
          }}
          allowDeselect={false}
          error={errors.statistic}
        />
      </SimpleGrid>
      <PeriodFields period={choice.period} years={years} onChange={(period: Period) => onChange({ period })} error={errors.period} />
      <Select
        label={t('statistics.breakdown.first')}
        placeholder={t('statistics.breakdown.none')}
        data={allowed.map((key) => ({ value: key, label: t(`statistics.breakdown.${key}`) }))}
        value={choice.breakdown}
        onChange={(value) => onChange({ breakdown: oneOf(value, allowed) ?? null })}
        clearable
        error={errors.by}
        maw={360}
      />
      <TextInput
        label={t('reconciliation.choice.source')}
        description={t('reconciliation.choice.sourceHint')}
        value={choice.source}
        onChange={(event) => onChange({ source: event.currentTarget.value })}
        maxLength={300}
        required
        error={errors.source}
      />
    </Stack>
  );
}
