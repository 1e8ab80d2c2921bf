import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type RoleCreate, type RoleUpdate, roleApi } from './api';
import { roleLabel } from './roleLabel';

const rolesKey = ['roles'] as const;

export function useRoles() {
  return useQuery({ queryKey: rolesKey, queryFn: roleApi.list });
}

/**
 * Roles as options for assigning them to a user, labelled in the reader's language: those the
 * reader may hand out, and those the user already holds (shown, but not offered).
 */
export function useRoleOptions(held: readonly string[] = []) {
  const { t } = useTranslation();
  const { data } = useRoles();
  return useMemo(() => {
    const roles = data?.items ?? [];
    return {
      options: roles
        .filter((role) => role.assignable || held.includes(role.key))
        .map((role) => ({ value: role.key, label: roleLabel(t, role.key, role.name), disabled: !role.assignable })),
      limited: roles.some((role) => !role.assignable),
    };
  }, [data, t, held]);
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoleCreate) => roleApi.create(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RoleUpdate }) => roleApi.update(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}
