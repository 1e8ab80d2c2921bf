import { Alert, Badge, Drawer, Group, List, Stack, Table, Text } from '@mantine/core';
import type { ReconciliationRecord, ReconciliationRecords } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { QueryState } from '../../components/QueryState';
import { CaseReferenceCell } from '../cases/CaseReferenceCell';
import { useReconciliationRecords } from './queries';
import { ScrollRegion } from './ScrollRegion';

/** A line the reader chose: its breakdown values and how the table names it. */
export interface OpenedLine {
  keys: string[];
  name: string;
}

interface LineRecordsDrawerProps {
  submissionId: string;
  line: OpenedLine | null;
  /** Numbers in the reader's digits. */
  format: (value: number) => string;
  onClose: () => void;
}

/** What in the records can make an agency's count differ, each only when it happens. */
function Findings({ records, format }: { records: ReconciliationRecords; format: (value: number) => string }) {
  const { t } = useTranslation();
  const extraCases = records.countedCases - records.countedPersons;
  const findings = [
    extraCases > 0 && t('reconciliation.records.findings.samePerson', { cases: format(extraCases) }),
    records.openedNotCounted > 0 && t('reconciliation.records.findings.openedNotCounted', { cases: format(records.openedNotCounted) }),
    records.countedOpenedOutside > 0 && t('reconciliation.records.findings.openedOutside', { cases: format(records.countedOpenedOutside) }),
  ].filter((finding): finding is string => typeof finding === 'string');
  return (
    <Alert color="blue" variant="light">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('reconciliation.records.counted', { cases: format(records.countedCases), persons: format(records.countedPersons) })}
        </Text>
        {findings.length > 0 && (
          <List size="sm" spacing={4}>
            {findings.map((finding) => (
              <List.Item key={finding}>{finding}</List.Item>
            ))}
          </List>
        )}
        <Text size="sm">{t('reconciliation.records.missing')}</Text>
        <Text size="sm" c="dimmed">
          {t('reconciliation.records.scope')}
        </Text>
      </Stack>
    </Alert>
  );
}

function RecordNotes({ record }: { record: ReconciliationRecord }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {record.countedOn === null && (
        <Badge color="orange" variant="light" tt="none">
          {t('reconciliation.records.notes.notCounted')}
        </Badge>
      )}
      {record.samePersonCases > 0 && (
        <Badge color="grape" variant="light" tt="none">
          {t('reconciliation.records.notes.samePerson', { cases: record.samePersonCases })}
        </Badge>
      )}
      {record.countedOn !== null && !record.openedInPeriod && (
        <Badge color="gray" variant="light" tt="none">
          {t('reconciliation.records.notes.openedOutside')}
        </Badge>
      )}
    </Group>
  );
}

function RecordsTable({ records }: { records: ReconciliationRecord[] }) {
  const { t } = useTranslation();
  if (records.length === 0) return <Text c="dimmed">{t('reconciliation.records.empty')}</Text>;
  return (
    <ScrollRegion label={t('reconciliation.records.tableLabel')}>
      <Table striped verticalSpacing="xs" miw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reconciliation.records.columns.case')}</Table.Th>
            <Table.Th scope="col">{t('reconciliation.records.columns.person')}</Table.Th>
            <Table.Th scope="col">{t('reconciliation.records.columns.countedOn')}</Table.Th>
            <Table.Th scope="col">{t('reconciliation.records.columns.notes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            <Table.Tr key={record.case.id}>
              <CaseReferenceCell summary={record.case} />
              <Table.Td>
                {/* The server already chose between the name and a pseudonym for this reader. */}
                <Text size="sm">{record.case.displayName}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {record.countedOn === null ? t('reconciliation.records.notCountedShort') : <FormattedDate value={record.countedOn} />}
              </Table.Td>
              <Table.Td>
                <RecordNotes record={record} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function LineRecords({ submissionId, keys, format }: { submissionId: string; keys: string[]; format: (value: number) => string }) {
  const { t } = useTranslation();
  const records = useReconciliationRecords(submissionId, keys);
  return (
    <QueryState query={records}>
      {(explained) => (
        <Stack gap="md">
          <Findings records={explained} format={format} />
          <RecordsTable records={explained.records} />
          {explained.truncated && (
            <Text size="sm" c="dimmed">
              {t('reconciliation.records.truncated', { shown: format(explained.records.length) })}
            </Text>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

/**
 * The records behind one reported line, for a reader who also works with cases: what the agency's
 * own records count, and which of them explain a difference, each case a link to open it.
 */
export function LineRecordsDrawer({ submissionId, line, format, onClose }: LineRecordsDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer opened={line !== null} onClose={onClose} position="right" size="xl" title={t('reconciliation.records.title')}>
      {line && (
        <Stack gap="md">
          <Text fw={500}>{line.name}</Text>
          <LineRecords submissionId={submissionId} keys={line.keys} format={format} />
        </Stack>
      )}
    </Drawer>
  );
}
