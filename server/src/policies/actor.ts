import { type Locale, type Permission, VICTIM_DATA_PERMISSIONS } from '@seamless/contracts';
import type { DbActor, DbScope } from '../db/actorContext.js';

/** The signed-in person acting through a request. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  agencyId: string;
  agencyName: string;
  countryCode: string;
  roleKeys: string[];
  permissions: ReadonlySet<Permission>;
  locale: Locale;
  pseudonymMode: boolean;
  sessionId: string;
};

export const has = (actor: Pick<Actor, 'permissions'>, permission: Permission) => actor.permissions.has(permission);

const SCOPES_BY_PERMISSION: Partial<Record<Permission, DbScope[]>> = {
  'admin:agencies': ['agencies_admin'],
  'admin:roles': ['roles_admin'],
  'admin:users': ['users_admin'],
  'admin:users:all_agencies': ['users_admin', 'users_all'],
  'admin:audit': ['audit_agency'],
  'admin:audit:all_agencies': ['audit_agency', 'audit_all'],
  'admin:forms': ['forms_admin'],
  'admin:persons': ['persons_admin'],
  'case:break_glass': ['break_glass'],
  'directory:manage': ['directory_manage'],
  'stats:read': ['stats'],
  'export:htcds': ['htcds_export'],
  'admin:federation': ['federation_admin'],
};

/**
 * Directory keepers whose reach is the region rather than one agency: system administrators
 * (they administer every agency) and regional coordinators (their statistics span agencies).
 * Anyone else holding `directory:manage` keeps only her own agency's entry.
 */
const REGIONAL_REACH: readonly Permission[] = ['admin:agencies', 'stats:read'];
export const managesWholeDirectory = (actor: Pick<Actor, 'permissions'>) =>
  has(actor, 'directory:manage') && REGIONAL_REACH.some((permission) => has(actor, permission));

/** What row-level security is told about the actor: identity, agency and admin reach. */
export function dbActorOf(actor: Pick<Actor, 'userId' | 'agencyId' | 'permissions'>): DbActor {
  const scopes = new Set<DbScope>();
  for (const permission of actor.permissions) for (const scope of SCOPES_BY_PERMISSION[permission] ?? []) scopes.add(scope);
  if (managesWholeDirectory(actor)) scopes.add('directory_any');
  return { userId: actor.userId, agencyId: actor.agencyId, scopes: [...scopes] };
}

/** DESIGN.md §4: roles that see victim data must use a second factor. */
export const secondFactorRequiredFor = (permissions: Iterable<Permission>) =>
  [...permissions].some((permission) => VICTIM_DATA_PERMISSIONS.includes(permission) || permission.startsWith('admin:'));
