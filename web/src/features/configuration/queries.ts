import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formKeys } from '../forms/useConfiguredForm';
import { configurationApi, type FormConfiguration, type FormSave, type LookupSave, type StoredLookupList } from './api';

const configurationKeys = {
  all: ['configuration'] as const,
  forms: () => [...configurationKeys.all, 'forms'] as const,
  lookups: () => [...configurationKeys.all, 'lookups'] as const,
};

export function useFormConfigurations() {
  return useQuery({ queryKey: configurationKeys.forms(), queryFn: configurationApi.forms });
}

export function useLookupLists() {
  return useQuery({ queryKey: configurationKeys.lookups(), queryFn: configurationApi.lookups });
}

/** After a save, the administrator's overview and every form shown to users are read again. */
function useInvalidateConfiguration() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: configurationKeys.all }),
      queryClient.invalidateQueries({ queryKey: formKeys.all }),
    ]);
}

export function useSaveForm(configuration: Pick<FormConfiguration, 'countryCode' | 'form'>) {
  const invalidate = useInvalidateConfiguration();
  return useMutation({
    mutationFn: (body: FormSave) => configurationApi.saveForm(configuration.countryCode, configuration.form, body),
    onSuccess: invalidate,
  });
}

export function useSaveLookupList(list: Pick<StoredLookupList, 'countryCode' | 'key'>) {
  const invalidate = useInvalidateConfiguration();
  return useMutation({
    mutationFn: (body: LookupSave) => configurationApi.saveLookup(list.countryCode, list.key, body),
    onSuccess: invalidate,
  });
}
