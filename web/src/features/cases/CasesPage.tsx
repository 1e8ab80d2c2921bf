import { Badge, Group, Select, Stack, Table, Text } from '@mantine/core';
import { CASE_STATUSES, type CaseSummary } from '@seamless/contracts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { oneOf } from '../../lib/oneOf';
import { useMe } from '../auth/MeContext';
import { useCountryName } from '../countries/useCountries';
import { CASE_PAGE_SIZE } from './api';
import { CaseStatusBadge, TraffickingStatusBadge } from './CaseBadges';
import { CASE_SORTS } from './caseListSearch';
import { useCases } from './queries';

export function CasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/signed-in/cases' });
  const navigate = useNavigate({ from: '/cases' });
  const cases = useCases(search);
  const countryName = useCountryName();

  const row = (summary: CaseSummary) => (
    <Table.Tr key={summary.id}>
      <Table.Td>
        <RouterAnchor to="/cases/$caseId" params={{ caseId: summary.id }} fw={700} size="sm">
          {summary.reference}
        </RouterAnchor>
      </Table.Td>
      {/* The server already chose between the name and a pseudonym for this reader. */}
      <Table.Td>{summary.displayName}</Table.Td>
      <Table.Td>
        <CaseStatusBadge status={summary.status} />
      </Table.Td>
      <Table.Td>
        <TraffickingStatusBadge status={summary.traffickingStatus} />
      </Table.Td>
      <Table.Td>{t(`gender.${summary.gender}`)}</Table.Td>
      <Table.Td>{summary.ageAtIntake ?? t('common.unknown')}</Table.Td>
      <Table.Td>{summary.citizenship.map(countryName).join(', ')}</Table.Td>
      <Table.Td>{summary.ownerAgencyName}</Table.Td>
      <Table.Td>
        <FormattedDate value={summary.updatedAt} />
      </Table.Td>
    </Table.Tr>
  );

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        actions={
          me.pseudonymMode && (
            <Badge variant="light" color="grape" size="lg">
              {t('cases.pseudonymsShown')}
            </Badge>
          )
        }
      />
      <Stack>
        <Group align="flex-end">
          <Select
            label={t('cases.filters.status')}
            placeholder={t('cases.filters.anyStatus')}
            data={CASE_STATUSES.map((status) => ({ value: status, label: t(`caseStatus.${status}`) }))}
            value={search.status ?? null}
            onChange={(status) =>
              navigate({ search: (previous) => ({ ...previous, status: oneOf(status, CASE_STATUSES), page: undefined }) })
            }
            clearable
            w={220}
          />
          <Select
            label={t('cases.filters.sort')}
            data={CASE_SORTS.map((sort) => ({ value: sort, label: t(`cases.sort.${sort}`) }))}
            value={search.sort ?? CASE_SORTS[0]}
            onChange={(sort) => navigate({ search: (previous) => ({ ...previous, sort: oneOf(sort, CASE_SORTS), page: undefined }) })}
            allowDeselect={false}
            w={260}
          />
        </Group>
        <QueryState query={cases}>
          {(result) => (
            <PagedTable
              result={result}
              columns={[
                t('cases.fields.reference'),
                t('cases.fields.name'),
                t('cases.fields.status'),
                t('cases.fields.traffickingStatus'),
                t('cases.fields.gender'),
                t('cases.fields.ageAtIntake'),
                t('cases.fields.citizenship'),
                t('cases.fields.ownerAgency'),
                t('cases.fields.updatedAt'),
              ]}
              renderRow={row}
              empty={t('cases.empty')}
              page={search.page ?? 1}
              pageSize={CASE_PAGE_SIZE}
              onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
              minWidth={1000}
            />
          )}
        </QueryState>
      </Stack>
    </>
  );
}
