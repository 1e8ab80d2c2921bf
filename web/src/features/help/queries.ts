import { useMutation, useQuery } from '@tanstack/react-query';
import { helpApi } from './api';

/** Keyed by whether she is signed in: signing in adds her agency's administrators. */
export function useHelpContact(signedIn: boolean) {
  return useQuery({ queryKey: ['help', 'contact', signedIn], queryFn: helpApi.contact, staleTime: 10 * 60 * 1000 });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: helpApi.requestPasswordReset });
}
