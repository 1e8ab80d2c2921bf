import { Alert, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import {
  type AgeBand,
  type Locale,
  REPORT_TEMPLATE_KEYS,
  type RegionalCountry,
  type RegionalFigure,
  type RegionalReport,
  type ReportTemplate,
  SUPPORTED_LOCALES,
} from '@seamless/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/useLocale';
import { formatDate, formatYear } from '../../lib/dates';
import { regionName } from '../../lib/regions';
import { useMe } from '../auth/MeContext';
import { lastCompletePeriod, partOptions, partsOf, todayIn, yearOptions } from '../statisticReports/reportView';
import { useStatisticDefinitions } from '../statistics/queries';
import { type FigureLabels, useFigureLabels } from '../statistics/useFigureLabels';
import { regionalStatisticsApi } from './api';
import { useRegionalReport } from './queries';
import { isTotalRow, type RegionalChoice, rowLabel, valueText } from './regionalView';

const NO_AGE_BANDS: AgeBand[] = [];
const FIRST_TEMPLATE: ReportTemplate = 'national_annual';

/** Each country's release: when, on whose authority, and its publication rule (threshold and adjustment). */
function CountriesCard({ countries }: { countries: RegionalCountry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('regionalStatistics.countries')}
      </Title>
      <Stack gap="xs">
        {countries.map(({ country, own, partner, release }) => (
          <div key={partner?.id ?? country}>
            <Text size="sm" fw={600}>
              {regionName(country, locale)}
              {own ? ` (${t('regionalStatistics.own')})` : partner ? ` · ${partner.name}` : ''}
            </Text>
            {release ? (
              <Text size="sm" c="dimmed">
                {t('regionalStatistics.released', {
                  date: formatDate(release.releasedAt, locale),
                  position: release.approverPosition ?? '–',
                })}
                {' · '}
                {release.adjustment
                  ? t('regionalStatistics.rules', { threshold: release.threshold, adjustment: release.adjustment })
                  : t('regionalStatistics.rulesNoAdjustment', { threshold: release.threshold })}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('regionalStatistics.notReleased')}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Card>
  );
}

/** One figure: a row per breakdown value (totals last), a column per country, each number as that country released it. */
function FigureCard({
  figure,
  index,
  countries,
  labels,
}: {
  figure: RegionalFigure;
  index: number;
  countries: RegionalCountry[];
  labels: FigureLabels;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = t(`statistics.key.${figure.statistic}.name`);
  const by = figure.by.map((breakdown) => t(`statistics.breakdown.${breakdown}`)).join(' × ');
  const words = {
    format: labels.format,
    notReleased: t('regionalStatistics.notReleased'),
    notRecorded: t('regionalStatistics.notRecorded'),
  };
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('regionalStatistics.figureTitle', {
          number: index + 1,
          figure: by ? `${name} (${by})` : name,
          unit: t(`statistics.unit.${figure.unit}`),
        })}
      </Title>
      <Table.ScrollContainer minWidth={400}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{by}</Table.Th>
              {countries.map(({ country, partner }) => (
                <Table.Th key={partner?.id ?? country} ta="right">
                  {regionName(country, locale)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figure.rows.map((row) => {
              const total = isTotalRow(row.keys);
              return (
                <Table.Tr key={JSON.stringify(row.keys)} fw={total ? 600 : undefined}>
                  <Table.Td>{rowLabel(row.keys, figure.by, labels.value, t('statistics.table.total'))}</Table.Td>
                  {row.values.map((value, column) => (
                    <Table.Td
                      key={countries[column]!.partner?.id ?? countries[column]!.country}
                      ta="right"
                      c={value.state === 'shown' ? undefined : 'dimmed'}
                    >
                      {valueText(value, words)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function RegionalTables({ report, choice }: { report: RegionalReport; choice: RegionalChoice }) {
  const { t } = useTranslation();
  const definitions = useStatisticDefinitions();
  const labels = useFigureLabels(definitions.data?.ageBands ?? NO_AGE_BANDS);
  const [locale, setLocale] = useState<Locale>(useLocale());
  const file = useMutation({ mutationFn: () => regionalStatisticsApi.download(choice, locale) });
  return (
    <Stack gap="lg">
      {!report.countries.some((country) => country.release) && <Alert color="gray">{t('regionalStatistics.nothingReleased')}</Alert>}
      <CountriesCard countries={report.countries} />
      <Group align="flex-end" gap="sm">
        <Select
          w={170}
          label={t('statisticReports.download.language')}
          data={SUPPORTED_LOCALES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
          value={locale}
          onChange={(value) => value && setLocale(value as Locale)}
          allowDeselect={false}
        />
        <Button variant="light" onClick={() => file.mutate()} loading={file.isPending}>
          {t('regionalStatistics.download')}
        </Button>
      </Group>
      <ProblemAlert error={file.error} />
      {report.figures.map((figure, index) => (
        <FigureCard
          key={`${figure.statistic}-${figure.by.join('-')}`}
          figure={figure}
          index={index}
          countries={report.countries}
          labels={labels}
        />
      ))}
    </Stack>
  );
}

/** Regional figures: the reader's country's released report and every partner country's, of one template and period, side by side. */
export function RegionalStatisticsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const today = todayIn(me.agency.countryCode);
  const [choice, setChoice] = useState<RegionalChoice>(() => {
    const period = lastCompletePeriod(FIRST_TEMPLATE, today);
    return { template: FIRST_TEMPLATE, year: period.year, part: period.part };
  });
  const report = useRegionalReport(choice);
  const parts = partsOf(choice.template);
  const chooseTemplate = (template: ReportTemplate) => {
    const period = lastCompletePeriod(template, today);
    setChoice({ template, year: period.year, part: period.part });
  };
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('regionalStatistics.title')}
        </Title>
        <Text c="dimmed">{t('regionalStatistics.description')}</Text>
      </div>
      <Group align="flex-start" wrap="wrap" gap="sm">
        <Select
          label={t('statisticReports.generate.template')}
          w={{ base: '100%', sm: 360 }}
          data={REPORT_TEMPLATE_KEYS.map((template) => ({ value: template, label: t(`statisticReports.template.${template}`) }))}
          value={choice.template}
          onChange={(value) => value && chooseTemplate(value as ReportTemplate)}
          allowDeselect={false}
        />
        <Select
          label={t('statisticReports.generate.year')}
          w={120}
          data={yearOptions(Number(today.slice(0, 4))).map((year) => ({ value: String(year), label: formatYear(year, locale) }))}
          value={String(choice.year)}
          onChange={(value) => value && setChoice((current) => ({ ...current, year: Number(value) }))}
          allowDeselect={false}
        />
        {parts > 0 && (
          <Select
            label={t(parts === 4 ? 'statisticReports.generate.quarter' : 'statisticReports.generate.half')}
            w={170}
            data={partOptions(choice.template).map((part) => ({
              value: String(part),
              label:
                parts === 4
                  ? t('statistics.period.quarterOption', { quarter: part })
                  : t('statisticReports.period.halfOption', { half: part }),
            }))}
            value={choice.part === null ? null : String(choice.part)}
            onChange={(value) => value && setChoice((current) => ({ ...current, part: Number(value) }))}
            allowDeselect={false}
          />
        )}
      </Group>
      <QueryState query={report}>{(data) => <RegionalTables report={data} choice={choice} />}</QueryState>
    </Stack>
  );
}
