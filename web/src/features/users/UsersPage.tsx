import { Badge, Button, Group, Select, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import type { User } from '@seamless/contracts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from '../../components/ActionLabel';
import { FormattedDate } from '../../components/FormattedDate';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SearchField } from '../../components/SearchField';
import { useAgencyOptions } from '../agencies/queries';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { roleLabel } from '../roles/roleLabel';
import { USER_PAGE_SIZE, useUsers } from './queries';
import { UserFormModal, type UserFormTarget } from './UserFormModal';
import { userStatus } from './userStatus';

const STATUS_COLOR = { active: 'teal', locked: 'orange', inactive: 'gray' } as const;

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const acrossAgencies = hasPermission(me, 'admin:users:all_agencies');
  const search = useSearch({ from: '/signed-in/admin/users' });
  const navigate = useNavigate({ from: '/admin/users' });
  const page = search.page ?? 1;
  const users = useUsers({ page, pageSize: USER_PAGE_SIZE, q: search.q, agencyId: search.agencyId, resetRequested: search.resetRequested });
  const agencyOptions = useAgencyOptions();
  const [editing, setEditing] = useState<UserFormTarget | null>(null);

  const row = (user: User) => {
    const status = userStatus(user);
    return (
      <Table.Tr key={user.id}>
        <Table.Td>
          <Text size="sm" fw={700}>
            {user.displayName}
          </Text>
          <Text size="sm" c="dimmed">
            {user.username}
          </Text>
        </Table.Td>
        <Table.Td>{user.agencyName}</Table.Td>
        <Table.Td>
          <Group gap={4}>
            {user.roleKeys.map((key) => (
              <Badge key={key} variant="light">
                {roleLabel(t, key)}
              </Badge>
            ))}
          </Group>
        </Table.Td>
        <Table.Td>
          <Group gap={4}>
            <Badge color={STATUS_COLOR[status]} variant="light">
              {t(`users.status.${status}`)}
            </Badge>
            {user.passwordResetRequestedAt && (
              <Badge color="orange" variant="outline">
                {t('help.resetRequests.badge')}
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>{user.secondFactorEnabled ? t('common.yes') : t('common.no')}</Table.Td>
        <Table.Td>{user.lastLoginAt ? <FormattedDate value={user.lastLoginAt} withTime /> : t('users.neverSignedIn')}</Table.Td>
        <Table.Td>
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ user })}>
            <ActionLabel label={t('common.edit')} subject={user.displayName} />
          </Button>
        </Table.Td>
      </Table.Tr>
    );
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={<Button onClick={() => setEditing({ user: null })}>{t('users.create')}</Button>}
      />
      <Stack>
        <Group align="flex-end">
          <SearchField
            label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            value={search.q}
            onSearch={(q) => navigate({ search: (previous) => ({ ...previous, q, page: undefined }) })}
          />
          <Switch
            label={t('help.resetRequests.filter')}
            checked={search.resetRequested === true}
            onChange={(event) =>
              navigate({
                search: (previous) => ({ ...previous, resetRequested: event.currentTarget.checked || undefined, page: undefined }),
              })
            }
            mb={8}
          />
          {acrossAgencies && (
            <Select
              label={t('users.fields.agency')}
              placeholder={t('users.allAgencies')}
              data={agencyOptions}
              value={search.agencyId ?? null}
              onChange={(agencyId) =>
                navigate({ search: (previous) => ({ ...previous, agencyId: agencyId ?? undefined, page: undefined }) })
              }
              searchable
              clearable
              w={{ base: '100%', sm: 320 }}
            />
          )}
        </Group>
        <QueryState query={users}>
          {(result) => (
            <PagedTable
              result={result}
              columns={[
                t('users.fields.displayName'),
                t('users.fields.agency'),
                t('users.fields.roles'),
                t('common.status'),
                t('users.secondFactor'),
                t('users.lastSignIn'),
                <VisuallyHidden key="actions">{t('common.actions')}</VisuallyHidden>,
              ]}
              renderRow={row}
              empty={t('users.empty')}
              page={page}
              pageSize={USER_PAGE_SIZE}
              onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
            />
          )}
        </QueryState>
      </Stack>
      <UserFormModal target={editing} onClose={() => setEditing(null)} />
    </>
  );
}
