import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { AgeBand, Locale, RegionalCountry, RegionalFigure, RegionalReport, ReportTemplate } from '@seamless/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/useLocale';
import { formatDate } from '../../lib/dates';
import { regionName } from '../../lib/regions';
import { useMe } from '../auth/MeContext';
import { ReportLanguageSelect, ReportPeriodSelects } from '../statisticReports/ReportChoiceSelects';
import { lastCompletePeriod, todayIn } from '../statisticReports/reportView';
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
                {release.privacy
                  ? t('regionalStatistics.rulesPrivate', {
                      epsilon: release.privacy.epsilon,
                      total: release.privacy.releaseEpsilon,
                      threshold: release.threshold,
                    })
                  : release.adjustment
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
        <ReportLanguageSelect label={t('statisticReports.download.language')} value={locale} onChange={setLocale} />
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
  const _locale = useLocale();
  const me = useMe();
  const today = todayIn(me.agency.countryCode);
  const [choice, setChoice] = useState<RegionalChoice>(() => {
    const period = lastCompletePeriod(FIRST_TEMPLATE, today);
    return { template: FIRST_TEMPLATE, year: period.year, part: period.part };
  });
  const report = useRegionalReport(choice);
  const chooseTemplate = (template: ReportTemplate) => {
    const period = lastCompletePeriod(template, today);
    setChoice({ template, year: period.year, part: period.part });
  };
  return (
    <Stack gap="lg">
      <PageHeader title={t('regionalStatistics.title')} description={t('regionalStatistics.description')} />
      <Group align="flex-start" wrap="wrap" gap="sm">
        <ReportPeriodSelects
          template={choice.template}
          year={choice.year}
          part={choice.part}
          today={today}
          onTemplate={chooseTemplate}
          onYear={(year) => setChoice((current) => ({ ...current, year }))}
          onPart={(part) => setChoice((current) => ({ ...current, part }))}
        />
      </Group>
      <QueryState query={report}>{(data) => <RegionalTables report={data} choice={choice} />}</QueryState>
    </Stack>
  );
}
