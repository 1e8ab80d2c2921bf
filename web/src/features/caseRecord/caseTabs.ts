import type { Me, Permission } from '@seamless/contracts';

/** The case page's tabs, in order; the current one is kept in the URL hash so a link or reload keeps it. */
export const CASE_TABS = [
  'overview',
  'identification',
  'consent',
  'notes',
  'timeline',
  'care',
  'followUp',
  'shelter',
  'referrals',
  'repatriation',
  'crossBorderReferrals',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/** Tabs that only the holders of a permission see: the rest are for every reader of the case. */
const TAB_PERMISSIONS: Partial<Record<CaseTab, Permission>> = {
  repatriation: 'repatriation:manage',
  crossBorderReferrals: 'repatriation:manage',
};

export function caseTabsFor(me: Pick<Me, 'permissions'>): CaseTab[] {
  return CASE_TABS.filter((tab) => {
    const needed = TAB_PERMISSIONS[tab];
    return !needed || me.permissions.includes(needed);
  });
}

export function tabFromHash(hash: string | undefined): CaseTab {
  const name = (hash ?? '').replace(/^#/, '');
  return (CASE_TABS as readonly string[]).includes(name) ? (name as CaseTab) : 'overview';
}
