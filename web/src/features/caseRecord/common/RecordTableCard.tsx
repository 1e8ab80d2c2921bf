import { Card, Stack, Table, Text, Title } from '@mantine/core';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { QueryState } from '../../../components/QueryState';
import { TableSkeleton } from '../../../components/Skeletons';

interface RecordTableCardProps<Item extends { id: string }> {
  title: string;
  empty: string;
  query: UseQueryResult<{ items: Item[] }>;
  headers: readonly string[];
  /** The row's cells (`Table.Td`), in the order of `headers`. */
  cells: (item: Item) => ReactNode;
  /** Removing a row, offered only where the caller may edit. */
  remove: UseMutationResult<unknown, Error, string> | null;
  /** The add form under the table, where the caller may edit. */
  form: ReactNode;
}

/** A case's list of records (trafficking events, perpetrators): a table with remove buttons, then the add form. */
export function RecordTableCard<Item extends { id: string }>({
  title,
  empty,
  query,
  headers,
  cells,
  remove,
  form,
}: RecordTableCardProps<Item>) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {title}
      </Title>
      <Stack>
        <QueryState query={query} loading={<TableSkeleton rows={2} />}>
          {({ items }) =>
            items.length === 0 ? (
              <Text c="dimmed" size="sm">
                {empty}
              </Text>
            ) : (
              // A native scroller that takes focus, so the columns off a phone's screen are reached by keyboard too.
              <Table.ScrollContainer minWidth={520} type="native" tabIndex={0} role="region" aria-label={title}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      {headers.map((header) => (
                        <Table.Th key={header}>{header}</Table.Th>
                      ))}
                      {remove && <Table.Th>{t('common.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((item) => (
                      <Table.Tr key={item.id}>
                        {cells(item)}
                        {remove && (
                          <Table.Td>
                            <ConfirmButton
                              size="compact-xs"
                              variant="subtle"
                              color="red"
                              confirmTitle={t('confirm.recordRemove.title')}
                              confirmMessage={t('confirm.recordRemove.text')}
                              confirmLabel={t('confirm.recordRemove.action')}
                              onConfirm={() => remove.mutate(item.id)}
                              loading={remove.isPending && remove.variables === item.id}
                            >
                              {t('caseRecord.common.remove')}
                            </ConfirmButton>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
        {remove && <ProblemAlert error={remove.error} />}
        {form}
      </Stack>
    </Card>
  );
}
