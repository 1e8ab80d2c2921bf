import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MeContext } from '../../features/auth/MeContext';
import { meQueryOptions } from '../../features/auth/meQuery';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { FirstRunTour } from '../../features/onboarding/FirstRunTour';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Navigation } from './Navigation';
import { UserMenu } from './UserMenu';

const MAIN_ID = 'main-content';

/** The frame of every signed-in page: header, permission-driven navigation, content. */
export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQueryOptions);
  const [navbarOpen, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);

  // The session ended while the page was open (signed out elsewhere, expired).
  if (!me) return <Navigate to="/sign-in" search={{}} />;

  return (
    <MeContext value={me}>
      <a href={`#${MAIN_ID}`} className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navbarOpen } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          {/* At 360 px every control must still fit beside the name: the account menu holds sign-out and help. */}
          <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={navbarOpen}
                onClick={toggleNavbar}
                hiddenFrom="sm"
                size="sm"
                aria-label={t(navbarOpen ? 'shell.closeNavigation' : 'shell.openNavigation')}
                aria-expanded={navbarOpen}
              />
              <Text component={Link} to="/" fw={700} fz={{ base: 'lg', sm: 'xl' }} c="teal.8" td="none">
                Seamless
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <NotificationBell />
              <LanguageSwitcher />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm">
          <Navigation onNavigate={closeNavbar} />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_ID} tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
      <FirstRunTour />
    </MeContext>
  );
}
