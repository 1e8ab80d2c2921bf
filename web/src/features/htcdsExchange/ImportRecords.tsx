import { Badge, Loader, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TablePager } from '../../components/TablePager';
import { useImportRecords } from './queries';

const TYPING_PAUSE_MS = 300;

/**
 * The records the reader's own import wrote, to check that her file arrived: searchable by a
 * name in any script, since the file may spell a name in Thai that the reader types in Latin.
 */
export function ImportRecords({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(search.trim(), TYPING_PAUSE_MS);
  const records = useImportRecords(jobId, q, page);
  const items = records.data?.items ?? [];

  return (
    <section aria-labelledby={titleId}>
      <Title order={3} size="h5" mb={4} id={titleId}>
        {t('htcdsExchange.records.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('htcdsExchange.records.hint')}
      </Text>
      <TextInput
        label={t('htcdsExchange.records.search')}
        description={t('htcdsExchange.records.searchHint')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
        rightSection={records.isFetching ? <Loader size="xs" aria-hidden="true" /> : null}
        maw={420}
        mb="sm"
      />
      {records.isError && <ProblemAlert error={records.error} />}
      {records.data && items.length === 0 ? (
        <Text size="sm" c="dimmed" role="status">
          {t('htcdsExchange.records.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="import-records" aria-busy={records.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('htcdsExchange.report.row')}</Table.Th>
                <Table.Th>{t('htcdsExchange.records.reference')}</Table.Th>
                <Table.Th>{t('htcdsExchange.records.name')}</Table.Th>
                <Table.Th>{t('htcdsExchange.records.nameAsWritten')}</Table.Th>
                <Table.Th>{t('htcdsExchange.records.pseudonym')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((record) => (
                <Table.Tr key={record.caseId}>
                  <Table.Td>{record.row ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text span size="sm" ff="monospace">
                      {record.caseReference}
                    </Text>
                    {record.matchedExistingPerson && (
                      <Badge ml="xs" size="sm" variant="light" color="grape">
                        {t('htcdsExchange.records.matched')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{record.name}</Table.Td>
                  <Table.Td>{record.nameAsWritten}</Table.Td>
                  <Table.Td>{record.pseudonym}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {records.data && records.data.total > 0 && (
        <TablePager page={page} pageSize={records.data.pageSize} total={records.data.total} onPageChange={setPage} />
      )}
    </section>
  );
}
