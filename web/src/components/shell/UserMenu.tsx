import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/auth/MeContext';
import { useSignOut } from '../../features/auth/mutations';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" withArrow>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.userMenu', { name: me.displayName })}>
          <Group gap="xs" wrap="nowrap">
            {/* A figure, not an initial: the button's visible words must all be in its spoken name (WCAG 2.5.3). */}
            <Avatar radius="xl" size="sm" color="teal" aria-hidden />
            <Text size="sm" visibleFrom="sm" truncate maw={180}>
              {me.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.agency.name}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('shell.myAccount')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
