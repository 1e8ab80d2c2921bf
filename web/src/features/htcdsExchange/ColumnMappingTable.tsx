import { Badge, Table, Text, Title } from '@mantine/core';
import type { HtcdsColumnMapping } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { columnLetter } from './importJob';

/** The mapping preview: how each column of the file was understood, before anything is saved. */
export function ColumnMappingTable({ columns }: { columns: readonly HtcdsColumnMapping[] }) {
  const { t } = useTranslation();
  return (
    <section>
      <Title order={3} size="h5" mb={4}>
        {t('htcdsExchange.report.columns')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('htcdsExchange.report.columnsHint')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{t('htcdsExchange.report.position')}</Table.Th>
              <Table.Th>{t('htcdsExchange.report.header')}</Table.Th>
              <Table.Th>{t('htcdsExchange.report.field')}</Table.Th>
              <Table.Th>{t('htcdsExchange.report.matchedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column) => (
              <Table.Tr key={column.position}>
                <Table.Td>
                  <Text span size="sm" fw={700}>
                    {columnLetter(column.position)}
                  </Text>
                </Table.Td>
                <Table.Td>{column.header}</Table.Td>
                <Table.Td>
                  {column.field && (
                    <Text span size="sm" ff="monospace" mr="xs">
                      {column.field}
                    </Text>
                  )}
                  {!column.held && (
                    <Badge color="gray" variant="light" size="sm">
                      {t('htcdsExchange.report.notKept')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {column.matchedBy === 'name'
                    ? t('htcdsExchange.report.byName')
                    : column.matchedBy === 'label'
                      ? t('htcdsExchange.report.byLabel')
                      : t('htcdsExchange.report.notMatched')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
