/**
 * Every permission the product knows. Roles are data (sets of these), but the vocabulary is
 * code: a typo in a permission name must fail to compile rather than silently deny.
 */
export const PERMISSIONS = [
  'case:read',
  'case:create',
  'case:update',
  'case:break_glass',
  'case:transfer',
  'section:identity',
  'section:medical',
  'section:psychosocial',
  'section:legal',
  'section:shelter',
  'section:family',
  'section:care',
  'intake:create',
  'stats:read',
  'stats:approve',
  'export:htcds',
  'export:identities',
  'import:htcds',
  'directory:manage',
  'shelter:place',
  'shelter:manage',
  'meeting:manage',
  'repatriation:manage',
  'admin:agencies',
  'admin:users',
  'admin:users:all_agencies',
  'admin:roles',
  'admin:audit',
  'admin:audit:all_agencies',
  'admin:forms',
  'admin:persons',
  'admin:federation',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** Need-to-know sections of a case record (DESIGN.md §4). */
export const CASE_SECTIONS = ['identity', 'medical', 'psychosocial', 'legal', 'shelter', 'family', 'care'] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];
export const sectionPermission = (section: CaseSection): Permission => `section:${section}`;

/** Roles seeded on every instance; admins may add more. */
export const BUILT_IN_ROLES = [
  'system_admin',
  'agency_admin',
  'hotline_operator',
  'screener',
  'case_manager',
  'specialist_medical',
  'specialist_psychosocial',
  'specialist_legal',
  'shelter_staff',
  'legal_officer',
  'repatriation_focal_point',
  'data_officer',
  'statistics_approver',
  'regional_coordinator',
] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

/**
 * Roles holding any of these read, record, import or export victim data, so a second factor is
 * required for them (DESIGN.md §4). A section permission counts on its own: whoever adds
 * `case:read` to such a role later must not find that its holders never enrolled.
 */
export const VICTIM_DATA_PERMISSIONS: readonly Permission[] = [
  'case:read',
  'case:create',
  'case:update',
  'case:break_glass',
  'case:transfer',
  'intake:create',
  ...CASE_SECTIONS.map(sectionPermission),
  'shelter:place',
  'shelter:manage',
  'meeting:manage',
  'repatriation:manage',
  'import:htcds',
  'export:htcds',
  'export:identities',
];
