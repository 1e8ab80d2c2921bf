import { Badge, Button, Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Role } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from '../../components/ActionLabel';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useRoles } from './queries';
import { RoleFormModal, type RoleFormTarget } from './RoleFormModal';
import { roleLabel } from './roleLabel';

export function RolesPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const [editing, setEditing] = useState<RoleFormTarget | null>(null);

  const row = (role: Role) => {
    const label = roleLabel(t, role.key, role.name);
    return (
      <Table.Tr key={role.id}>
        <Table.Td>
          <Text size="sm" fw={700}>
            {label}
          </Text>
        </Table.Td>
        <Table.Td>
          <Code>{role.key}</Code>
        </Table.Td>
        <Table.Td>{t('roles.permissionCount', { number: role.permissions.length })}</Table.Td>
        <Table.Td>
          <Group gap={4}>
            {role.builtIn && (
              <Badge variant="light" color="gray">
                {t('roles.builtIn')}
              </Badge>
            )}
            {role.assignableByAgencyAdmins && (
              <Badge variant="light" color="grape">
                {t('roleDelegation.badge')}
              </Badge>
            )}
            {role.requiresSecondFactor && (
              <Badge variant="light" color="blue">
                {t('roles.requiresSecondFactor')}
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ role })}>
            <ActionLabel label={t('common.edit')} subject={label} />
          </Button>
        </Table.Td>
      </Table.Tr>
    );
  };

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        description={t('roles.description')}
        actions={<Button onClick={() => setEditing({ role: null })}>{t('roles.create')}</Button>}
      />
      <QueryState query={roles}>
        {({ items }) => (
          <Table.ScrollContainer minWidth={720}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('roles.fields.name')}</Table.Th>
                  <Table.Th>{t('roles.fields.key')}</Table.Th>
                  <Table.Th>{t('roles.fields.permissions')}</Table.Th>
                  <Table.Th>{t('roles.properties')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{items.map(row)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <RoleFormModal target={editing} onClose={() => setEditing(null)} />
    </>
  );
}
