import { Button, Card, Group, ScrollArea, Table, Text, Title, UnstyledButton } from '@mantine/core';
import type { FigureTable } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { saveText } from './saveText';
import type { CellRef, ShownCell, TableView } from './tableView';
import { tableCsv } from './tableView';

interface FigureTableCardProps {
  title: string;
  view: TableView;
  threshold: number;
  /** The most a shown count may differ from the true one; 0 when counts are shown as they are. */
  adjustment: number;
  /** A differentially private release's noise, noted in place of suppression's complements. */
  privacy?: FigureTable['differentialPrivacy'];
  fileName: string;
  /** Given to a reader who also works with cases: opens the cases behind a count, named as the table names it. */
  onOpenCell?: (at: CellRef, name: string) => void;
}

interface CellProps {
  cell: ShownCell;
  strong?: boolean;
  /** The row's and column's labels, which say which count this is. */
  name: string;
  onOpen?: (at: CellRef, name: string) => void;
}

function Cell({ cell, strong, name, onOpen }: CellProps) {
  const { t } = useTranslation();
  const { at } = cell;
  return (
    <Table.Td ta="end" fw={strong ? 700 : undefined} c={cell.suppressed ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {onOpen && at ? (
        <UnstyledButton
          onClick={() => onOpen(at, name)}
          aria-label={t('statisticCases.open', { count: cell.text, cell: name })}
          fw="inherit"
          td="underline"
          c="inherit"
        >
          {cell.text}
        </UnstyledButton>
      ) : (
        cell.text
      )}
    </Table.Td>
  );
}

/** A count's name: its row, and its column where the table has more than one. */
const cellName = (row: string, column: string | undefined) => [row, column].filter(Boolean).join(' · ');

/**
 * The figures behind the chart (a suppressed cell reads "< 5", never blank), with their totals, the
 * notes on suppression and adjustment (without which totals that do not add up look like errors), and their download.
 */
export function FigureTableCard({ title, view, threshold, adjustment, privacy, fileName, onOpenCell }: FigureTableCardProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Button variant="light" onClick={() => saveText(tableCsv(view), fileName, 'text/csv;charset=utf-8')}>
          {t('statistics.download')}
        </Button>
      </Group>
      <ScrollArea type="auto">
        <Table striped withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              {view.header.map((heading, index) => (
                <Table.Th key={heading || index} ta={index === 0 ? 'start' : 'end'}>
                  {heading}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th scope="row" fw={400}>
                  {row.label}
                </Table.Th>
                {row.cells.map((cell, index) => (
                  <Cell
                    key={view.header[index + 1]}
                    cell={cell}
                    strong={index === row.cells.length - 1 && view.header.length > 2}
                    name={cellName(row.label, view.header[index + 1])}
                    onOpen={onOpenCell}
                  />
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{view.totals.label}</Table.Th>
              {view.totals.cells.map((cell, index) => (
                <Cell
                  key={view.header[index + 1]}
                  cell={cell}
                  strong
                  name={cellName(view.totals.label, view.header[index + 1])}
                  onOpen={onOpenCell}
                />
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea>
      <Text size="sm" c="dimmed" mt="sm">
        {privacy
          ? t('statistics.table.private', { epsilon: privacy.epsilon, total: privacy.releaseEpsilon, error: privacy.typicalError })
          : t('statistics.table.suppressed', { threshold })}
      </Text>
      {onOpenCell && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('statisticCases.hint')}
        </Text>
      )}
      {adjustment > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('statistics.table.adjusted', { adjustment })}
        </Text>
      )}
    </Card>
  );
}
