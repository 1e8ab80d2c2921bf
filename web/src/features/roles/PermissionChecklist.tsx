import { Checkbox, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { PERMISSIONS, type Permission } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { oneOf } from '../../lib/oneOf';
import { PERMISSION_GROUPS, permissionKey } from './permissionGroups';

interface PermissionChecklistProps {
  value: readonly Permission[];
  onChange: (permissions: Permission[]) => void;
  error?: string;
}

export function PermissionChecklist({ value, onChange, error }: PermissionChecklistProps) {
  const { t } = useTranslation();
  const selected = (group: readonly Permission[]) => value.filter((permission) => group.includes(permission));
  const replaceGroup = (group: readonly Permission[], chosen: string[]) => {
    const others = value.filter((permission) => !group.includes(permission));
    const picked = chosen.flatMap((permission) => oneOf(permission, PERMISSIONS) ?? []);
    // Keep the contract's order so that saved roles read the same way everywhere.
    onChange(PERMISSIONS.filter((permission) => others.includes(permission) || picked.includes(permission)));
  };
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {PERMISSION_GROUPS.map(({ group, permissions }) => (
          <Fieldset key={group} legend={t(`permissionGroup.${group}`)} variant="filled">
            <Checkbox.Group value={selected(permissions)} onChange={(chosen) => replaceGroup(permissions, chosen)}>
              <Stack gap={6}>
                {permissions.map((permission) => (
                  <Checkbox key={permission} value={permission} label={t(`permission.${permissionKey(permission)}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Fieldset>
        ))}
      </SimpleGrid>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
