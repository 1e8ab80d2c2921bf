import { Badge, Button, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/useLocale';
import { formatDateTime } from '../../lib/dates';
import { PERSON_MERGE_PAGE_SIZE, type PersonMerge } from './api';
import { usePersonMerges } from './queries';
import { UndoMergeModal } from './UndoMergeModal';

/** A person record's reference, short enough to compare by eye; the whole id on hover. Never a name. */
function RecordReference({ id }: { id: string }) {
  return (
    <Tooltip label={id}>
      <Text span ff="monospace" size="sm">
        {id.slice(0, 8)}
      </Text>
    </Tooltip>
  );
}

/** Records of one person merged by caseworkers, with the way back. */
export function PersonMergesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = useSearch({ from: '/signed-in/admin/person-merges' });
  const navigate = useNavigate({ from: '/admin/person-merges' });
  const page = search.page ?? 1;
  const merges = usePersonMerges(page);
  const [undoing, setUndoing] = useState<PersonMerge | null>(null);

  const row = (merge: PersonMerge) => (
    <Table.Tr key={merge.id}>
      <Table.Td>
        <FormattedDate value={merge.mergedAt} withTime />
        <Text size="xs" c="dimmed">
          {merge.mergedByName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {t('configuration.personMerges.kept')} <RecordReference id={merge.survivorId} />
        </Text>
        <Text size="sm">
          {t('configuration.personMerges.mergedIn')} <RecordReference id={merge.mergedId} />
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {t('configuration.personMerges.moved', {
            cases: merge.moved.cases,
            names: merge.moved.names,
            documents: merge.moved.documents,
            contacts: merge.moved.contacts,
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        {merge.undoneAt ? (
          <>
            <Badge color="gray" variant="light">
              {t('configuration.personMerges.status.undone')}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('configuration.personMerges.undoneBy', { date: formatDateTime(merge.undoneAt, locale), name: merge.undoneByName ?? '' })}
            </Text>
          </>
        ) : (
          <Badge color="blue" variant="light">
            {t('configuration.personMerges.status.merged')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {!merge.undoneAt && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={() => setUndoing(merge)}
            aria-label={t('configuration.personMerges.undoLabel', { date: formatDateTime(merge.mergedAt, locale) })}
          >
            {t('configuration.personMerges.undo')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );

  return (
    <>
      <PageHeader title={t('configuration.personMerges.title')} description={t('configuration.personMerges.description')} />
      <Stack>
        <QueryState query={merges}>
          {(result) => (
            <PagedTable
              result={result}
              columns={[
                t('configuration.personMerges.columns.merged'),
                t('configuration.personMerges.columns.records'),
                t('configuration.personMerges.columns.moved'),
                t('common.status'),
                <VisuallyHidden key="actions">{t('common.actions')}</VisuallyHidden>,
              ]}
              renderRow={row}
              empty={t('configuration.personMerges.empty')}
              page={page}
              pageSize={PERSON_MERGE_PAGE_SIZE}
              onPageChange={(next) => navigate({ search: { page: next } })}
              minWidth={760}
            />
          )}
        </QueryState>
      </Stack>
      <UndoMergeModal merge={undoing} onClose={() => setUndoing(null)} />
    </>
  );
}
