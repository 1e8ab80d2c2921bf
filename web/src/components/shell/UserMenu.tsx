import { Avatar, Group, Menu, Modal, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/auth/MeContext';
import { useSignOut } from '../../features/auth/mutations';
import { HelpContact } from '../../features/help/HelpContact';
import { guideRoleFor } from '../../features/onboarding/roleGuides';
import { openTour } from '../../features/onboarding/tourStore';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const [helpOpened, help] = useDisclosure(false);
  return (
    <>
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
          <Menu.Item component={Link} to="/guide">
            {t('onboarding.menu.guide')}
          </Menu.Item>
          {guideRoleFor(me.roles) && <Menu.Item onClick={openTour}>{t('onboarding.menu.tour')}</Menu.Item>}
          <Menu.Item onClick={help.open}>{t('onboarding.menu.help')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {t('shell.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={helpOpened} onClose={help.close} title={t('onboarding.menu.help')}>
        <HelpContact signedIn />
      </Modal>
    </>
  );
}
