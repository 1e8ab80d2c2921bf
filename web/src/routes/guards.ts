import { type Me, type Permission, problemType } from '@seamless/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import { ApiProblem } from '../api/problem';
import { meQueryOptions } from '../features/auth/meQuery';
import { hasAnyPermission } from '../features/auth/permissions';

/** The signed-in user for the routes below, or a redirect to sign-in that returns here afterwards. */
export async function requireSignedIn(queryClient: QueryClient, returnTo: string): Promise<Me> {
  const me = await queryClient.ensureQueryData(meQueryOptions);
  if (!me) throw redirect({ to: '/sign-in', search: { redirect: returnTo } });
  return me;
}

/**
 * Hides a page from users whose role lacks the permission, with the same answer the server
 * would give. The server still enforces it; this only spares a request that would fail.
 */
export function requireAnyPermission(me: Me, permissions: readonly Permission[]): void {
  if (!hasAnyPermission(me, permissions)) {
    throw new ApiProblem({ type: problemType('forbidden'), title: 'Forbidden', status: 403, code: 'forbidden' });
  }
}
