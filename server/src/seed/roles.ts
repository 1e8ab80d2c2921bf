import type { BuiltInRole, Permission } from '@seamless/contracts';

type RoleDefinition = { name: string; permissions: Permission[]; assignableByAgencyAdmins?: boolean };

/**
 * Built-in roles (DESIGN.md §1). Names are English defaults; the UI shows `role.<key>` from catalogues.
 * Agency administrators may hand out only their own role until a system administrator delegates
 * more: every working role opens victim data.
 */
export const BUILT_IN_ROLE_DEFINITIONS: Record<BuiltInRole, RoleDefinition> = {
  system_admin: {
    name: 'System administrator',
    permissions: [
      'admin:agencies',
      'admin:users',
      'admin:users:all_agencies',
      'admin:roles',
      'admin:audit',
      'admin:audit:all_agencies',
      'admin:forms',
      'admin:persons',
      'admin:federation',
      'directory:manage',
    ],
  },
  agency_admin: {
    name: 'Agency administrator',
    permissions: ['admin:users', 'admin:audit', 'directory:manage'],
    assignableByAgencyAdmins: true,
  },
  hotline_operator: { name: 'Hotline operator', permissions: ['intake:create', 'case:create', 'case:read', 'section:identity'] },
  screener: {
    name: 'Screener / MDT member',
    permissions: ['case:read', 'case:create', 'case:update', 'section:identity', 'section:family'],
  },
  case_manager: {
    name: 'Case manager',
    permissions: [
      'case:read',
      'case:create',
      'case:update',
      'case:break_glass',
      'case:transfer',
      'section:identity',
      'section:shelter',
      'section:family',
      'section:care',
      'shelter:place',
      'meeting:manage',
      'repatriation:manage',
    ],
  },
  specialist_medical: { name: 'Medical specialist', permissions: ['case:read', 'section:medical'] },
  specialist_psychosocial: { name: 'Psychologist', permissions: ['case:read', 'section:psychosocial'] },
  specialist_legal: { name: 'Lawyer', permissions: ['case:read', 'section:legal'] },
  shelter_staff: {
    name: 'Shelter staff',
    permissions: ['case:read', 'case:update', 'section:identity', 'section:shelter', 'section:care', 'shelter:place', 'shelter:manage'],
  },
  legal_officer: { name: 'Legal / fund officer', permissions: ['case:read', 'section:legal'] },
  repatriation_focal_point: {
    name: 'Repatriation focal point',
    permissions: ['case:read', 'case:create', 'case:update', 'section:identity', 'section:family', 'repatriation:manage'],
  },
  data_officer: { name: 'Data officer', permissions: ['stats:read', 'export:htcds', 'import:htcds'] },
  // Signs statistical reports off for release: a second person, not the data officer who generated them.
  statistics_approver: { name: 'Statistics approver', permissions: ['stats:read', 'stats:approve'] },
  regional_coordinator: { name: 'Regional coordinator', permissions: ['stats:read', 'directory:manage'] },
};
