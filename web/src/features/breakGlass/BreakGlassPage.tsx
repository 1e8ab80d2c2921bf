import { Badge, Input, SegmentedControl, Spoiler, Stack, Table, Text } from '@mantine/core';
import type { BreakGlassGrant } from '@seamless/contracts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { BREAK_GLASS_PAGE_SIZE } from './api';
import { BREAK_GLASS_FILTERS } from './breakGlassSearch';
import { useBreakGlassGrants } from './queries';

const ALL = 'all';
const FILTER_OPTIONS = [ALL, ...BREAK_GLASS_FILTERS] as const;

/** Every emergency access to a case, with its reason: reported so that it stays the exception. */
export function BreakGlassPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canOpenCases = hasPermission(me, 'case:read');
  const search = useSearch({ from: '/signed-in/admin/break-glass' });
  const navigate = useNavigate({ from: '/admin/break-glass' });
  const grants = useBreakGlassGrants(search);

  const caseCell = (grant: BreakGlassGrant) => {
    if (!grant.caseReference) {
      return (
        <Text size="sm" c="dimmed">
          {t('configuration.breakGlass.caseHidden')}
        </Text>
      );
    }
    return canOpenCases ? (
      <RouterAnchor to="/cases/$caseId" params={{ caseId: grant.caseId }} size="sm">
        {grant.caseReference}
      </RouterAnchor>
    ) : (
      <Text size="sm">{grant.caseReference}</Text>
    );
  };

  const row = (grant: BreakGlassGrant) => (
    <Table.Tr key={grant.id}>
      <Table.Td>
        <FormattedDate value={grant.grantedAt} withTime />
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {grant.username}
        </Text>
        <Text size="xs" c="dimmed">
          {grant.agencyName}
        </Text>
      </Table.Td>
      <Table.Td>{caseCell(grant)}</Table.Td>
      <Table.Td maw={360}>
        <Spoiler maxHeight={44} showLabel={t('configuration.breakGlass.more')} hideLabel={t('configuration.breakGlass.less')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {grant.reason}
          </Text>
        </Spoiler>
      </Table.Td>
      <Table.Td>
        <FormattedDate value={grant.expiresAt} withTime />
      </Table.Td>
      <Table.Td>
        <Badge color={grant.active ? 'red' : 'gray'} variant={grant.active ? 'filled' : 'light'}>
          {grant.active ? t('configuration.breakGlass.status.active') : t('configuration.breakGlass.status.ended')}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <>
      <PageHeader title={t('configuration.breakGlass.title')} description={t('configuration.breakGlass.description')} />
      <Stack gap="lg">
        <Stack gap={4}>
          <Input.Label id="break-glass-filter">{t('configuration.breakGlass.filter.label')}</Input.Label>
          <SegmentedControl
            aria-labelledby="break-glass-filter"
            w="fit-content"
            data={FILTER_OPTIONS.map((value) => ({ value, label: t(`configuration.breakGlass.filter.${value}`) }))}
            value={search.status ?? ALL}
            onChange={(value) =>
              navigate({
                search: { status: BREAK_GLASS_FILTERS.find((filter) => filter === value), page: undefined },
              })
            }
          />
        </Stack>
        <QueryState query={grants}>
          {(result) => (
            <PagedTable
              result={result}
              columns={[
                t('configuration.breakGlass.columns.grantedAt'),
                t('configuration.breakGlass.columns.user'),
                t('configuration.breakGlass.columns.case'),
                t('configuration.breakGlass.columns.reason'),
                t('configuration.breakGlass.columns.until'),
                t('common.status'),
              ]}
              renderRow={row}
              empty={t('configuration.breakGlass.empty')}
              page={search.page ?? 1}
              pageSize={BREAK_GLASS_PAGE_SIZE}
              onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
            />
          )}
        </QueryState>
      </Stack>
    </>
  );
}
