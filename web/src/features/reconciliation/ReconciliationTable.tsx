import { Button, Table } from '@mantine/core';
import type { Reconciliation, ReconciliationLine } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import type { OpenedLine } from './LineRecordsDrawer';
import { ScrollRegion } from './ScrollRegion';
import type { SubmissionLabels } from './useSubmissionLabels';
import { VerdictBadge } from './VerdictBadge';
import { computedText, orderedLines } from './verdicts';

interface ReconciliationTableProps {
  reconciliation: Reconciliation;
  labels: SubmissionLabels;
  /** Given to a reader who also works with cases: opens the records behind a line. */
  onOpenRecords?: (line: OpenedLine) => void;
}

/** Each reported number beside the computed one, their difference and what it means; the totals last. */
export function ReconciliationTable({ reconciliation, labels, onOpenRecords }: ReconciliationTableProps) {
  const { t } = useTranslation();
  const { by } = reconciliation.submission;
  const lines = orderedLines(reconciliation.lines, by, labels.figure.order);
  const none = t('reconciliation.table.none');
  const count = (value: number | null) => (value === null ? none : labels.figure.format(value));

  const lineName = (line: ReconciliationLine) =>
    line.keys.length === 0
      ? t('reconciliation.table.total')
      : by.map((breakdown, position) => labels.figure.value(breakdown, line.keys[position] ?? '')).join(' · ');

  const numbers = (line: ReconciliationLine) => {
    const computed = computedText(line.computed);
    return (
      <>
        <Table.Td ta="end">{count(line.reported)}</Table.Td>
        <Table.Td ta="end" c={computed.kind === 'count' ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
          {computed.kind === 'hidden'
            ? t('reconciliation.table.hidden', { threshold: reconciliation.threshold })
            : computed.kind === 'count'
              ? labels.figure.format(computed.value)
              : none}
        </Table.Td>
        <Table.Td ta="end">{line.difference === null ? none : labels.difference(line.difference)}</Table.Td>
        <Table.Td>
          <VerdictBadge verdict={line.verdict} />
        </Table.Td>
        {onOpenRecords && (
          <Table.Td>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => onOpenRecords({ keys: line.keys, name: lineName(line) })}
              aria-label={t('reconciliation.records.openLine', { line: lineName(line) })}
            >
              {t('reconciliation.records.open')}
            </Button>
          </Table.Td>
        )}
      </>
    );
  };

  return (
    <ScrollRegion label={t('reconciliation.table.label')}>
      <Table striped withTableBorder verticalSpacing="sm" miw={by.length > 1 ? 720 : 560}>
        <Table.Thead>
          <Table.Tr>
            {by.length === 0 ? (
              <Table.Td />
            ) : (
              by.map((breakdown) => (
                <Table.Th key={breakdown} scope="col">
                  {t(`statistics.breakdown.${breakdown}`)}
                </Table.Th>
              ))
            )}
            <Table.Th scope="col" ta="end">
              {t('reconciliation.table.reported')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('reconciliation.table.computed')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('reconciliation.table.difference')}
            </Table.Th>
            <Table.Th scope="col">{t('reconciliation.table.verdict')}</Table.Th>
            {onOpenRecords && <Table.Th scope="col">{t('reconciliation.records.column')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={JSON.stringify(line.keys)}>
              {by.map((breakdown, position) => (
                <Table.Th key={breakdown} scope="row" fw={400}>
                  {labels.figure.value(breakdown, line.keys[position] ?? '')}
                </Table.Th>
              ))}
              {numbers(line)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row" colSpan={Math.max(by.length, 1)}>
              {t('reconciliation.table.total')}
            </Table.Th>
            {numbers(reconciliation.total)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollRegion>
  );
}
