import { PERMISSIONS, type Permission } from '@seamless/contracts';

type GroupOf<Name> = Name extends `${infer Group}:${string}` ? Group : never;
type Underscored<Name extends string> = Name extends `${infer Head}:${infer Tail}` ? `${Head}_${Underscored<Tail>}` : Name;

/** The first segment of a permission: `case`, `section`, `admin`, … */
export type PermissionGroup = GroupOf<Permission>;
/** A permission as a catalogue key: ':' separates namespaces in i18next, so it becomes '_'. */
export type PermissionKey = Underscored<Permission>;

export function permissionKey(permission: Permission): PermissionKey {
  return permission.replaceAll(':', '_') as PermissionKey;
}

function groupOf(permission: Permission): PermissionGroup {
  return permission.slice(0, permission.indexOf(':')) as PermissionGroup;
}

/** Permissions grouped by their first segment, in the order the contract lists them. */
export const PERMISSION_GROUPS: ReadonlyArray<{ group: PermissionGroup; permissions: readonly Permission[] }> = [
  ...new Set(PERMISSIONS.map(groupOf)),
].map((group) => ({ group, permissions: PERMISSIONS.filter((permission) => groupOf(permission) === group) }));
