import type { BuiltInRole } from '@seamless/contracts';

/** The roles with a guide of their own, in the order the guide index lists them. */
export const GUIDE_ROLES = [
  'hotline_operator',
  'case_manager',
  'screener',
  'shelter_staff',
  'data_officer',
  'statistics_approver',
  'agency_admin',
] as const;
export type GuideRole = (typeof GUIDE_ROLES)[number];

/** One thing the role does, and where: a navigation entry (`to`) the tour points at and the guide pictures. */
export type GuideStep = { key: string; to?: string };

export const ROLE_GUIDES: Record<GuideRole, readonly GuideStep[]> = {
  hotline_operator: [
    { key: 'dashboard', to: '/' },
    { key: 'intake', to: '/cases' },
    { key: 'handOver' },
    { key: 'directory', to: '/directory' },
  ],
  case_manager: [
    { key: 'caseload', to: '/cases' },
    { key: 'nextStep' },
    { key: 'referrals', to: '/referrals' },
    { key: 'meetings', to: '/meetings' },
  ],
  screener: [{ key: 'cases', to: '/cases' }, { key: 'identify' }, { key: 'directory', to: '/directory' }],
  shelter_staff: [
    { key: 'shelters', to: '/shelters' },
    { key: 'cases', to: '/cases' },
    { key: 'directory', to: '/directory' },
  ],
  data_officer: [
    { key: 'statistics', to: '/statistics' },
    { key: 'reconciliation', to: '/statistics/reconciliation' },
    { key: 'export', to: '/data/export' },
  ],
  statistics_approver: [
    { key: 'statistics', to: '/statistics' },
    { key: 'approve', to: '/statistics/reports' },
    { key: 'regional', to: '/statistics/regional' },
  ],
  agency_admin: [{ key: 'users', to: '/admin/users' }, { key: 'resetRequests' }, { key: 'agencies', to: '/admin/agencies' }],
};

/** The guide's address for each role. */
export const GUIDE_SLUGS: Record<GuideRole, string> = {
  hotline_operator: 'hotline-operator',
  case_manager: 'social-worker',
  screener: 'screener',
  shelter_staff: 'shelter-staff',
  data_officer: 'data-officer',
  statistics_approver: 'approver',
  agency_admin: 'agency-administrator',
};

export const roleOfSlug = (slug: string): GuideRole | null => GUIDE_ROLES.find((role) => GUIDE_SLUGS[role] === slug) ?? null;

/** Roles whose work is another role's guide: a system administrator administers accounts too. */
const SAME_GUIDE: Partial<Record<BuiltInRole, GuideRole>> = {
  system_admin: 'agency_admin',
  legal_officer: 'case_manager',
  specialist_medical: 'case_manager',
  specialist_psychosocial: 'case_manager',
  specialist_legal: 'case_manager',
  repatriation_focal_point: 'case_manager',
  regional_coordinator: 'data_officer',
};

/** The guide for a user's roles: the first of her roles that has one, in the order she holds them. */
export function guideRoleFor(roles: readonly string[]): GuideRole | null {
  for (const role of roles) {
    if ((GUIDE_ROLES as readonly string[]).includes(role)) return role as GuideRole;
    const same = SAME_GUIDE[role as BuiltInRole];
    if (same) return same;
  }
  return null;
}

/** The screenshot of a step, as the e2e suite writes it into docs/screenshots/. */
export const screenshotName = (role: GuideRole, step: GuideStep) => `guide-${GUIDE_SLUGS[role]}-${step.key}.png`;
