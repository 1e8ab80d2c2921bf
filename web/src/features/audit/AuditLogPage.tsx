import { Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { AUDIT_ACTIONS, type AuditEvent } from '@seamless/contracts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TablePager } from '../../components/TablePager';
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
      <Table.Td>{event.seq}</Table.Td>
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
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => setInspected(event)}
          aria-label={t('audit.details.title', { seq: event.seq })}
        >
          {t('audit.details.open')}
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
          {(result) =>
            result.items.length === 0 ? (
              <Text c="dimmed">{t('audit.empty')}</Text>
            ) : (
              <>
                <Table.ScrollContainer minWidth={900}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('audit.columns.seq')}</Table.Th>
                        <Table.Th>{t('audit.columns.time')}</Table.Th>
                        <Table.Th>{t('audit.columns.action')}</Table.Th>
                        <Table.Th>{t('audit.columns.outcome')}</Table.Th>
                        <Table.Th>{t('audit.columns.actor')}</Table.Th>
                        <Table.Th>{t('audit.columns.resource')}</Table.Th>
                        <Table.Th>
                          <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>{result.items.map(row)}</Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <TablePager
                  page={search.page ?? 1}
                  pageSize={AUDIT_PAGE_SIZE}
                  total={result.total}
                  onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
                />
              </>
            )
          }
        </QueryState>
      </Stack>
      <AuditEventDetails event={inspected} onClose={() => setInspected(null)} />
    </>
  );
}
