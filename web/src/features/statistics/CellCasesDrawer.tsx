import { Alert, Drawer, Stack, Table, Text } from '@mantine/core';
import type { FigureCellCase, StatisticUnit } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { PagedTable } from '../../components/PagedTable';
import { QueryState } from '../../components/QueryState';
import { CaseReferenceCell } from '../cases/CaseReferenceCell';
import { useCellCases } from './queries';
import { cellCasesRequest, type FigureRequest } from './statisticsSearch';
import type { CellRef } from './tableView';

const PAGE_SIZE = 20;

/** A cell the reader chose: where it is in the figure, and how the table names it. */
export interface OpenedCell {
  at: CellRef;
  /** The figure, its period and the cell's row and column, as the table shows them. */
  title: string;
}

interface CellCasesDrawerProps {
  figure: FigureRequest;
  unit: StatisticUnit;
  cell: OpenedCell | null;
  onClose: () => void;
}

function CellCaseRow({ item }: { item: FigureCellCase }) {
  const summary = item.case;
  return (
    <Table.Tr>
      <CaseReferenceCell summary={summary} />
      <Table.Td>
        {/* The server already chose between the name and a pseudonym for this reader. */}
        <Text size="sm">{summary.displayName}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <FormattedDate value={item.countedOn} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2}>
          {summary.ownerAgencyName}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function CellCasesList({ figure, unit, at }: { figure: FigureRequest; unit: StatisticUnit; at: CellRef }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const cases = useCellCases(cellCasesRequest(figure, at, page, PAGE_SIZE));
  return (
    <Stack gap="md">
      <Alert color="blue" variant="light">
        <Text size="sm">{t('statisticCases.scope')}</Text>
        {unit !== 'cases' && (
          <Text size="sm" mt="xs">
            {t(`statisticCases.unitNote.${unit}`)}
          </Text>
        )}
      </Alert>
      <QueryState query={cases}>
        {(result) => (
          <Stack gap="xs">
            {result.total > 0 && (
              <Text size="sm" fw={500}>
                {t('statisticCases.total', { total: result.total })}
              </Text>
            )}
            <PagedTable
              result={result}
              columns={[
                t('statisticCases.columns.reference'),
                t('statisticCases.columns.person'),
                t('statisticCases.columns.countedOn'),
                t('statisticCases.columns.agency'),
              ]}
              renderRow={(item) => <CellCaseRow key={item.case.id} item={item} />}
              empty={t('statisticCases.empty')}
              page={page}
              pageSize={PAGE_SIZE}
              onPageChange={setPage}
              minWidth={560}
            />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/**
 * The cases behind a number, for a reader who also works with cases: only those she may open, the
 * figure itself counting every agency's records. Each opens as the case list would open it.
 */
export function CellCasesDrawer({ figure, unit, cell, onClose }: CellCasesDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer opened={cell !== null} onClose={onClose} position="right" size="xl" title={t('statisticCases.title')}>
      {cell && (
        <Stack gap="md">
          <Text fw={500}>{cell.title}</Text>
          {/* A new cell starts on its first page. */}
          <CellCasesList key={JSON.stringify(cell.at)} figure={figure} unit={unit} at={cell.at} />
        </Stack>
      )}
    </Drawer>
  );
}
