import { BUILT_IN_ROLES, type BuiltInRole } from '@seamless/contracts';
import type { TFunction } from 'i18next';

function isBuiltInRole(key: string): key is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(key);
}

/** Built-in roles are named by the catalogue; roles an admin added carry their own name. */
export function roleLabel(t: TFunction, key: string, name?: string): string {
  return isBuiltInRole(key) ? t(`role.${key}`) : (name ?? key);
}
