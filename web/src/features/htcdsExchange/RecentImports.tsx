import { Badge, Card, Table, Text, Title } from '@mantine/core';
import type { HtcdsImportReport } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/useLocale';
import { formatNumber } from '../../lib/numbers';
import { useRecentImports } from './queries';

/** The agency's latest checks and imports, newest first. */
export function RecentImports() {
  const { t } = useTranslation();
  const locale = useLocale();
  const recent = useRecentImports();
  const count = (value: number) => <Table.Td ta="end">{formatNumber(value, locale)}</Table.Td>;
  const row = (job: HtcdsImportReport) => (
    <Table.Tr key={job.jobId}>
      <Table.Td>
        <FormattedDate value={job.createdAt} withTime />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {job.fileName}
        </Text>
      </Table.Td>
      <Table.Td>{t(job.dryRun ? 'htcdsExchange.recent.dryRun' : 'htcdsExchange.recent.import')}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={job.state === 'failed' ? 'red' : job.state === 'done' ? 'teal' : 'blue'}>
          {t(`htcdsExchange.state.${job.state}`)}
        </Badge>
      </Table.Td>
      {count(job.rows)}
      {count(job.imported)}
      {count(job.matchedExisting)}
      {count(job.skipped)}
      {count(job.errorCount)}
    </Table.Tr>
  );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="recent-imports-title">
      <Title order={2} size="h4" mb="md" id="recent-imports-title">
        {t('htcdsExchange.recent.title')}
      </Title>
      <QueryState query={recent}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('htcdsExchange.recent.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('htcdsExchange.recent.date')}</Table.Th>
                    <Table.Th>{t('htcdsExchange.recent.file')}</Table.Th>
                    <Table.Th>{t('htcdsExchange.recent.kind')}</Table.Th>
                    <Table.Th>{t('htcdsExchange.recent.state')}</Table.Th>
                    <Table.Th ta="end">{t('htcdsExchange.recent.rows')}</Table.Th>
                    <Table.Th ta="end">{t('htcdsExchange.recent.imported')}</Table.Th>
                    <Table.Th ta="end">{t('htcdsExchange.recent.matched')}</Table.Th>
                    <Table.Th ta="end">{t('htcdsExchange.recent.skipped')}</Table.Th>
                    <Table.Th ta="end">{t('htcdsExchange.recent.errors')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>{items.map(row)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Card>
  );
}
