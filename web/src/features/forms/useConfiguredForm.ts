import type { FormKind } from '@seamless/contracts';
import { useQuery } from '@tanstack/react-query';
import { formsApi } from './api';

/** Form configurations change rarely, and an administrator's save invalidates them (see `formKeys`). */
const CONFIGURATION_STALE_MS = 10 * 60 * 1000;

export const formKeys = {
  all: ['forms'] as const,
  active: (form: FormKind) => [...formKeys.all, 'active', form] as const,
};

/**
 * The country's configured form (intake, case or identification) for the signed-in user's agency,
 * with its picklists: what `ConfiguredFields` renders and `checkFormAnswers` checks.
 */
export function useConfiguredForm(form: FormKind) {
  return useQuery({ queryKey: formKeys.active(form), queryFn: () => formsApi.active(form), staleTime: CONFIGURATION_STALE_MS });
}
