import { Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Agency } from '@seamless/contracts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from '../../components/ActionLabel';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SearchField } from '../../components/SearchField';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { useCountryName } from '../countries/useCountries';
import { AgencyFormModal, type AgencyFormTarget } from './AgencyFormModal';
import { AGENCY_PAGE_SIZE, useAgencies } from './queries';

export function AgenciesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = hasPermission(me, 'admin:agencies');
  const search = useSearch({ from: '/signed-in/admin/agencies' });
  const navigate = useNavigate({ from: '/admin/agencies' });
  const page = search.page ?? 1;
  const agencies = useAgencies({ page, pageSize: AGENCY_PAGE_SIZE, q: search.q });
  const countryName = useCountryName();
  const [editing, setEditing] = useState<AgencyFormTarget | null>(null);

  const row = (agency: Agency) => (
    <Table.Tr key={agency.id}>
      <Table.Td>
        <Text size="sm" fw={700}>
          {agency.name}
        </Text>
        {agency.localName && (
          <Text size="sm" c="dimmed">
            {agency.localName}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{agency.acronym}</Table.Td>
      <Table.Td>{t(`organisationType.${agency.organisationType}`)}</Table.Td>
      <Table.Td>{t(`agencyFunction.${agency.agencyFunction}`)}</Table.Td>
      <Table.Td>
        {countryName(agency.countryCode)}
        {(agency.city || agency.province) && (
          <Text size="xs" c="dimmed">
            {[agency.city, agency.province].filter(Boolean).join(', ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={agency.active ? 'teal' : 'gray'} variant="light">
          {agency.active ? t('common.active') : t('common.inactive')}
        </Badge>
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ agency })}>
            <ActionLabel label={t('common.edit')} subject={agency.name} />
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        description={t('agencies.description')}
        actions={canEdit && <Button onClick={() => setEditing({ agency: null })}>{t('agencies.create')}</Button>}
      />
      <Stack>
        <SearchField
          label={t('agencies.search')}
          placeholder={t('agencies.searchPlaceholder')}
          value={search.q}
          onSearch={(q) => navigate({ search: (previous) => ({ ...previous, q, page: undefined }) })}
        />
        <QueryState query={agencies}>
          {(result) => (
            <PagedTable
              result={result}
              columns={[
                t('agencies.fields.name'),
                t('agencies.fields.acronym'),
                t('agencies.fields.organisationType'),
                t('agencies.fields.agencyFunction'),
                t('agencies.fields.country'),
                t('common.status'),
                ...(canEdit ? [<VisuallyHidden key="actions">{t('common.actions')}</VisuallyHidden>] : []),
              ]}
              renderRow={row}
              empty={t('agencies.empty')}
              page={page}
              pageSize={AGENCY_PAGE_SIZE}
              onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
            />
          )}
        </QueryState>
      </Stack>
      <AgencyFormModal target={editing} onClose={() => setEditing(null)} />
    </>
  );
}
