import { Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { AUDIT_ACTIONS, type AuditEvent } from '@seamless/contracts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from '../../components/ActionLabel';
import { FormattedDate } from '../../components/FormattedDate';
import { FormattedNumber } from '../../components/FormattedNumber';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { oneOf } from '../../lib/oneOf';
import { AuditEventDetails } from './AuditEventDetails';
import { AuditFilters } from './AuditFilters';
import { AUDIT_PAGE_SIZE } from './api';
import { useAuditEvents } from './queries';
import { VerifyChain } from './VerifyChain';

const OUTCOME_COLOR = { success: 'teal', denied: 'orange', failure: 'red' } as const;

export function AuditLogPage() {
  const { t } = useTranslation();
  const url = useSearch({ from: '/signed-in/admin/audit' });
  const search = { ...url, action: oneOf(url.action, AUDIT_ACTIONS) };
  const navigate = useNavigate({ from: '/admin/audit' });
  const events = useAuditEvents(search);
  const [inspected, setInspected] = useState<AuditEvent | null>(null);

  const row = (event: AuditEvent) => (
    <Table.Tr key={event.seq}>
      <Table.Td>
        <FormattedNumber value={event.seq} />
      </Table.Td>
      <Table.Td>
        <FormattedDate value={event.occurredAt} withTime />
      </Table.Td>
      <Table.Td>{t(`audit.action.${event.action}`)}</Table.Td>
      <Table.Td>
        <Badge color={OUTCOME_COLOR[event.outcome]} variant="light">
          {t(`audit.outcome.${event.outcome}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{event.actorUsername ?? t('audit.system')}</Table.Td>
      <Table.Td>
        <Text size="sm">{event.resourceType}</Text>
        {event.resourceId && (
          <Text size="xs" c="dimmed" ff="monospace">
            {event.resourceId}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button size="compact-sm" variant="subtle" onClick={() => setInspected(event)}>
          <ActionLabel label={t('audit.details.open')} subject={t('audit.details.title', { seq: event.seq })} />
        </Button>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Stack gap="lg">
        <VerifyChain />
        <AuditFilters value={search} onChange={(filters) => navigate({ search: filters })} />
        <QueryState query={events}>
          {(result) => (
            <PagedTable
              result={result}
              columns={[
                t('audit.columns.seq'),
                t('audit.columns.time'),
                t('audit.columns.action'),
                t('audit.columns.outcome'),
                t('audit.columns.actor'),
                t('audit.columns.resource'),
                <VisuallyHidden key="actions">{t('common.actions')}</VisuallyHidden>,
              ]}
              renderRow={row}
              empty={t('audit.empty')}
              page={search.page ?? 1}
              pageSize={AUDIT_PAGE_SIZE}
              onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
            />
          )}
        </QueryState>
      </Stack>
      <AuditEventDetails event={inspected} onClose={() => setInspected(null)} />
    </>
  );
}
