import type { Me, Permission } from '@seamless/contracts';

export function hasPermission(me: Pick<Me, 'permissions'>, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export function hasAnyPermission(me: Pick<Me, 'permissions'>, permissions: readonly Permission[]): boolean {
  return permissions.some((permission) => me.permissions.includes(permission));
}
