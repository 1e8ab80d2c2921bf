import type { Locale, Me } from '@seamless/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { applyLocale } from '../../i18n/i18n';
import { clearAllDrafts } from '../../lib/drafts/draftStore';
import { authApi } from './api';
import { meQueryKey } from './meQuery';

/** Makes a freshly signed-in user current: their cache entry and their interface language. */
export function useAdoptSignedInUser() {
  const queryClient = useQueryClient();
  return async (me: Me) => {
    queryClient.setQueryData(meQueryKey, me);
    await applyLocale(me.locale);
  };
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: authApi.logout,
    // Whatever the server answers, nothing of this session may stay on screen, in memory or in unsaved drafts.
    onSettled: async () => {
      clearAllDrafts(window.localStorage);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
      await router.navigate({ to: '/sign-in', search: {} });
    },
  });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.updatePreferences,
    onSuccess: async (me) => {
      queryClient.setQueryData(meQueryKey, me);
      // Preferences change what the server answers (e.g. pseudonyms instead of names): refetch the rest.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}

/** Switches the language on this device at once, and saves it to the account when signed in. */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  const { mutate: savePreferences } = useUpdatePreferences();
  return async (locale: Locale) => {
    await applyLocale(locale);
    if (queryClient.getQueryData(meQueryKey)) savePreferences({ locale });
  };
}
