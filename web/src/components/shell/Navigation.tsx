import { Divider, Stack, Text } from '@mantine/core';
import type { Me, Permission } from '@seamless/contracts';
import { type LinkProps, useRouterState } from '@tanstack/react-router';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/auth/MeContext';
import { hasAnyPermission, hasPermission } from '../../features/auth/permissions';
import { RouterNavLink } from '../RouterLinks';
import { activeEntryOf } from './activeEntry';

interface NavigationEntry {
  to: NonNullable<LinkProps['to']>;
  label: ParseKeys;
  /** Any one of these grants the entry; none listed means every signed-in user sees it. */
  anyOf?: readonly Permission[];
  /** Every one of these is needed (and one of `anyOf`, if listed). */
  allOf?: readonly Permission[];
  exact?: boolean;
}

const WORK: readonly NavigationEntry[] = [
  { to: '/', label: 'nav.dashboard', exact: true },
  { to: '/cases', label: 'nav.cases', anyOf: ['case:read'] },
  { to: '/meetings', label: 'nav.meetings', anyOf: ['case:read'] },
  { to: '/referrals', label: 'nav.referrals', anyOf: ['case:update'] },
  { to: '/repatriations', label: 'nav.repatriations', anyOf: ['repatriation:manage'] },
  { to: '/cross-border-referrals', label: 'nav.crossBorderReferrals', anyOf: ['repatriation:manage'] },
  { to: '/shelters', label: 'nav.shelters', anyOf: ['section:shelter', 'shelter:manage'] },
  { to: '/directory', label: 'nav.directory' },
  { to: '/statistics', label: 'nav.statistics', anyOf: ['stats:read'] },
  { to: '/statistics/reconciliation', label: 'nav.reconciliation', anyOf: ['stats:read'] },
  { to: '/statistics/global-collection', label: 'nav.globalCollection', allOf: ['stats:read', 'export:htcds'] },
  { to: '/statistics/regional', label: 'nav.regionalStatistics', anyOf: ['stats:read'] },
  { to: '/merge-requests', label: 'nav.mergeRequests', anyOf: ['case:update', 'admin:persons'] },
  // Also in the user menu; here too, so that a phone reaches it from the navigation drawer.
  { to: '/guide', label: 'onboarding.menu.guide' },
];

const DATA: readonly NavigationEntry[] = [
  { to: '/data/import', label: 'nav.htcdsImport', anyOf: ['import:htcds'] },
  { to: '/data/export', label: 'nav.htcdsExport', anyOf: ['export:htcds'] },
];

const ADMINISTRATION: readonly NavigationEntry[] = [
  { to: '/admin/agencies', label: 'nav.agencies' },
  { to: '/admin/users', label: 'nav.users', anyOf: ['admin:users', 'admin:users:all_agencies'] },
  { to: '/admin/roles', label: 'nav.roles', anyOf: ['admin:roles'] },
  { to: '/admin/audit', label: 'nav.audit', anyOf: ['admin:audit'] },
  { to: '/admin/forms', label: 'nav.forms', anyOf: ['admin:forms'] },
  { to: '/admin/follow-up-policies', label: 'nav.followUpPolicies', anyOf: ['admin:forms'] },
  { to: '/admin/assessment-instruments', label: 'nav.assessmentInstruments', anyOf: ['admin:forms'] },
  { to: '/admin/break-glass', label: 'nav.breakGlass', anyOf: ['admin:audit'] },
  { to: '/admin/person-merges', label: 'nav.personMerges', anyOf: ['admin:persons'] },
  { to: '/admin/federation', label: 'nav.federation', anyOf: ['admin:federation'] },
  { to: '/admin/mail', label: 'notifications.mail.nav', anyOf: ['admin:users:all_agencies'] },
];

const visibleTo = (me: Me) => (entry: NavigationEntry) =>
  (!entry.anyOf || hasAnyPermission(me, entry.anyOf)) && (entry.allOf ?? []).every((permission) => hasPermission(me, permission));

interface NavigationProps {
  onNavigate: () => void;
}

export function Navigation({ onNavigate }: NavigationProps) {
  const { t } = useTranslation();
  const me = useMe();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const active = activeEntryOf([...WORK, ...DATA, ...ADMINISTRATION].filter(visibleTo(me)), pathname);
  const renderEntry = (entry: NavigationEntry) => (
    // The router marks only its own path as the current page (aria-current, which the link's style follows too).
    <RouterNavLink
      key={entry.to}
      to={entry.to}
      label={t(entry.label)}
      onClick={onNavigate}
      active={entry === active}
      activeOptions={{ exact: true }}
    />
  );
  /** A titled group of entries, left out when the reader may open none of them. */
  const renderGroup = (id: string, title: ParseKeys, entries: readonly NavigationEntry[]) => {
    const visible = entries.filter(visibleTo(me));
    if (visible.length === 0) return null;
    return (
      <>
        <Divider my="sm" />
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} id={id}>
          {t(title)}
        </Text>
        <Stack gap={2} role="group" aria-labelledby={id}>
          {visible.map(renderEntry)}
        </Stack>
      </>
    );
  };
  return (
    <nav aria-label={t('nav.label')}>
      <Stack gap={2}>{WORK.filter(visibleTo(me)).map(renderEntry)}</Stack>
      {renderGroup('nav-data', 'nav.htcds', DATA)}
      {renderGroup('nav-administration', 'nav.administration', ADMINISTRATION)}
    </nav>
  );
}
