import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { type Assessment, type AssessmentInstrument, type AssessmentTrend, localised } from '@seamless/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/useLocale';
import { formatDate } from '../../lib/dates';
import { AssessmentFormModal } from './AssessmentFormModal';
import {
  chartSeries,
  formatScore,
  instrumentsInUse,
  recordableInstruments,
  risksByDomain,
  shownDomains,
  trendTable,
} from './assessmentView';
import { useAssessments, useAssessmentTrend, useInstruments } from './queries';
import { TrendChart } from './TrendChart';

function RiskBadges({ reasons }: { reasons: string[] | undefined }) {
  const { t } = useTranslation();
  if (!reasons?.length) return null;
  return (
    <>
      {reasons.map((reason) => (
        <Badge key={reason} color="red" variant="light" size="sm">
          {t(`assessments.risk.${reason as 'dropped' | 'lowest_band'}`)}
        </Badge>
      ))}
    </>
  );
}

function AssessmentItem({ assessment, instrument }: { assessment: Assessment; instrument: AssessmentInstrument | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const risks = risksByDomain(assessment);
  return (
    <Card withBorder padding="sm" component="li">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={500} size="sm">
          <FormattedDate value={assessment.assessedOn} /> · {assessment.assessorName}
        </Text>
        <Group gap="xs">
          {risks.size > 0 && <Badge color="red">{t('assessments.atRisk')}</Badge>}
          {assessment.overallScore !== null && (
            <Badge variant="outline">{t('assessments.overall', { score: formatScore(assessment.overallScore, locale) })}</Badge>
          )}
        </Group>
      </Group>
      <Stack gap={2} mt="xs">
        {shownDomains(assessment, instrument).map((domain) => (
          <Group key={domain.key} gap="xs" wrap="wrap">
            <Text size="sm">
              {localised(domain.labels, locale)}: {formatScore(assessment.domainScores[domain.key]!, locale)}
            </Text>
            <RiskBadges reasons={risks.get(domain.key)} />
            {assessment.domainNotes[domain.key] && (
              <Text size="xs" c="dimmed" w="100%">
                {assessment.domainNotes[domain.key]}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="xs">
        {t('assessments.instrumentVersion', { name: localised(instrument?.name, locale), version: assessment.instrumentVersion })}
      </Text>
    </Card>
  );
}

function Trend({ trend }: { trend: AssessmentTrend }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const table = trendTable(trend);
  const series = useMemo(() => chartSeries(trend, locale), [trend, locale]);
  const dates = useMemo(() => trend.points.map((point) => formatDate(point.assessedOn, locale)), [trend, locale]);
  if (trend.points.length < 2 || trend.scaleMin === null || trend.scaleMax === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('assessments.trend.tooFew')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <TrendChart dates={dates} series={series} min={trend.scaleMin} max={trend.scaleMax} label={t('assessments.trend.chartLabel')} />
      <Table.ScrollContainer minWidth={480}>
        <Table striped>
          <Table.Caption>{t('assessments.trend.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assessments.form.assessedOn')}</Table.Th>
              {table.columns.map((column) => (
                <Table.Th key={column.key} scope="col">
                  {localised(column.labels, locale)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('assessments.trend.overall')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row) => (
              <Table.Tr key={row.assessedOn + row.overall}>
                <Table.Th scope="row">
                  <FormattedDate value={row.assessedOn} />
                </Table.Th>
                {row.values.map((value, index) => (
                  <Table.Td key={table.columns[index]!.key}>{value === null ? '—' : formatScore(value, locale)}</Table.Td>
                ))}
                <Table.Td>{row.overall === null ? '—' : formatScore(row.overall, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The newest assessment's flagged domains, in plain words at the top of the section. */
function LatestRisk({ assessment, instrument }: { assessment: Assessment; instrument: AssessmentInstrument | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const domains = [...risksByDomain(assessment).keys()];
  if (!domains.length) return null;
  const names = domains.map((key) => localised(instrument?.domains.find((domain) => domain.key === key)?.labels, locale) || key);
  return (
    <Alert color="red" variant="light" title={t('assessments.atRisk')}>
      {t('assessments.riskAlert', { domains: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) })}
    </Alert>
  );
}

/**
 * Reintegration assessments over time: record one (the domains of her sections), see each with its
 * risks, and the trend per domain.
 */
export function AssessmentsCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const assessments = useAssessments(caseId);
  const trend = useAssessmentTrend(caseId);
  const instruments = useInstruments();
  const byId = new Map((instruments.data?.items ?? []).map((instrument) => [instrument.id, instrument]));
  const inUse = recordableInstruments(instrumentsInUse(instruments.data?.items ?? []), assessments.data?.abilities.record ?? []);

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} size="h4">
          {t('assessments.title')}
        </Title>
        {inUse.length > 0 && <Button onClick={() => setRecording(true)}>{t('assessments.record')}</Button>}
      </Group>
      <QueryState query={assessments}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('assessments.empty')}</Text>
          ) : (
            <Stack gap="lg">
              <LatestRisk assessment={items.at(-1)!} instrument={byId.get(items.at(-1)!.instrumentId)} />
              <QueryState query={trend}>{(data) => <Trend trend={data} />}</QueryState>
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {[...items].reverse().map((assessment) => (
                  <AssessmentItem key={assessment.id} assessment={assessment} instrument={byId.get(assessment.instrumentId)} />
                ))}
              </Stack>
            </Stack>
          )
        }
      </QueryState>
      <AssessmentFormModal opened={recording} caseId={caseId} instruments={inUse} onDone={() => setRecording(false)} />
    </Card>
  );
}
